import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { validateDynamoDbStreamTriggerOptions } from './stream-checks';
import { createStreamMapping } from './stream-mapping';
import { StreamTriggerOptions } from './stream-trigger-options';
import { validateTableStream } from './table-stream-checks';
import { Validator } from '../../validation/validator';
import { requireTriggerArgument, TriggerBinding } from '../private/binding';
import { triggerScope } from '../private/trigger-scope';
import { ITrigger, ITriggerTarget, TriggerConfig } from '../trigger';

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
  /** The table whose stream records invoke the function. */
  public readonly table: dynamodb.ITable;

  private readonly options: DynamoDbStreamTriggerOptions;
  private readonly binding = new TriggerBinding<{ mapping: lambda.EventSourceMapping; failureQueue?: sqs.IQueue }>('DynamoDbStreamTrigger');

  /**
   * @param table the table whose stream records invoke the function
   * @param options the mapping's settings
   */
  constructor(table: dynamodb.ITable, options: DynamoDbStreamTriggerOptions = {}) {
    this.table = table;
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
    requireTriggerArgument(target, 'Trigger.dynamoDbStream(table)', this.table, 'construct');
    const table = this.table;
    const scope = triggerScope(target, `DynamoDbStream${table.node.id}`);
    const v = new Validator(scope);
    validateDynamoDbStreamTriggerOptions(v, this.options);
    validateTableStream(v, table);
    v.throwIfAny();

    // The dynamodb:ListStreams statement (Resource * only) lands in the role's resource-star policy.
    table.grantStreamRead(target.alias);
    const { mapping, failureQueues, failureQueue } = createStreamMapping(scope, target, table.tableStreamArn!, this.options,
      `DynamoDB stream of ${table.node.path} -> ${target.node.path}`, 'DynamoDbStream');
    this.binding.record(target, { mapping, failureQueue });
    return {
      description: `DynamoDB stream of ${table.node.path}`,
      failureQueues,
      readsStream: true,
      eventSourceMappings: [mapping],
    };
  }
}
