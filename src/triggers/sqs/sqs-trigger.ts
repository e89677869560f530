import { Annotations, Duration, Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { validateSqsRedrive, validateSqsTriggerOptions, validateSqsVisibility } from './sqs-checks';
import { acknowledge } from '../../acknowledgements/acknowledge';
import { InvocationAcknowledgement } from '../../acknowledgements/acknowledgements';
import { AnnotationIds } from '../../validation/annotation-ids';
import { Validator } from '../../validation/validator';
import { requireTriggerArgument, TriggerBinding } from '../private/binding';
import { seconds } from '../private/duration';
import { ESM_METRICS } from '../private/esm-metrics';
import { filterEncryptionKey } from '../private/filter-encryption';
import { checkTriggerOptions, SQS_TRIGGER_SHAPE } from '../private/option-shapes';
import { triggerScope } from '../private/trigger-scope';
import { ITrigger, ITriggerTarget, TriggerConfig } from '../trigger';

/**
 * Provisioned mode of an SQS event source mapping: event pollers kept ready for the queue (each
 * handles up to 1 MB/s and 10 concurrent invocations), billed while they stand (see docs/scale.md).
 */
export interface SqsProvisionedPollers {
  /**
   * The fewest pollers (2 to 200).
   *
   * @default 2
   */
  readonly minimumPollers?: number;

  /**
   * The most pollers (2 to 2,000, at least `minimumPollers`).
   *
   * @default 200
   */
  readonly maximumPollers?: number;
}

/**
 * Options of an SQS trigger.
 */
export interface SqsTriggerOptions {
  /**
   * How many messages one invocation receives: 1 to 10, or up to 10,000 with a `maxBatchingWindow`
   * (at most 10 for FIFO queues).
   *
   * @default 10
   */
  readonly batchSize?: number;

  /**
   * How long Lambda gathers messages before invoking (0 to 300 seconds). Not for FIFO queues.
   *
   * @default - none: invoke as soon as messages are available
   */
  readonly maxBatchingWindow?: Duration;

  /**
   * The most concurrent invocations this queue may drive (2 to 1,000).
   *
   * @default - no limit beyond the function's concurrency
   */
  readonly maxConcurrency?: number;

  /**
   * Provisioned mode: a minimum and maximum of event pollers reserved for this queue, for steady
   * low latency and faster scaling. Pollers are billed while they stand. Not with `maxConcurrency`
   * (use `maximumPollers` to bound the mapping).
   *
   * @default - on-demand polling (no standing poller cost)
   */
  readonly provisionedPollers?: SqsProvisionedPollers;

  /**
   * Event filter patterns (`lambda.FilterCriteria.filter(...)`): messages that match none are
   * deleted without invoking the function. The filters are encrypted with the stack's BlueprintKey
   * (Lambda shows them only to callers that may decrypt with it).
   *
   * @default - every message invokes the function
   */
  readonly filters?: Array<{ [key: string]: any }>;

  /**
   * For an imported queue: you state that it has a redrive policy (a dead-letter queue). The library
   * cannot see an imported queue's configuration and refuses a queue without one, because a message
   * that keeps failing would otherwise be retried until it expires and is lost.
   *
   * @default false
   */
  readonly queueHasRedrivePolicy?: boolean;

  /**
   * For an imported queue: its visibility timeout, so it can be checked against the function
   * timeout. Queues defined in the app are read directly.
   *
   * @default - unknown: the check is skipped with a warning
   */
  readonly queueVisibilityTimeout?: Duration;

  /**
   * Whether the mapping starts enabled.
   *
   * @default true
   */
  readonly enabled?: boolean;
}

/**
 * Invokes the function's `live` alias with batches of messages from an SQS queue, with partial batch
 * responses on (the handler returns `batchItemFailures`, so only failed messages are retried). The
 * queue must have a redrive policy: messages that fail `maxReceiveCount` times move to its
 * dead-letter queue. The visibility timeout is checked against the function timeout.
 */
export class SqsTrigger implements ITrigger {
  /** The queue whose messages invoke the function. */
  public readonly queue: sqs.IQueue;

  private readonly options: SqsTriggerOptions;
  private readonly binding = new TriggerBinding<{ mapping: lambda.EventSourceMapping }>('SqsTrigger');

  /**
   * @param queue the queue whose messages invoke the function
   * @param options the mapping's settings
   */
  constructor(queue: sqs.IQueue, options: SqsTriggerOptions = {}) {
    this.queue = queue;
    this.options = options;
  }

  /** The event source mapping from the queue to the `live` alias (available once added to a function). */
  public get mapping(): lambda.EventSourceMapping {
    return this.binding.resources('mapping').mapping;
  }

  /** @inheritdoc */
  public bind(target: ITriggerTarget): TriggerConfig {
    this.binding.claim(target);
    requireTriggerArgument(target, 'Trigger.sqs(queue)', this.queue, 'construct');
    const queue = this.queue;
    const o = this.options;
    const scope = triggerScope(target, `Sqs${queue.node.id}`);
    const v = new Validator(scope);
    checkTriggerOptions(v, this.options, SQS_TRIGGER_SHAPE);
    const fifo = !Token.isUnresolved(queue.fifo) && queue.fifo;
    const windowSeconds = seconds(o.maxBatchingWindow);
    const batchSize = o.batchSize ?? 10;

    validateSqsTriggerOptions(v, o, { fifo });

    // ---- redrive
    validateSqsRedrive(v, queue, o);
    const redrive = queue instanceof sqs.Queue ? queue.deadLetterQueue : undefined;
    if (redrive && !Token.isUnresolved(redrive.maxReceiveCount) && redrive.maxReceiveCount < 5) {
      Annotations.of(scope).addWarningV2(AnnotationIds.SQS_MAX_RECEIVE_COUNT,
        `The redrive policy of ${queue.node.path} moves messages to the dead-letter queue after ${redrive.maxReceiveCount} receives; ` +
        'AWS recommends at least 5 for Lambda sources, so throttled or briefly failing batches are not dead-lettered.');
    }

    // ---- visibility timeout vs function timeout
    const timeout = seconds(target.timeout);
    const { visibility, recommended } = validateSqsVisibility(v, queue, o, timeout);
    if (visibility === undefined) {
      Annotations.of(scope).addWarningV2(AnnotationIds.SQS_VISIBILITY_UNKNOWN,
        `The visibility timeout of ${queue.node.path} is unknown, so it cannot be checked against the function timeout; ` +
        'pass `queueVisibilityTimeout` to check it at synth.');
    } else if (timeout !== undefined && recommended !== undefined && visibility >= timeout && visibility < recommended) {
      Annotations.of(scope).addWarningV2(AnnotationIds.SQS_VISIBILITY_TIMEOUT,
        `The visibility timeout of ${queue.node.path} (${visibility} s) is below the ${recommended} s AWS recommends ` +
        `(6 x function timeout ${timeout} s + batching window ${windowSeconds ?? 0} s): a batch retried after throttling ` +
        'can become visible again while it is still being processed, and be processed twice.');
    }
    v.throwIfAny();

    // ---- wiring
    const mapping = new lambda.EventSourceMapping(scope, 'EventSourceMapping', {
      target: target.alias,
      eventSourceArn: queue.queueArn,
      batchSize,
      maxBatchingWindow: o.maxBatchingWindow,
      maxConcurrency: o.maxConcurrency,
      provisionedPollerConfig: o.provisionedPollers,
      reportBatchItemFailures: true,
      metricsConfig: ESM_METRICS,
      filters: o.filters,
      filterEncryption: filterEncryptionKey(target, o.filters),
      enabled: o.enabled,
    });
    queue.grantConsumeMessages(target.alias);
    // The grant lands in the function's managed policy, which must exist before Lambda validates the mapping.
    if (target.role) {
      mapping.node.addDependency(target.role);
    }
    acknowledge(mapping, InvocationAcknowledgement.SQS_ESM_NO_DESTINATION);
    this.binding.record(target, { mapping });

    const dlq = queue instanceof sqs.Queue ? queue.deadLetterQueue?.queue : undefined;
    return {
      description: `SQS queue ${queue.node.path}`,
      failureQueues: dlq ? [dlq] : [],
      eventSourceMappings: [mapping],
    };
  }
}
