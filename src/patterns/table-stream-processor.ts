import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { BlueprintPatternProps } from './blueprint-pattern-props';
import { refuseSourceOptionsWithExisting } from './private/source-options';
import { acknowledge } from '../acknowledgements/acknowledge';
import { CreatedSourceAcknowledgement } from '../acknowledgements/acknowledgements';
import { ServerlessFunction } from '../function/serverless-function';
import { checkPatternProps, PatternPaths, patternTriggerValidator, validatePatternFunction } from './private/pattern-shape';
import { DynamoDbStreamTrigger, DynamoDbStreamTriggerOptions } from '../triggers/stream/dynamodb-stream-trigger';
import { validateStreamOptions } from '../triggers/stream/stream-checks';
import { validateTableStream } from '../triggers/stream/table-stream-checks';
import { Trigger } from '../triggers/trigger-factories';
import { ConstructionGuard } from '../validation/construction-guard';
import { ErrorCodes } from '../validation/error-codes';
import { PROP_SHAPES } from '../validation/prop-shapes.generated';
import { Validator } from '../validation/validator';

/**
 * Properties of a {@link TableStreamProcessor}.
 */
export interface TableStreamProcessorProps extends BlueprintPatternProps {
  /**
   * An existing table (with a stream) to process instead of a new one.
   *
   * @default - a new table
   */
  readonly table?: dynamodb.ITable;

  /**
   * The partition key of the new table (required without `table`).
   *
   * @default - none: required when `table` is not given
   */
  readonly partitionKey?: dynamodb.Attribute;

  /**
   * The sort key of the new table.
   *
   * @default - none
   */
  readonly sortKey?: dynamodb.Attribute;

  /**
   * A customer-managed key for the new table (the function is granted decrypt for the stream).
   *
   * @default - the AWS managed key `alias/aws/dynamodb` (KMS, no key policy to manage)
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * What happens to the new table when it is removed from the stack.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * Settings of the DynamoDB Streams trigger.
   *
   * @default - 3 retries, 1-day record age, bisect on error, a FailureQueue on failure
   */
  readonly triggerOptions?: DynamoDbStreamTriggerOptions;
}

/**
 * A DynamoDB table whose change stream is processed by a {@link ServerlessFunction} (reference workload 6).
 *
 * The table is on-demand, KMS-encrypted, and has point-in-time recovery and a NEW_AND_OLD_IMAGES
 * stream. The trigger has bounded retries, bisect-on-error and a 14-day, alarmed FailureQueue on
 * failure.
 */
export class TableStreamProcessor extends Construct {
  /** The table whose stream is processed. */
  public readonly table: dynamodb.ITable;

  /** The function that processes the change records. */
  public readonly function: ServerlessFunction;

  /** The trigger: what it created (mapping, rule, subscription, failure queue) are its properties. */
  public readonly trigger: DynamoDbStreamTrigger;

  constructor(scope: Construct, id: string, props: TableStreamProcessorProps) {
    super(scope, id);
    const guard = ConstructionGuard.forConstructor(this);
    const paths = new PatternPaths('triggerOptions', PROP_SHAPES.DynamoDbStreamTriggerOptions);
    try {
      const v = new Validator(this);
      checkPatternProps(v, props, PROP_SHAPES.TableStreamProcessorProps);
      refuseSourceOptionsWithExisting(v, 'table', props.table !== undefined, {
        partitionKey: props.partitionKey, sortKey: props.sortKey, encryptionKey: props.encryptionKey, removalPolicy: props.removalPolicy,
      });
      v.failIf(!props.table && !props.partitionKey, {
        code: ErrorCodes.LBP_TABLE_PARTITION_KEY,
        property: 'partitionKey',
        value: 'undefined',
        limit: 'a new table needs a partition key',
        fix: 'set partitionKey (e.g. { name: "pk", type: AttributeType.STRING }), or pass an existing `table`',
      });
      // The function's and the trigger's own checks too: every problem in one round, before anything exists.
      validatePatternFunction(v, props.code, props.functionOptions);
      const tv = patternTriggerValidator(v, 'triggerOptions', PROP_SHAPES.DynamoDbStreamTriggerOptions);
      validateStreamOptions(tv, props.triggerOptions ?? {}, { supportsTimestamp: false });
      if (props.table) {
        validateTableStream(tv, props.table);
      }
      v.throwIfAny();

      if (props.table) {
        this.table = props.table;
      } else {
        const table = new dynamodb.Table(this, 'Table', {
          partitionKey: props.partitionKey!,
          sortKey: props.sortKey,
          billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
          pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
          encryption: props.encryptionKey ? dynamodb.TableEncryption.CUSTOMER_MANAGED : dynamodb.TableEncryption.AWS_MANAGED,
          encryptionKey: props.encryptionKey,
          stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
          removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
        });
        if (!props.encryptionKey) {
          acknowledge(table, CreatedSourceAcknowledgement.TABLE_AWS_MANAGED_KEY);
        }
        this.table = table;
      }
      paths.building('function');
      this.function = ServerlessFunction._checked(this, 'Processor', { ...props.functionOptions, code: props.code });
      paths.building('trigger');
      this.trigger = Trigger.dynamoDbStream(this.table, props.triggerOptions);
      this.function.addTrigger(this.trigger);
    } catch (error) {
      throw guard.fail(error, paths.rename);
    }
  }
}
