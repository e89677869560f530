import { Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ErrorCode } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';

/**
 * The starting position and its timestamp of a mapping (streams, Kafka, DocumentDB): `AT_TIMESTAMP`
 * needs `startingPositionTimestamp`, which is used with nothing else, and is Unix time in seconds (1 or
 * more: aws-cdk-lib takes 0 for no timestamp).
 *
 * @internal
 */
export function validateStartingPositionTimestamp(
  v: Validator, code: ErrorCode, position: lambda.StartingPosition, timestamp: number | undefined,
): void {
  const atTimestamp = position === lambda.StartingPosition.AT_TIMESTAMP;
  if (atTimestamp && timestamp === undefined) {
    v.fail({
      code,
      property: 'startingPositionTimestamp',
      value: 'undefined',
      limit: 'StartingPosition.AT_TIMESTAMP needs a timestamp',
      fix: 'set startingPositionTimestamp (Unix time in seconds)',
    });
  } else if (!atTimestamp && timestamp !== undefined) {
    v.fail({
      code,
      property: 'startingPositionTimestamp',
      value: `${timestamp}`,
      limit: `a timestamp is only used with StartingPosition.AT_TIMESTAMP, not ${position}`,
      fix: 'remove startingPositionTimestamp or use StartingPosition.AT_TIMESTAMP',
    });
  } else if (timestamp !== undefined && !Token.isUnresolved(timestamp) && (typeof timestamp !== 'number' || timestamp <= 0)) {
    v.fail({
      code,
      property: 'startingPositionTimestamp',
      value: `${timestamp}`,
      limit: 'a timestamp is Unix time in seconds, 1 or more (aws-cdk-lib takes 0 for no timestamp)',
      fix: 'use Math.floor(date.getTime() / 1000)',
    });
  }
}
