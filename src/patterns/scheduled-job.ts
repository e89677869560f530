import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { BlueprintPatternProps } from './blueprint-pattern-props';
import { ServerlessFunction } from '../function/serverless-function';
import { validateScheduleTriggerOptions } from '../triggers/schedule/schedule-checks';
import { ScheduleTrigger, ScheduleTriggerOptions } from '../triggers/schedule/schedule-trigger';
import { TriggerSchedule } from '../triggers/schedule/trigger-schedule';
import { ConstructionGuard } from '../validation/construction-guard';
import { Validator } from '../validation/validator';
import { checkPatternProps, PatternPaths, patternTriggerValidator, validatePatternFunction } from './private/pattern-shape';
import { PROP_SHAPES } from '../validation/prop-shapes.generated';

/**
 * Properties of a {@link ScheduledJob}.
 */
export interface ScheduledJobProps extends BlueprintPatternProps {
  /**
   * When the job runs, e.g. `TriggerSchedule.cron('cron(0 2 ? * MON-FRI *)')` (weekdays at 02:00).
   */
  readonly schedule: TriggerSchedule;

  /**
   * The schedule's settings (time zone, flexible window, retries, input, an existing dead-letter
   * queue or schedule group).
   *
   * @default - UTC, no flexible window, 10 retries within 1 hour, a new failure queue
   */
  readonly triggerOptions?: ScheduleTriggerOptions;
}

/**
 * A function run on a schedule (EventBridge Scheduler): the hardened `ServerlessFunction`, a
 * schedule on its `live` alias with its own least-privilege role, a bounded retry policy and a
 * dead-letter queue, and the function's own dead-letter queue for runs that fail. Every queue keeps
 * failures 14 days and raises an alarm.
 *
 * @exampleMetadata fixture=api
 * @example
 * new ScheduledJob(this, 'StopDevInstances', {
 *   code: FunctionCode.fromAsset('lambda/stop-instances'),
 *   schedule: TriggerSchedule.cron('cron(0 2 ? * MON-FRI *)'),
 *   triggerOptions: { timeZone: 'Europe/Paris' },
 * });
 */
export class ScheduledJob extends Construct {
  /** The job's function. */
  public readonly function: ServerlessFunction;

  /** The schedule trigger. */
  public readonly trigger: ScheduleTrigger;

  /** The EventBridge Scheduler schedule. */
  public readonly schedule: scheduler.CfnSchedule;

  /** The role the schedule uses to invoke the function. */
  public readonly scheduleRole: iam.IRole;

  /** Where invocations the scheduler could not deliver go. */
  public readonly scheduleDeadLetterQueue: sqs.IQueue;

  /** Where runs that failed every attempt go (the function's asynchronous dead-letter queue). */
  public readonly deadLetterQueue: sqs.IQueue;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    const guard = ConstructionGuard.forConstructor(this);
    const paths = new PatternPaths('triggerOptions', PROP_SHAPES.ScheduleTriggerOptions);
    try {
      const v = new Validator(this);
      checkPatternProps(v, props, PROP_SHAPES.ScheduledJobProps);
      // The function's and the trigger's own checks too: every problem in one round, before anything exists.
      validatePatternFunction(v, props.code, props.functionOptions);
      validateScheduleTriggerOptions(patternTriggerValidator(v, 'triggerOptions', PROP_SHAPES.ScheduleTriggerOptions), props.schedule, props.triggerOptions ?? {});
      v.throwIfAny();
      paths.building('function');
      this.function = ServerlessFunction._checked(this, 'Function', { ...props.functionOptions, code: props.code });
      paths.building('trigger');
      this.trigger = new ScheduleTrigger(props.schedule, props.triggerOptions);
      this.function.addTrigger(this.trigger);
      this.schedule = this.trigger.schedule;
      this.scheduleRole = this.trigger.role;
      this.scheduleDeadLetterQueue = this.trigger.deadLetterQueue;
      this.deadLetterQueue = this.function.deadLetterQueue;
    } catch (error) {
      throw guard.fail(error, paths.rename);
    }
  }
}
