import { Duration, Token } from 'aws-cdk-lib';
import { type FirehoseTransformationTriggerProps } from './firehose-transformation-trigger';
import { ErrorCodes } from '../../validation/error-codes';
import { PROP_SHAPES } from '../../validation/prop-shapes.generated';
import { Validator } from '../../validation/validator';
import { human, seconds } from '../private/duration';
import { checkTriggerOptions } from '../private/option-shapes';

/** Firehose's own limits for a Lambda transformation. */
const LIMITS = {
  /** Firehose waits at most 5 minutes for the function. */
  functionTimeoutSeconds: 300,
  processorBufferMb: { min: 0.2, max: 3 },
  bufferIntervalSeconds: { min: 0, max: 900 },
  retries: { min: 0, max: 300 },
  destinationBufferMb: { min: 1, max: 128 },
  prefixLength: 1024,
} as const;

/** Where failed records go under the bucket, one folder per failure type (`processing-failed`, ...). */
const DEFAULT_ERROR_PREFIX = 'failed/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/';
const DEFAULT_DATA_PREFIX = 'data/!{timestamp:yyyy/MM/dd}/';


/** What the checks read of the function: its timeout, and its path for the message. */
interface TimedFunction {
  readonly timeout: Duration;
  readonly node: { readonly path: string };
}

/**
 * The checks of {@link FirehoseTransformationTriggerProps} (types, buffering hints, retries, the
 * stream name, the two prefixes) and of the function's timeout against Firehose's 5-minute wait.
 * Creates nothing. Returns the resolved data and error prefixes.
 *
 * @internal
 */
export function validateFirehoseTransformationTriggerOptions(
  v: Validator, p: FirehoseTransformationTriggerProps, fn: TimedFunction,
): { dataPrefix: string; errorPrefix: string } {
  checkTriggerOptions(v, p, PROP_SHAPES.FirehoseTransformationTriggerProps);
  const dataPrefix = p.dataOutputPrefix ?? DEFAULT_DATA_PREFIX;
  const errorPrefix = p.errorOutputPrefix ?? DEFAULT_ERROR_PREFIX;
  checkLimits(v, p, fn, dataPrefix, errorPrefix);
  return { dataPrefix, errorPrefix };
}

/**
 * The part of an S3 prefix before its first `!{...}` expression.
 *
 * @internal
 */
export function staticPart(prefix: string): string {
  const i = prefix.indexOf('!{');
  return i === -1 ? prefix : prefix.slice(0, i);
}

