import { Duration } from 'aws-cdk-lib';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import { Construct } from 'constructs';
import { BlueprintPatternProps } from './blueprint-pattern-props';
import { refuseSourceOptionsWithExisting } from './private/source-options';
import { ServerlessFunction } from '../function/serverless-function';
import { KinesisTrigger, KinesisTriggerOptions } from '../triggers/stream/kinesis-trigger';
import { validateStreamOptions } from '../triggers/stream/stream-checks';
import { Trigger } from '../triggers/trigger-factories';
import { ConstructionGuard } from '../validation/construction-guard';
import { ErrorCodes } from '../validation/error-codes';
import { PROP_SHAPES } from '../validation/prop-shapes.generated';
import { Validator } from '../validation/validator';
import { checkPatternProps, PatternPaths, patternTriggerValidator, validatePatternFunction } from './private/pattern-shape';

/**
 * Properties of a {@link StreamProcessor}.
 */
export interface StreamProcessorProps extends BlueprintPatternProps {
  /**
   * An existing Kinesis data stream to process instead of a new one.
   *
   * @default - a new stream (KMS-encrypted with alias/aws/kinesis, on-demand, 24 hours)
   */
  readonly stream?: kinesis.IStream;

  /**
   * The capacity mode of the new stream.
   *
   * @default StreamMode.ON_DEMAND (no shards to size; scales with traffic)
   */
  readonly streamMode?: kinesis.StreamMode;

  /**
   * The shard count of a new PROVISIONED stream (1 to 500, the default per-stream quota).
   *
   * @default 1
   */
  readonly shardCount?: number;

  /**
   * How long the new stream keeps records (24 hours to 365 days).
   *
   * @default Duration.hours(24) (the included retention; longer retention is billed per shard-hour)
   */
  readonly retentionPeriod?: Duration;

  /**
   * Settings of the Kinesis trigger.
   *
   * @default - 3 retries, 1-day record age, bisect on error, a FailureQueue on failure
   */
  readonly triggerOptions?: KinesisTriggerOptions;
}

/**
 * A Kinesis data stream processed by a {@link ServerlessFunction} (reference workload 2).
 *
 * The stream is on-demand and encrypted with the AWS managed key `alias/aws/kinesis`
 * (AwsSolutions-KDS3). The trigger retries a failing batch 3 times, bisecting it to isolate the bad
 * record, and then sends the batch's metadata to a 14-day, alarmed FailureQueue, so the shard moves on
 * and nothing is lost.
 */
export class StreamProcessor extends Construct {
  /** The stream being processed. */
  public readonly stream: kinesis.IStream;

  /** The function that processes the records. */
  public readonly function: ServerlessFunction;

  /** The trigger: what it created (mapping, rule, subscription, failure queue) are its properties. */
  public readonly trigger: KinesisTrigger;

  constructor(scope: Construct, id: string, props: StreamProcessorProps) {
    super(scope, id);
    const guard = ConstructionGuard.forConstructor(this);
    const paths = new PatternPaths('triggerOptions', PROP_SHAPES.KinesisTriggerOptions);
    try {
      const v = new Validator(this);
      checkPatternProps(v, props, PROP_SHAPES.StreamProcessorProps);
      refuseSourceOptionsWithExisting(v, 'stream', props.stream !== undefined, {
        streamMode: props.streamMode, shardCount: props.shardCount, retentionPeriod: props.retentionPeriod,
      });
      const mode = props.streamMode ?? kinesis.StreamMode.ON_DEMAND;
      v.failIf(mode === kinesis.StreamMode.ON_DEMAND && props.shardCount !== undefined, {
        code: ErrorCodes.LBP_STREAM_SHARD_COUNT,
        property: 'shardCount',
        value: `${props.shardCount} with an ON_DEMAND stream`,
        limit: 'on-demand streams manage their own shards',
        fix: 'remove shardCount, or set streamMode: StreamMode.PROVISIONED',
      });
      v.range(ErrorCodes.LBP_STREAM_SHARD_COUNT, 'shardCount', props.shardCount, 1, 500, { integer: true });
      const hours = props.retentionPeriod && !props.retentionPeriod.isUnresolved() ? props.retentionPeriod.toHours({ integral: false }) : undefined;
      v.range(ErrorCodes.LBP_STREAM_RETENTION, 'retentionPeriod', hours, 24, 8760, { unit: 'hours', integer: true });
      // The function's and the trigger's own checks too: every problem in one round, before anything exists.
      validatePatternFunction(v, props.code, props.functionOptions);
      validateStreamOptions(patternTriggerValidator(v, 'triggerOptions', PROP_SHAPES.KinesisTriggerOptions), props.triggerOptions ?? {}, { supportsTimestamp: true });
      v.throwIfAny();

      this.stream = props.stream ?? new kinesis.Stream(this, 'Stream', {
        encryption: kinesis.StreamEncryption.MANAGED,
        streamMode: mode,
        shardCount: mode === kinesis.StreamMode.PROVISIONED ? props.shardCount ?? 1 : undefined,
        retentionPeriod: props.retentionPeriod ?? Duration.hours(24),
      });
      paths.building('function');
      this.function = ServerlessFunction._checked(this, 'Processor', { ...props.functionOptions, code: props.code });
      paths.building('trigger');
      this.trigger = Trigger.kinesis(this.stream, props.triggerOptions);
      this.function.addTrigger(this.trigger);
    } catch (error) {
      throw guard.fail(error, paths.rename);
    }
  }
}
