import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';

/**
 * The check of the table (a DynamoDB Streams trigger needs a table with a stream), run by the trigger
 * when it is added and by `TableStreamProcessor` for an existing table.
 *
 * @internal
 */
export function validateTableStream(v: Validator, table: dynamodb.ITable): void {
  v.failIf(!table.tableStreamArn, {
    code: ErrorCodes.LBP_DYNAMODB_STREAM_REQUIRED,
    property: 'table.tableStreamArn',
    value: `undefined on ${table.node.path}`,
    limit: 'a DynamoDB Streams trigger needs a table with a stream',
    fix: 'set `stream: StreamViewType.NEW_AND_OLD_IMAGES` on the table (or `tableStreamArn` when importing it)',
  });
}
