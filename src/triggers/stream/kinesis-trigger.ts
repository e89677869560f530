import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { validateKinesisTriggerOptions } from './stream-checks';
import { createStreamMapping } from './stream-mapping';
import { StreamTriggerOptions } from './stream-trigger-options';
import { Validator } from '../../validation/validator';
import { requireTriggerArgument, TriggerBinding } from '../private/binding';
import { triggerScope } from '../private/trigger-scope';
import { ITrigger, ITriggerTarget, TriggerConfig } from '../trigger';

/**
 * Options of a Kinesis trigger.
 */
export interface KinesisTriggerOptions extends StreamTriggerOptions {}

/**
 * Invokes the function's `live` alias with batches of records from a Kinesis data stream, with
 * bounded retries and record age, bisect-on-error, partial batch responses and an on-failure
 * destination (a FailureQueue unless you give one), so a bad record neither blocks its shard nor is
 * lost.
 */
export class KinesisTrigger implements ITrigger {
  /** The Kinesis data stream whose records invoke the function. */
  public readonly stream: kinesis.IStream;

  private readonly options: KinesisTriggerOptions;
  private readonly binding = new TriggerBinding<{ mapping: lambda.EventSourceMapping; failureQueue?: sqs.IQueue }>('KinesisTrigger');

  /**
   * @param stream the Kinesis data stream whose records invoke the function
   * @param options the mapping's settings
   */
  constructor(stream: kinesis.IStream, options: KinesisTriggerOptions = {}) {
    this.stream = stream;
    this.options = options;
  }

  /** The event source mapping from the stream to the `live` alias (available once added to a function). */
  public get mapping(): lambda.EventSourceMapping {
    return this.binding.resources('mapping').mapping;
  }

  /**
   * The FailureQueue the trigger created as the mapping's on-failure destination (available once
   * added to a function, undefined when you gave `onFailureQueue`, `onFailureTopic` or `onFailureBucket`).
   */
  public get failureQueue(): sqs.IQueue | undefined {
    return this.binding.resources('failureQueue').failureQueue;
  }

  /** @inheritdoc */
  public bind(target: ITriggerTarget): TriggerConfig {
    this.binding.claim(target);
    requireTriggerArgument(target, 'Trigger.kinesis(stream)', this.stream, 'construct');
    const scope = triggerScope(target, `Kinesis${this.stream.node.id}`);
    const v = new Validator(scope);
    validateKinesisTriggerOptions(v, this.options);
    v.throwIfAny();

    this.stream.grantRead(target.alias);
    const { mapping, failureQueues, failureQueue } = createStreamMapping(scope, target, this.stream.streamArn, this.options,
      `Kinesis stream ${this.stream.node.path} -> ${target.node.path}`, 'Kinesis');
    this.binding.record(target, { mapping, failureQueue });
    return {
      description: `Kinesis stream ${this.stream.node.path}`,
      failureQueues,
      readsStream: true,
      eventSourceMappings: [mapping],
    };
  }
}
