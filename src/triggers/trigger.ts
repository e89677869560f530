import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { ServerlessFunction } from '../function/serverless-function';

/**
 * What a trigger reports back to the function it was added to.
 */
export interface TriggerConfig {
  /** What the trigger is, for people (e.g. `SQS queue Orders/Queue`). */
  readonly description: string;

  /**
   * The failure sinks the trigger created or wired (each keeps failed events 14 days, is encrypted
   * and alarmed), so dashboards and checks can find them.
   *
   * @default - none
   */
  readonly failureQueues?: sqs.IQueue[];

  /**
   * Whether the trigger reads a stream (Kinesis, DynamoDB Streams), so the function's iterator age
   * matters.
   *
   * @default false
   */
  readonly readsStream?: boolean;
}

/**
 * An event source for a {@link ServerlessFunction}. Create one with the `Trigger` factories and add it
 * with `ServerlessFunction.addTrigger`; it targets the function's `live` alias, applies its
 * best-practice failure handling and checks its quotas at synth.
 */
export interface ITrigger {
  /**
   * Wires the event source to the function. Called once, by `ServerlessFunction.addTrigger`.
   *
   * @param target the function to trigger
   */
  bind(target: ServerlessFunction): TriggerConfig;
}
