import { Duration, RemovalPolicy, Token } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { BlueprintPatternProps } from './blueprint-pattern-props';
import { refuseSourceOptionsWithExisting } from './private/source-options';
import { FailureQueue } from '../destinations/failure-queue';
import { ServerlessFunction } from '../function/serverless-function';
import { checkPatternProps, PatternPaths, patternTriggerValidator, validatePatternFunction } from './private/pattern-shape';
import { acknowledge } from '../acknowledgements/acknowledge';
import { FailureQueueAcknowledgement } from '../acknowledgements/acknowledgements';
import { validateSqsRedrive, validateSqsTriggerOptions, validateSqsVisibility } from '../triggers/sqs/sqs-checks';
import { SqsTrigger, SqsTriggerOptions } from '../triggers/sqs/sqs-trigger';
import { Trigger } from '../triggers/trigger-factories';
import { ConstructionGuard } from '../validation/construction-guard';
import { ErrorCodes } from '../validation/error-codes';
import { PROP_SHAPES } from '../validation/prop-shapes.generated';
import { Validator } from '../validation/validator';

/**
 * Properties of a {@link QueueProcessor}.
 */
export interface QueueProcessorProps extends BlueprintPatternProps {
  /**
   * An existing queue to process instead of a new one. It must have a redrive policy (for an imported
   * queue, state it with `triggerOptions.queueHasRedrivePolicy`).
   *
   * @default - a new queue (SSE-SQS, TLS-only, redrive to a 14-day FailureQueue)
   */
  readonly queue?: sqs.IQueue;

  /**
   * How many times a message is received before it moves to the dead-letter queue (1 to 1,000). Only
   * for a new queue.
   *
   * @default 5 (AWS's advice for Lambda sources: throttled batches are not dead-lettered too early)
   */
  readonly maxReceiveCount?: number;

  /**
   * How long the new queue keeps unprocessed messages, from 60 seconds to 14 days.
   *
   * Shorter than the dead-letter queue's 14 days, so a redriven message has time left.
   *
   * @default Duration.days(4) (the SQS default)
   */
  readonly retentionPeriod?: Duration;

  /**
   * Whether the new queue is FIFO (its dead-letter queue is FIFO too).
   *
   * @default false
   */
  readonly fifo?: boolean;

  /**
   * What happens to the new queue and its dead-letter queue, and the messages in them, when they are
   * removed from the stack or replaced. With `RETAIN` both stay in the account, detached from the stack,
   * with their messages; `DESTROY` deletes them and every message. Only for a new queue.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * Settings of the SQS trigger (batch size, batching window, maximum concurrency, filters).
   *
   * @default - batches of 10, partial batch responses
   */
  readonly triggerOptions?: SqsTriggerOptions;
}

/**
 * An SQS queue processed by a {@link ServerlessFunction} (reference workload 5).
 *
 * The queue is encrypted (SSE-SQS), TLS-only and retained with its messages when removed, redrives to a 14-day, alarmed FailureQueue after 5
 * receives, and its visibility timeout is 6 x the function timeout + the batching window. The function
 * reports partial batch failures, so only failed messages are retried.
 */
export class QueueProcessor extends Construct {
  /** The queue being processed. */
  public readonly queue: sqs.IQueue;

  /** The new queue's dead-letter queue (undefined with an existing queue). */
  public readonly deadLetterQueue?: sqs.IQueue;

  /** The function that processes the messages. */
  public readonly function: ServerlessFunction;

  /** The trigger: its `mapping` is the event source mapping it created. */
  public readonly trigger: SqsTrigger;

