import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { BlueprintPatternProps } from './blueprint-pattern-props';
import { checkPatternProps, PatternPaths, patternTriggerValidator, validatePatternFunction } from './private/pattern-shape';
import { refuseSourceOptionsWithExisting } from './private/source-options';
import { acknowledge, acknowledgeResourceWildcards } from '../acknowledgements/acknowledge';
import { CreatedSourceAcknowledgement, ResourceWildcardAcknowledgement } from '../acknowledgements/acknowledgements';
import { blueprintKey } from '../encryption/blueprint-key';
import { ServerlessFunction } from '../function/serverless-function';
import { validateS3Bucket, validateS3TriggerOptions } from '../triggers/s3/s3-checks';
import { S3Trigger, S3TriggerOptions } from '../triggers/s3/s3-trigger';
import { Trigger } from '../triggers/trigger-factories';
import { ConstructionGuard } from '../validation/construction-guard';
import { PROP_SHAPES } from '../validation/prop-shapes.generated';
import { Validator } from '../validation/validator';

/**
 * Properties of a {@link BucketProcessor}.
 */
export interface BucketProcessorProps extends BlueprintPatternProps {
  /**
   * An existing bucket to process instead of a new one. A bucket defined in the app gets its
   * EventBridge notifications turned on; an imported one must have them on (state it with
   * `triggerOptions.bucketSendsToEventBridge`).
   *
   * @default - a new bucket (SSE-KMS with a bucket key, TLS-only, private, versioned, access-logged)
   */
  readonly bucket?: s3.IBucket;

  /**
   * The KMS key of the new bucket (used with an S3 bucket key, so KMS is called once per bucket key
   * period rather than per object).
   *
   * @default - the stack's blueprint key
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * Where the new bucket's server access logs go.
   *
   * @default - a new access-log bucket (SSE-S3, which S3 log delivery requires; TLS-only, private, versioned)
   */
  readonly serverAccessLogsBucket?: s3.IBucket;

  /**
   * What happens to the new buckets when they are removed from the stack.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * Whether the function may read the objects it is triggered for (`s3:GetObject` on the matching
   * keys, plus decrypt on the bucket's key). The grant's AwsSolutions-IAM5 finding (the key wildcard) is
   * acknowledged on the pattern's own policy, for imported buckets too.
   *
   * @default - true for a bucket defined in the app (new or existing), false for an imported one
   */
  readonly readObjects?: boolean;

  /**
   * Settings of the S3 trigger (event types, key prefix and suffix, retry policy).
   *
   * @default - object-created events of every key
   */
  readonly triggerOptions?: S3TriggerOptions;
}

/**
 * The lifecycle rule of the buckets the pattern creates: parts of uploads never completed are deleted after
 * 7 days (they are billed and invisible in listings). No object or version is ever expired: how long data
 * is kept is yours to decide (add rules with `bucket.addLifecycleRule`). AWS Control Tower's CT.S3.PR.3
 * and CT.S3.PR.6 require an enabled lifecycle rule on every (versioned) bucket.
 */
const ABORT_INCOMPLETE_UPLOADS: s3.LifecycleRule = {
  id: 'AbortIncompleteMultipartUploads',
  abortIncompleteMultipartUploadAfter: Duration.days(7),
};

/**
 * An S3 bucket whose object events are processed by a {@link ServerlessFunction} (reference workload 1).
 *
 * Events go through EventBridge, with no custom resource. The bucket is SSE-KMS encrypted, TLS-only,
 * blocks public access, is versioned and access-logged, and aborts incomplete uploads after 7 days. The rule target has a retry policy and a
 * dead-letter queue, and events the function fails on go to its own dead-letter queue.
 */
export class BucketProcessor extends Construct {
  /** The bucket being processed. */
  public readonly bucket: s3.IBucket;

  /** The access-log bucket the pattern created (undefined with an existing bucket or your own log bucket). */
  public readonly accessLogsBucket?: s3.IBucket;

  /** The function that processes the object events. */
  public readonly function: ServerlessFunction;

  /** The trigger: what it created (mapping, rule, subscription, failure queue) are its properties. */
  public readonly trigger: S3Trigger;

