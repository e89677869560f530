import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { checkTriggerOptions, SCHEDULE_TRIGGER_SHAPE, triggerNotAdded, triggerReused } from '../private/option-shapes';
import { validateScheduleTriggerOptions } from './schedule-checks';
import { triggerScope } from '../private/trigger-scope';
import { ITrigger, ITriggerTarget, TriggerConfig } from '../trigger';
import { TriggerSchedule } from './trigger-schedule';
import { FailureQueue } from '../../destinations/failure-queue';
import { ManagedPolicyRole } from '../../iam/managed-policy-role';
import { Validator } from '../../validation/validator';

/**
 * Options of a schedule trigger (EventBridge Scheduler).
 */
export interface ScheduleTriggerOptions {
  /**
   * The IANA time zone the schedule's cron or at expression is read in (daylight saving included).
   *
   * @default 'UTC'
   */
  readonly timeZone?: string;

  /**
   * Lets Scheduler start the invocation at any time within this window after the scheduled time,
   * to spread load (1 minute to 24 hours, whole minutes).
   *
   * @default - none: the schedule fires at the scheduled time
   */
  readonly flexibleTimeWindow?: Duration;

  /**
   * How many times Scheduler retries delivering an invocation it could not hand to Lambda (0 to 185).
   * Errors inside the function are retried by Lambda's asynchronous invocation instead.
   *
   * @default 10
   */
  readonly retryAttempts?: number;

  /**
   * How long Scheduler keeps retrying an undelivered invocation (1 minute to 24 hours).
   *
   * @default Duration.hours(1): a scheduled job that runs hours late is usually worse than one that is
   * parked in the failure queue and alarmed
   */
  readonly maxEventAge?: Duration;

  /**
   * The JSON event the function receives on every run (at most 8,192 characters once serialised).
   *
   * @default - Scheduler's empty event `{}`
   */
  readonly input?: { [key: string]: any };

  /**
   * A description of the schedule.
   *
   * @default - one naming the function
   */
  readonly description?: string;

  /**
   * Whether the schedule is enabled.
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * The schedule group (which must exist).
   *
   * @default - the account's `default` group
   */
  readonly groupName?: string;

  /**
   * Where invocations that Scheduler could not deliver within the retry policy go. A queue you pass
   * must be a standard queue; the schedule's role gets `sqs:SendMessage` on it (and the KMS actions
   * on its key, if any).
   *
   * @default - a FailureQueue: 14 days, SSE-SQS, TLS-only, alarmed
   */
  readonly deadLetterQueue?: sqs.IQueue;
}

/**
 * Invokes the function's `live` alias on a schedule, through EventBridge Scheduler: its own role,
 * limited to invoking the alias and writing to the failure queue (one customer-managed policy), a
 * bounded retry policy, a dead-letter queue, a time zone and an optional flexible window. The cron,
 * rate or at expression is checked at synth.
 *
 * Create it with `Trigger.schedule(...)`.
 */
export class ScheduleTrigger implements ITrigger {
  /** When the schedule fires. */
  public readonly when: TriggerSchedule;

  private readonly options: ScheduleTriggerOptions;
  private bound?: { schedule: scheduler.CfnSchedule; role: iam.IRole; deadLetterQueue: sqs.IQueue };

  /**
   * @param when when the schedule fires
   * @param options the schedule's settings
   */
  constructor(when: TriggerSchedule, options: ScheduleTriggerOptions = {}) {
    this.when = when;
    this.options = options;
  }

  /** The schedule (available once the trigger was added to a function). */
  public get schedule(): scheduler.CfnSchedule {
    return this.resources().schedule;
  }

  /** The role Scheduler assumes to invoke the alias (available once added). */
  public get role(): iam.IRole {
    return this.resources().role;
  }

  /** Where undeliverable invocations go (available once added). */
  public get deadLetterQueue(): sqs.IQueue {
    return this.resources().deadLetterQueue;
  }

  /** @inheritdoc */
  public bind(target: ITriggerTarget): TriggerConfig {
    if (this.bound) {
      throw triggerReused(target, 'schedule');
    }
    const opts = this.options;
    const scope = triggerScope(target, 'Schedule');
    const v = new Validator(scope);
    checkTriggerOptions(v, this.options, SCHEDULE_TRIGGER_SHAPE);
    const { expression, timeZone, windowMinutes, input, retry } = validateScheduleTriggerOptions(v, this.when, opts);
    v.throwIfAny();

    const stack = Stack.of(scope);
    const role = new ManagedPolicyRole(scope, 'Role', {
      service: 'scheduler.amazonaws.com',
      sourceAccount: stack.account,
      description: `the schedule that invokes ${target.node.path}`,
      policyDescription: `Every permission of the schedule that invokes ${target.node.path}`,
    });
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      sid: 'InvokeLiveAlias',
      actions: ['lambda:InvokeFunction'],
      resources: [target.alias.functionArn],
    }));

    let deadLetterQueue = opts.deadLetterQueue;
    if (!deadLetterQueue) {
      const sink = new FailureQueue(scope, 'FailureQueue', {
        purpose: `the schedule of ${target.node.path}`,
        alarmTopic: target.alarmTopic,
      });
      deadLetterQueue = sink.queue;
    }
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      sid: 'SendUndeliveredToFailureQueue',
      actions: ['sqs:SendMessage'],
      resources: [deadLetterQueue.queueArn],
    }));
    if (deadLetterQueue.encryptionMasterKey) {
      role.addToPrincipalPolicy(new iam.PolicyStatement({
        sid: 'EncryptForFailureQueue',
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [deadLetterQueue.encryptionMasterKey.keyArn],
      }));
    }

    const schedule = new scheduler.CfnSchedule(scope, 'Resource', {
      scheduleExpression: expression,
      scheduleExpressionTimezone: timeZone,
      flexibleTimeWindow: windowMinutes === undefined && opts.flexibleTimeWindow === undefined
        ? { mode: 'OFF' }
        : { mode: 'FLEXIBLE', maximumWindowInMinutes: windowMinutes ?? opts.flexibleTimeWindow!.toMinutes() },
      groupName: opts.groupName,
      description: opts.description ?? `Invokes ${target.node.path} (live alias) on ${expression}`,
      state: opts.enabled === false ? 'DISABLED' : 'ENABLED',
      target: {
        arn: target.alias.functionArn,
        roleArn: role.roleArn,
        input,
        deadLetterConfig: { arn: deadLetterQueue.queueArn },
        retryPolicy: {
          maximumRetryAttempts: retry.retryAttempts,
          maximumEventAgeInSeconds: retry.maxEventAge.toSeconds(),
        },
      },
    });
    // Scheduler checks the role when the schedule is created: the policy must be attached first.
    schedule.node.addDependency(role.policy);

    this.bound = { schedule, role, deadLetterQueue };
    return {
      description: `EventBridge Scheduler schedule ${expression} (${timeZone})`,
      failureQueues: [deadLetterQueue],
    };
  }

  private resources() {
    if (!this.bound) {
      throw triggerNotAdded('schedule');
    }
    return this.bound;
  }
}
