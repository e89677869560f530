import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { TriggerAcknowledgement } from './acknowledgements';
import { TriggerErrorCodes as Codes } from './error-codes';
import { checkTriggerOptions, STREAM_TRIGGER_SHAPE } from './private/option-shapes';
import { createStreamMapping, validateStreamOptions } from './private/stream-mapping';
import { triggerScope } from './private/trigger-scope';
import { StreamTriggerOptions } from './stream-trigger-options';
import { ITrigger, TriggerConfig } from './trigger';
import type { ServerlessFunction } from '../function/serverless-function';
import { acknowledge } from '../validation/acknowledge';
import { Validator } from '../validation/validator';

/**
 * Options of a DynamoDB Streams trigger.
 */
export interface DynamoDbStreamTriggerOptions extends StreamTriggerOptions {}

/**
 * Invokes the function's `live` alias with batches of change records from a DynamoDB table's
 * stream, with bounded retries and record age, bisect-on-error, partial batch responses and an
 * on-failure destination (a FailureQueue unless you give one). The table must have a stream.
 */
export class DynamoDbStreamTrigger implements ITrigger {
  constructor(private readonly table: dynamodb.ITable, private readonly options: DynamoDbStreamTriggerOptions = {}) {}

  public bind(target: ServerlessFunction): TriggerConfig {
    const table = this.table;
    const scope = triggerScope(target, `DynamoDbStream${table.node.id}`);
    const v = new Validator(scope);
    checkTriggerOptions(v, this.options, STREAM_TRIGGER_SHAPE);
    if (!table.tableStreamArn) {
      v.fail({
        code: Codes.DYNAMODB_STREAM_REQUIRED,
        property: 'table.tableStreamArn',
        value: `undefined on ${table.node.path}`,
        limit: 'a DynamoDB Streams trigger needs a table with a stream',
        fix: 'set `stream: StreamViewType.NEW_AND_OLD_IMAGES` on the table (or `tableStreamArn` when importing it)',
      });
    }
    validateStreamOptions(v, this.options, { supportsTimestamp: false });
    v.throwIfAny();

    table.grantStreamRead(target.alias);
    // grantStreamRead adds dynamodb:ListStreams on `*` to the function's policy.
    acknowledge(target.policy, TriggerAcknowledgement.DYNAMODB_LIST_STREAMS);
    const { failureQueues } = createStreamMapping(scope, target, table.tableStreamArn!, this.options,
      `DynamoDB stream of ${table.node.path} -> ${target.node.path}`);
    return {
      description: `DynamoDB stream of ${table.node.path}`,
      failureQueues,
      readsStream: true,
    };
  }
}
