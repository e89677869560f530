import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../acknowledgements/acknowledge';
import { FailureQueueAcknowledgement } from '../acknowledgements/acknowledgements';
import { ALARM_DEFAULTS } from '../observability/alarm-defaults';
import { AlarmOptions } from '../observability/alarm-options';
import { AlarmSettings, createAlarm, resolveAlarmSettings, resolveCheckedAlarm } from '../observability/alarm-settings';
import { defaultAlarmTopic } from '../observability/default-alarm-topic';
import { ConstructionGuard } from '../validation/construction-guard';
import { PROP_SHAPES } from '../validation/prop-shapes.generated';
import { checkShape, PropShape } from '../validation/prop-types';
import { Validator } from '../validation/validator';

/**
 * Options of a {@link FailureQueue}.
 */
export interface FailureQueueProps {
  /**
   * What fails into this queue, for people reading the alarm (e.g. `async invocations of Orders`).
   */
  readonly purpose: string;

  /**
   * Where the queue's alarms send notifications.
   *
   * @default - the stack's shared, KMS-encrypted alarm topic
   */
  readonly alarmTopic?: sns.ITopic;

  /**
   * Whether the queue is a FIFO queue (only for FIFO sources, whose dead-letter queue must be FIFO too).
   *
   * @default false
   */
  readonly fifo?: boolean;

  /**
   * The alarm on the age of the oldest message (threshold in seconds), which fires before failed
   * events reach the 14-day retention. `enabled: false` turns it off; the depth alarm always stays.
   *
   * @default - threshold 864000 (10 days), period 5 minutes, 1 of 1 period
   */
  readonly ageAlarm?: AlarmOptions;

  /**
   * What happens to the queue, and the failed events in it, when it leaves the stack (stack deleted,
   * construct removed) or is replaced (its logical id or a replacing property changed).
   *
   * With `RETAIN` the queue stays in the account, detached from the stack, with its messages (an idle
   * queue costs nothing); delete it by hand once it is drained. `DESTROY` deletes it and every failed
   * event in it.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A terminal sink for failed events: it keeps messages for 14 days (the SQS maximum), is encrypted
 * (SSE-SQS, which service principals such as SNS and EventBridge can write to without key grants),
 * refuses non-TLS requests, declares itself a dead-letter queue (`RedriveAllowPolicy` allowAll, as AWS
 * Control Tower's CT.SQS.PR.1 asks), raises an alarm as soon as one message lands in it, and is retained
 * when the stack is deleted or the queue replaced (unless `removalPolicy` says otherwise).
 *
 * Every failure path the library builds ends in one of these.
 */
export class FailureQueue extends Construct {
  /** How long failed events are kept: the SQS maximum. */
  public static readonly RETENTION: Duration = Duration.days(14);

  /**
   * A FailureQueue whose props its owner (a construct of this library) already checked: the age alarm
   * is resolved without checking it again, and `internals` say what only the library decides.
   *
   * @internal
   */
  public static _checked(scope: Construct, id: string, props: FailureQueueProps, internals: FailureQueueInternals = {}): FailureQueue {
    CHECKED.set(props, internals);
    return new FailureQueue(scope, id, props);
  }

  /** The queue. */
  public readonly queue: sqs.Queue;

  /**
   * Fires when at least one failed event is waiting in the queue. Unset only for a
   * ServerlessFunction's own dead-letter queue, whose combined alarm watches the depth.
   */
  public readonly depthAlarm?: cloudwatch.Alarm;

