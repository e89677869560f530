import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { grantsOnlyForAwsServices } from '../encryption/blueprint-key';
import { ConstructionGuard } from '../validation/construction-guard';
import { PROP_SHAPES } from '../validation/prop-shapes.generated';
import { checkShape } from '../validation/prop-types';
import { Validator } from '../validation/validator';

/**
 * Properties of an {@link IdempotencyTable}.
 */
export interface IdempotencyTableProps {
  /**
   * The customer-managed KMS key that encrypts the table. A key you pass must let this account's principals use
   * it through IAM (the default key policy does).
   *
   * @default - a key of the table's own, rotation on, removed with the same policy as the table
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * What happens to the table (and the key the library created for it) when it is removed from the stack.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The DynamoDB table Powertools for AWS Lambda's idempotency utility keeps its records in, with the layout its
 * DynamoDB persistence layer uses by default (Python and TypeScript): partition key `id` (a string), the
 * record's expiry in `expiration`, which is the table's time-to-live attribute, so DynamoDB deletes expired
 * records. On-demand capacity (no idle cost for capacity), point-in-time recovery, encryption with a
 * customer-managed KMS key, and retained when removed from the stack.
 *
 * Give a function access with the function's `powertools.idempotencyTable` option (which also names the table
 * in the `IDEMPOTENCY_TABLE_NAME` variable) or with `grantIdempotency`. See docs/powertools.md.
 */
export class IdempotencyTable extends Construct {
  /** The partition key attribute (`id`), Powertools' default `key_attr` / `keyAttr`. */
  public static readonly PARTITION_KEY: string = 'id';

  /** The time-to-live attribute (`expiration`), Powertools' default `expiry_attr` / `expiryAttr`. */
  public static readonly TIME_TO_LIVE_ATTRIBUTE: string = 'expiration';

  /** The environment variable that names the table in a function given it by `powertools.idempotencyTable`. */
  public static readonly TABLE_NAME_VARIABLE: string = 'IDEMPOTENCY_TABLE_NAME';

  /**
   * The DynamoDB item actions Powertools' DynamoDB persistence layer calls: GetItem (read a record),
   * PutItem (a conditional put that claims a request), UpdateItem (save the result or the failure), DeleteItem
   * (drop the record of a failed request).
   */
  public static readonly ITEM_ACTIONS: string[] = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'];

  /** The table. */
  public readonly table: dynamodb.Table;

  /** The key that encrypts the table. */
  public readonly encryptionKey: kms.IKey;

  /** The table's name. */
  public readonly tableName: string;

  /** The table's ARN. */
  public readonly tableArn: string;

  constructor(scope: Construct, id: string, props: IdempotencyTableProps = {}) {
    super(scope, id);
    const guard = ConstructionGuard.forConstructor(this);
    try {
      const v = new Validator(this);
      checkShape(v, '', props, PROP_SHAPES.IdempotencyTableProps);
      v.throwIfAny();

      const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
      this.encryptionKey = props.encryptionKey ?? this.createKey(removalPolicy);
      this.table = new dynamodb.Table(this, 'Table', {
        partitionKey: { name: IdempotencyTable.PARTITION_KEY, type: dynamodb.AttributeType.STRING },
        timeToLiveAttribute: IdempotencyTable.TIME_TO_LIVE_ATTRIBUTE,
        billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
        encryptionKey: this.encryptionKey,
        removalPolicy,
      });
      this.tableName = this.table.tableName;
      this.tableArn = this.table.tableArn;
    } catch (error) {
      throw guard.fail(error);
    }
  }

  /**
   * Lets `grantee` keep idempotency records in the table: the four item actions of {@link ITEM_ACTIONS} on this
   * table only, and the use of its key (`kms:Decrypt`, `kms:Encrypt`, `kms:GenerateDataKey`, `kms:DescribeKey`).
   * It does not set a variable naming the table: the function's `powertools.idempotencyTable` option does both.
   *
   * @param grantee who keeps records (a function, or its role)
   */
  public grantIdempotency(grantee: iam.IGrantable): iam.Grant {
    const grant = this.table.grant(grantee, ...IdempotencyTable.ITEM_ACTIONS);
    this.encryptionKey.grant(grantee, 'kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey');
    return grant;
  }

  private createKey(removalPolicy: RemovalPolicy): kms.Key {
    const key = new kms.Key(this, 'Key', {
      description: `cdk-lambda-blueprints: encryption of the idempotency table ${this.node.path}`,
      enableKeyRotation: true,
      removalPolicy,
    });
    // AWS Control Tower's CT.KMS.PR.3: grants only for AWS resources (DynamoDB creates its own for the table).
    key.addToResourcePolicy(grantsOnlyForAwsServices());
    return key;
  }
}
