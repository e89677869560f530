import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { IConstruct } from 'constructs';

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

  /**
   * The event source mappings the trigger created, so the function can watch their metrics
   * (events that failed or were dropped on the way to the function).
   *
   * @default - none
   */
  readonly eventSourceMappings?: lambda.IEventSourceMapping[];
}

/**
 * What a trigger binds to: the parts of a function a trigger needs. `ServerlessFunction` implements
 * it; the trigger's resources are created under it (as children of `node`).
 */
export interface ITriggerTarget extends IConstruct {
  /** The alias the trigger invokes (a ServerlessFunction's `live` alias). */
  readonly alias: lambda.Alias;

  /**
   * The execution role (always set on a ServerlessFunction, optional as in `lambda.IFunction`).
   * Grants for reading the source go to the alias's principal, and the resources that need those
   * grants at creation (event source mappings) depend on this role and its policies.
   *
   * @default - no dependency is added
   */
  readonly role?: iam.IRole;

  /** The invocation timeout, checked against the source's limits (e.g. SQS visibility timeout). */
  readonly timeout: Duration;

  /** Where the alarms of the trigger's failure queues notify. */
  readonly alarmTopic: sns.ITopic;

  /** Where asynchronous invocations that fail every attempt go. */
  readonly deadLetterQueue: sqs.IQueue;

  /**
   * The function's own log group, so that a log subscription can refuse it (an invocation loop).
   * Required: jsii does not let `ServerlessFunction.logGroup` (always set) implement an optional one.
   */
  readonly logGroup: logs.ILogGroup;
}

/**
 * An event source for a ServerlessFunction. Create one with the `Trigger` factories and add it
 * with `ServerlessFunction.addTrigger`; it targets the function's `live` alias, applies its
 * best-practice failure handling and checks its quotas at synth.
 */
export interface ITrigger {
  /**
   * Wires the event source to the function. Called once, by `ServerlessFunction.addTrigger`.
   *
   * @param target the function to trigger
   */
  bind(target: ITriggerTarget): TriggerConfig;
}
