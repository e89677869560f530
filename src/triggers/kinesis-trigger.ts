import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import { checkTriggerOptions, STREAM_TRIGGER_SHAPE } from './private/option-shapes';
import { createStreamMapping, validateStreamOptions } from './private/stream-mapping';
import { triggerScope } from './private/trigger-scope';
import { StreamTriggerOptions } from './stream-trigger-options';
import { ITrigger, TriggerConfig } from './trigger';
import type { ServerlessFunction } from '../function/serverless-function';
import { Validator } from '../validation/validator';

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
  constructor(private readonly stream: kinesis.IStream, private readonly options: KinesisTriggerOptions = {}) {}

  public bind(target: ServerlessFunction): TriggerConfig {
    const scope = triggerScope(target, `Kinesis${this.stream.node.id}`);
    const v = new Validator(scope);
    checkTriggerOptions(v, this.options, STREAM_TRIGGER_SHAPE);
    validateStreamOptions(v, this.options, { supportsTimestamp: true });
    v.throwIfAny();

    this.stream.grantRead(target.alias);
    const { failureQueues } = createStreamMapping(scope, target, this.stream.streamArn, this.options,
      `Kinesis stream ${this.stream.node.path} -> ${target.node.path}`);
    return {
      description: `Kinesis stream ${this.stream.node.path}`,
      failureQueues,
      readsStream: true,
    };
  }
}