  constructor(scope: Construct, id: string, props: QueueProcessorProps) {
    super(scope, id);
    const guard = ConstructionGuard.forConstructor(this);
    const paths = new PatternPaths('triggerOptions', PROP_SHAPES.SqsTriggerOptions);
    try {
      const v = new Validator(this);
      checkPatternProps(v, props, PROP_SHAPES.QueueProcessorProps);
      refuseSourceOptionsWithExisting(v, 'queue', props.queue !== undefined, {
        maxReceiveCount: props.maxReceiveCount, retentionPeriod: props.retentionPeriod, fifo: props.fifo, removalPolicy: props.removalPolicy,
      });
      v.range(ErrorCodes.LBP_MAX_RECEIVE_COUNT, 'maxReceiveCount', props.maxReceiveCount, 1, 1000, { integer: true });
      const retention = props.retentionPeriod && !props.retentionPeriod.isUnresolved() ? props.retentionPeriod.toSeconds() : undefined;
      v.range(ErrorCodes.LBP_QUEUE_RETENTION, 'retentionPeriod', retention, 60, 1209600, { unit: 'seconds', integer: true });
      // The function's and the trigger's own checks too: every problem in one round, before anything exists.
      const timeoutSeconds = validatePatternFunction(v, props.code, props.functionOptions);
      const fifoSource = props.queue ? !Token.isUnresolved(props.queue.fifo) && props.queue.fifo : props.fifo === true;
      const tv = patternTriggerValidator(v, 'triggerOptions', PROP_SHAPES.SqsTriggerOptions);
      validateSqsTriggerOptions(tv, props.triggerOptions ?? {}, { fifo: fifoSource });
      if (props.queue) {
        validateSqsRedrive(tv, props.queue, props.triggerOptions ?? {});
        validateSqsVisibility(tv, props.queue, props.triggerOptions ?? {}, timeoutSeconds);
      }
      v.throwIfAny();

      paths.building('function');
      this.function = ServerlessFunction._checked(this, 'Processor', { ...props.functionOptions, code: props.code });

      paths.building('pattern');
      if (props.queue) {
        this.queue = props.queue;
      } else {
        const fifo = props.fifo === true;
        const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
        const dlq = FailureQueue._checked(this, 'DeadLetterQueue', {
          removalPolicy,
          purpose: `messages of ${this.node.path} that failed ${props.maxReceiveCount ?? 5} times`,
          alarmTopic: this.function.alarmTopic,
          fifo,
        }, { namedAsDeadLetterQueue: true });
        this.deadLetterQueue = dlq.queue;
        this.queue = new sqs.Queue(this, 'Queue', {
          encryption: sqs.QueueEncryption.SQS_MANAGED,
          enforceSSL: true,
          fifo: fifo || undefined,
          retentionPeriod: props.retentionPeriod,
          visibilityTimeout: derivedVisibilityTimeout(this.function.timeout, props.triggerOptions?.maxBatchingWindow),
          deadLetterQueue: { queue: dlq.queue, maxReceiveCount: props.maxReceiveCount ?? 5 },
          // Unprocessed messages are the only copy: a delete or a replacement must not lose them.
          removalPolicy,
        });
        acknowledge(this.queue, FailureQueueAcknowledgement.SQS_MANAGED_ENCRYPTION);
      }

      paths.building('trigger');
      this.trigger = Trigger.sqs(this.queue, props.triggerOptions);
      this.function.addTrigger(this.trigger);
    } catch (error) {
      throw guard.fail(error, paths.rename);
    }
  }
}

/**
 * AWS's advice for a Lambda source queue: 6 x the function timeout + the batching window (at most
 * 5,700 s, since the timeout is at most 15 minutes and the window 5 minutes). Undefined (the SQS default)
 * only when either is an unresolved token; the trigger then skips its check.
 */
function derivedVisibilityTimeout(timeout: Duration, window: Duration | undefined): Duration | undefined {
  if (timeout.isUnresolved() || (window?.isUnresolved() ?? false)) {
    return undefined;
  }
  return Duration.seconds(Math.ceil(6 * timeout.toSeconds({ integral: false }) + (window?.toSeconds() ?? 0)));
}
