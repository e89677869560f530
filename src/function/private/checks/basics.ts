import * as logs from 'aws-cdk-lib/aws-logs';
import { FunctionOptionSettings } from './settings';
import { checkName, NAME_RULES } from '../../../validation/aws-names';
import { ErrorCodes } from '../../../validation/error-codes';
import { isConcrete, Validator } from '../../../validation/validator';
import { ServerlessFunctionOptions } from '../../serverless-function-props';

/** The retention periods CloudWatch Logs accepts (PutRetentionPolicy), and INFINITE. */
const LOG_RETENTION_DAYS = new Set<number>(Object.values(logs.RetentionDays).filter((x): x is number => typeof x === 'number'));

function nearestRetention(days: number): string {
  const allowed = [...LOG_RETENTION_DAYS].filter((d) => d !== logs.RetentionDays.INFINITE).sort((a, b) => a - b);
  const next = allowed.find((d) => d >= days) ?? allowed[allowed.length - 1];
  return logs.RetentionDays[next as logs.RetentionDays];
}

const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * The function's sizing (memory, timeout, ephemeral storage), description, name, handler and log
 * retention.
 *
 * @internal
 */
export function validateBasics(v: Validator, props: ServerlessFunctionOptions, s: FunctionOptionSettings): void {
  v.range(ErrorCodes.LBP_MEMORY_SIZE, 'memorySize', s.memorySize, 128, 10_240, {
    unit: 'MB', integer: true, source: 'Lambda quota',
  });
  v.range(ErrorCodes.LBP_TIMEOUT, 'timeout', s.timeoutSeconds, 1, 900, {
    unit: 'seconds',
    integer: true,
    source: 'Lambda allows at most 15 minutes',
    fix: 'set timeout between Duration.seconds(1) and Duration.minutes(15); move longer work to Step Functions or ECS',
  });
  v.range(ErrorCodes.LBP_EPHEMERAL_STORAGE, 'ephemeralStorageSize', s.ephemeralStorageMb, 512, 10_240, {
    unit: 'MB', integer: true, source: 'Lambda quota',
  });

  if (isConcrete(props.description) && props.description.length > 256) {
    v.fail({
      code: ErrorCodes.LBP_DESCRIPTION,
      property: 'description',
      value: `${props.description.length} characters long`,
      limit: 'Lambda allows at most 256 characters',
      fix: 'shorten the description',
    });
  }
  if (isConcrete(props.functionName) && !FUNCTION_NAME.test(props.functionName)) {
    v.fail({
      code: ErrorCodes.LBP_FUNCTION_NAME,
      property: 'functionName',
      value: `'${props.functionName}'`,
      limit: 'a function name has 1 to 64 characters, each a letter, digit, hyphen or underscore',
      fix: 'rename the function, or leave functionName unset to let CloudFormation generate one',
    });
  }

  checkName(v, ErrorCodes.LBP_HANDLER, 'handler', props.handler, NAME_RULES.handler);
  const retention = props.logRetention;
  if (isConcrete(retention) && !LOG_RETENTION_DAYS.has(retention)) {
    v.fail({
      code: ErrorCodes.LBP_LOG_RETENTION,
      property: 'logRetention',
      value: `${retention} days`,
      limit: `CloudWatch Logs keeps logs for one of ${[...LOG_RETENTION_DAYS].filter((d) => d !== logs.RetentionDays.INFINITE).join(', ')} days, or forever`,
      fix: `use a logs.RetentionDays value, e.g. RetentionDays.${nearestRetention(retention)}`,
    });
  }
}