  /** Fires when the oldest failed event is about to expire (unless turned off). */
  public readonly ageAlarm?: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: FailureQueueProps) {
    super(scope, id);
    const guard = ConstructionGuard.forConstructor(this);
    try {
      const internals = CHECKED.get(props);
      CHECKED.delete(props);
      const age = internals ? resolveCheckedAlarm(props.ageAlarm, ALARM_DEFAULTS.deadLetterQueueAge) : checkProps(this, props);

      this.queue = new sqs.Queue(this, 'Queue', {
        retentionPeriod: FailureQueue.RETENTION,
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        fifo: props.fifo ? true : undefined,
        // Failed events are the only copy of what went wrong: a delete or a replacement must not lose them.
        removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
        // Declares the queue a dead-letter queue (AWS Control Tower's CT.SQS.PR.1). Not byQueue: a source
        // queue in the same stack names this queue in its RedrivePolicy, so naming it back would be a
        // dependency cycle; allowAll keeps SQS's own default (queues of this account and Region only).
        redriveAllowPolicy: { redrivePermission: sqs.RedrivePermission.ALLOW_ALL },
      });

      const topic = props.alarmTopic ?? defaultAlarmTopic(this);
      if (!internals?.depthWatchedByOwner) {
        this.depthAlarm = this.createDepthAlarm(props.purpose, topic);
      }
      if (age) {
        this.ageAlarm = createAlarm(this, 'AgeAlarm',
          this.queue.metricApproximateAgeOfOldestMessage({ period: age.period, statistic: cloudwatch.Stats.MAXIMUM }),
          age, age.threshold,
          `The oldest failed event in the failure queue of ${props.purpose} is ${age.threshold} seconds old; ` +
        'SQS deletes it after 14 days. Inspect and redrive it now.', topic);
      }

      acknowledge(this.queue, FailureQueueAcknowledgement.TERMINAL_DLQ_REDRIVE);
      // Wherever it is created (a trigger's sink or the user's, e.g. a Step Functions Catch target),
      // unless the library names it in a DeadLetterConfig or RedrivePolicy, which the rule recognises.
      if (!internals?.namedAsDeadLetterQueue) {
        acknowledge(this.queue, FailureQueueAcknowledgement.FAILURE_QUEUE_IS_A_DLQ);
      }
      acknowledge(this.queue, FailureQueueAcknowledgement.SQS_MANAGED_ENCRYPTION);
    } catch (error) {
      throw guard.fail(error);
    }
  }

  private createDepthAlarm(purpose: string, topic: sns.ITopic): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, 'DepthAlarm', {
      alarmDescription: `Failed events are waiting in the failure queue of ${purpose}. Inspect and redrive them within 14 days.`,
      metric: this.queue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new cwActions.SnsAction(topic));
    return alarm;
  }
}

/** The types of {@link FailureQueueProps}. */
const FAILURE_QUEUE_PROPS_SHAPE: PropShape = PROP_SHAPES.FailureQueueProps;

/** The checks of a FailureQueue made by a user: its types, then its age alarm. Returns the alarm's settings. */
function checkProps(scope: Construct, props: FailureQueueProps): AlarmSettings | undefined {
  const v = new Validator(scope);
  if (!checkShape(v, '', props, FAILURE_QUEUE_PROPS_SHAPE)) {
    v.throwIfAny();
  }
  const age = resolveAlarmSettings(v, 'ageAlarm', props.ageAlarm, ALARM_DEFAULTS.deadLetterQueueAge);
  v.throwIfAny();
  return age;
}

/**
 * What only the library decides for a FailureQueue (never in the public props, so that no user can
 * make an unalarmed sink).
 *
 * @internal
 */
export interface FailureQueueInternals {
  /**
   * The queue's owner (a ServerlessFunction) watches its depth in the owner's combined alarm, so the
   * queue creates no depth alarm of its own.
   */
  readonly depthWatchedByOwner?: boolean;
  /**
   * The library names the queue in a function's DeadLetterConfig or a queue's RedrivePolicy, where
   * AwsSolutions-SQS3 recognises it: no acknowledgement is written (it would only cost template bytes).
   */
  readonly namedAsDeadLetterQueue?: boolean;
}

/** The props a library construct checked, with what it decided, until the queue reads them. */
const CHECKED = new WeakMap<FailureQueueProps, FailureQueueInternals>();