  constructor(scope: Construct, id: string, props: BucketProcessorProps) {
    super(scope, id);
    const guard = ConstructionGuard.forConstructor(this);
    const paths = new PatternPaths('triggerOptions', PROP_SHAPES.S3TriggerOptions);
    try {
      const v = new Validator(this);
      checkPatternProps(v, props, PROP_SHAPES.BucketProcessorProps);
      refuseSourceOptionsWithExisting(v, 'bucket', props.bucket !== undefined, {
        encryptionKey: props.encryptionKey, serverAccessLogsBucket: props.serverAccessLogsBucket, removalPolicy: props.removalPolicy,
      });
      // The function's and the trigger's own checks too: every problem in one round, before anything exists.
      validatePatternFunction(v, props.code, props.functionOptions);
      const tv = patternTriggerValidator(v, 'triggerOptions', PROP_SHAPES.S3TriggerOptions);
      validateS3TriggerOptions(tv, props.triggerOptions ?? {});
      if (props.bucket) {
        validateS3Bucket(tv, props.bucket, props.triggerOptions ?? {});
      }
      v.throwIfAny();

      if (props.bucket) {
        this.bucket = props.bucket;
      } else {
        const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
        let logs = props.serverAccessLogsBucket;
        if (!logs) {
          const logBucket = new s3.Bucket(this, 'AccessLogs', {
            ...hardenedBucketProps(removalPolicy),
            encryption: s3.BucketEncryption.S3_MANAGED,
          });
          // Object events go to EventBridge (free until a rule matches): AWS Control Tower's CT.S3.PR.4. Set on
          // the resource, as the S3 trigger does: `eventBridgeEnabled` would add a custom resource (a function).
          (logBucket.node.defaultChild as s3.CfnBucket).notificationConfiguration = {
            eventBridgeConfiguration: { eventBridgeEnabled: true },
          };
          acknowledge(logBucket, CreatedSourceAcknowledgement.ACCESS_LOG_BUCKET_SSE_S3);
          this.accessLogsBucket = logBucket;
          logs = logBucket;
        }
        const bucket = new s3.Bucket(this, 'Bucket', {
          ...hardenedBucketProps(removalPolicy),
          encryption: s3.BucketEncryption.KMS,
          encryptionKey: props.encryptionKey ?? blueprintKey(this),
          bucketKeyEnabled: true,
        });
        configureAccessLogs(bucket, logs);
        this.bucket = bucket;
      }

      paths.building('function');
      this.function = ServerlessFunction._checked(this, 'Processor', { ...props.functionOptions, code: props.code });
      paths.building('trigger');
      this.trigger = Trigger.s3(this.bucket, props.triggerOptions);
      this.function.addTrigger(this.trigger);

      const inApp = this.bucket instanceof s3.Bucket;
      if (props.readObjects ?? inApp) {
        this.grantReadObjects(props.triggerOptions?.prefix);
      }
    } catch (error) {
      throw guard.fail(error, paths.rename);
    }
  }

  /**
   * `s3:GetObject` on the keys the trigger matches (the prefix, if any) and decrypt on the bucket's
   * key. Object ARNs need a wildcard after the prefix; that one finding is acknowledged precisely, on
   * a policy of its own that only this pattern writes (a user's `bucket.grantRead(fn)` lands in the
   * function's policy, where nothing is acknowledged).
   */
  private grantReadObjects(prefix: string | undefined): void {
    const resource = this.bucket.arnForObjects(`${prefix ?? ''}*`);
    const policy = new iam.ManagedPolicy(this, 'ReadObjectsPolicy', {
      description: `s3:GetObject on the objects whose events ${this.function.node.path} processes`,
      roles: [this.function.role!],
      statements: [new iam.PolicyStatement({
        sid: 'ReadTriggeringObjects',
        actions: ['s3:GetObject'],
        resources: [resource],
      })],
    });
    this.bucket.encryptionKey?.grantDecrypt(this.function);
    acknowledgeResourceWildcards(policy, ResourceWildcardAcknowledgement.BUCKET_PROCESSOR_OBJECTS, [resource]);
  }
}

const ACCESS_LOGS_PREFIX = 'access-logs/';

/** What both buckets of the pattern share: TLS only, no public access, owner-enforced, versioned, uploads cleaned up. */
function hardenedBucketProps(removalPolicy: RemovalPolicy): s3.BucketProps {
  return {
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    versioned: true,
    lifecycleRules: [ABORT_INCOMPLETE_UPLOADS],
    removalPolicy,
  };
}

/**
 * Server access logging through the log bucket's policy (what AWS recommends over the
 * LogDeliveryWrite ACL), set on the L1 so it does not depend on the app's
 * `@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy` feature flag.
 */
function configureAccessLogs(bucket: s3.Bucket, logs: s3.IBucket): void {
  (bucket.node.defaultChild as s3.CfnBucket).loggingConfiguration = {
    destinationBucketName: logs.bucketName,
    logFilePrefix: ACCESS_LOGS_PREFIX,
  };
  logs.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowS3ServerAccessLogDelivery',
    principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
    actions: ['s3:PutObject'],
    resources: [logs.arnForObjects(`${ACCESS_LOGS_PREFIX}*`)],
    conditions: {
      ArnLike: { 'aws:SourceArn': bucket.bucketArn },
      StringEquals: { 'aws:SourceAccount': Stack.of(bucket).account },
    },
  }));
}