function checkLimits(v: Validator, p: FirehoseTransformationTriggerProps, target: TimedFunction, dataPrefix: string, errorPrefix: string): void {
  v.range(ErrorCodes.LBP_FIREHOSE_BUFFER_SIZE, 'bufferSizeMegabytes', p.bufferSizeMegabytes, LIMITS.processorBufferMb.min, LIMITS.processorBufferMb.max, {
    unit: 'MB',
    source: 'Firehose buffering hint for a Lambda processor',
    fix: 'set bufferSizeMegabytes from 0.2 to 3; the 6 MB Lambda payload limit applies to the batch and the response',
  });
  v.range(ErrorCodes.LBP_FIREHOSE_BUFFER_INTERVAL, 'bufferInterval', seconds(p.bufferInterval), LIMITS.bufferIntervalSeconds.min, LIMITS.bufferIntervalSeconds.max, {
    unit: 'seconds', integer: true, source: 'Firehose buffering hint for a Lambda processor',
  });
  v.range(ErrorCodes.LBP_FIREHOSE_BUFFER_INTERVAL, 'destinationBufferInterval', seconds(p.destinationBufferInterval),
    LIMITS.bufferIntervalSeconds.min, LIMITS.bufferIntervalSeconds.max, { unit: 'seconds', integer: true, source: 'Firehose S3 buffering hints' });
  v.range(ErrorCodes.LBP_FIREHOSE_DESTINATION_BUFFER_SIZE, 'destinationBufferSizeMegabytes', p.destinationBufferSizeMegabytes,
    LIMITS.destinationBufferMb.min, LIMITS.destinationBufferMb.max, { unit: 'MB', integer: true, source: 'Firehose S3 buffering hints' });
  v.range(ErrorCodes.LBP_FIREHOSE_RETRIES, 'retries', p.retries, LIMITS.retries.min, LIMITS.retries.max, {
    integer: true, source: 'Firehose Lambda processor NumberOfRetries',
  });
  const timeout = seconds(target.timeout);
  v.failIf(timeout !== undefined && timeout > LIMITS.functionTimeoutSeconds, {
    code: ErrorCodes.LBP_FIREHOSE_TIMEOUT,
    property: 'timeout',
    value: `${human(target.timeout)} on ${target.node.path}`,
    limit: `Firehose waits at most ${LIMITS.functionTimeoutSeconds / 60} minutes for a transformation ("The maximum supported function timeout is 5 minutes")`,
    fix: 'set the function timeout to 5 minutes or less, and lower bufferSizeMegabytes so a batch finishes in time',
  });
  if (p.deliveryStreamName !== undefined && !Token.isUnresolved(p.deliveryStreamName)) {
    v.failIf(!/^[a-zA-Z0-9_.-]{1,64}$/.test(p.deliveryStreamName), {
      code: ErrorCodes.LBP_FIREHOSE_STREAM_NAME,
      property: 'deliveryStreamName',
      value: `"${p.deliveryStreamName}"`,
      limit: 'a delivery stream name has 1 to 64 letters, digits, _, . and -',
      fix: 'choose such a name, or leave deliveryStreamName unset',
    });
  }
  for (const [property, prefix] of [['dataOutputPrefix', dataPrefix], ['errorOutputPrefix', errorPrefix]] as const) {
    if (Token.isUnresolved(prefix)) {
      continue;
    }
    const badExpression = /!\{(?!(?:firehose|timestamp):[^{}]+\})/.test(prefix);
    v.failIf(prefix.length > LIMITS.prefixLength || badExpression, {
      code: ErrorCodes.LBP_FIREHOSE_PREFIX,
      property,
      value: `"${prefix}"`,
      limit: `a Firehose S3 prefix has at most ${LIMITS.prefixLength} characters, and its expressions are !{timestamp:...} or !{firehose:...}`,
      fix: 'shorten the prefix or correct the expression, e.g. data/!{timestamp:yyyy/MM/dd}/',
    });
  }
  const errorHasExpression = !Token.isUnresolved(errorPrefix) && errorPrefix.includes('!{');
  v.failIf(errorHasExpression && !errorPrefix.includes('!{firehose:error-output-type}'), {
    code: ErrorCodes.LBP_FIREHOSE_PREFIX,
    property: 'errorOutputPrefix',
    value: `"${errorPrefix}"`,
    limit: 'an error prefix with expressions must contain !{firehose:error-output-type}',
    fix: `write e.g. ${DEFAULT_ERROR_PREFIX}`,
  });
  v.failIf(!Token.isUnresolved(dataPrefix) && dataPrefix.includes('!{firehose:error-output-type}'), {
    code: ErrorCodes.LBP_FIREHOSE_PREFIX,
    property: 'dataOutputPrefix',
    value: `"${dataPrefix}"`,
    limit: '!{firehose:error-output-type} is only allowed in the error prefix',
    fix: `remove it, e.g. ${DEFAULT_DATA_PREFIX}`,
  });
  const samePrefix = !Token.isUnresolved(dataPrefix) && !Token.isUnresolved(errorPrefix)
    && staticPart(dataPrefix) !== '' && staticPart(errorPrefix) === staticPart(dataPrefix);
  v.failIf(samePrefix, {
    code: ErrorCodes.LBP_FIREHOSE_PREFIX,
    property: 'errorOutputPrefix',
    value: `"${errorPrefix}" next to dataOutputPrefix "${dataPrefix}"`,
    limit: 'failed records must be told apart from delivered ones: the two prefixes need different fixed parts',
    fix: `use e.g. ${DEFAULT_DATA_PREFIX} and ${DEFAULT_ERROR_PREFIX}`,
  });
}
