import * as lambda from 'aws-cdk-lib/aws-lambda';
import { CodeFacts } from './settings';
import { isNewestAmong } from '../../../code/latest-runtime';
import { ErrorCodes } from '../../../validation/error-codes';
import { Validator } from '../../../validation/validator';
import { ServerlessFunctionOptions, ServerlessFunctionProps } from '../../serverless-function-props';

/** The managed runtimes Lambda runs durable functions on (https://docs.aws.amazon.com/lambda/latest/dg/durable-supported-runtimes.html). @internal */
export const DURABLE_RUNTIMES: readonly string[] = [
  'nodejs22.x', 'nodejs24.x', 'python3.13', 'python3.14', 'java17', 'java21', 'java25',
];

/**
 * Whether `runtime` is the newest of its family among the durable runtimes (e.g. nodejs24.x, python3.14, java25).
 *
 * @internal
 */
export function isNewestDurableRuntime(runtime: lambda.Runtime): boolean {
  return isNewestAmong(runtime.name, DURABLE_RUNTIMES);
}

/** The longest durable execution Lambda accepts: 366 days, in seconds (CloudFormation DurableConfig.ExecutionTimeout). @internal */
export const DURABLE_MAX_EXECUTION_SECONDS = 366 * 24 * 3600;

/** The longest retention of a closed execution's history, in days (DurableConfig.RetentionPeriodInDays). @internal */
export const DURABLE_MAX_RETENTION_DAYS = 90;

const DURABLE_PAGE = 'https://docs.aws.amazon.com/lambda/latest/dg/durable-functions.html';

/** What the durable checks of the code look at. @internal */
export interface DurableCodeSettings {
  readonly runtime: lambda.Runtime | undefined;
  readonly code: CodeFacts;
}

/**
 * The runtime runs durable functions: one of the managed runtimes AWS lists, or a container image (which
 * brings its own runtime and the durable execution SDK).
 *
 * @internal
 */
export function validateDurableCode(v: Validator, props: ServerlessFunctionProps, s: DurableCodeSettings): void {
  if (props.durable === undefined || s.code.isImage || !s.runtime) {
    return;
  }
  v.failIf(!DURABLE_RUNTIMES.includes(s.runtime.name), {
    code: ErrorCodes.LBP_DURABLE_RUNTIME,
    property: 'durable',
    value: `set on ${s.runtime.name}`,
    limit: `durable functions run on the managed runtimes ${DURABLE_RUNTIMES.join(', ')} and on container images (https://docs.aws.amazon.com/lambda/latest/dg/durable-supported-runtimes.html)`,
    fix: 'set runtime to one of them (e.g. Runtime.NODEJS_22_X or Runtime.PYTHON_3_13), deploy a container image, or remove durable',
  });
}

/**
 * The execution timeout and the retention are in the ranges Lambda accepts (unresolved tokens skipped).
 *
 * @internal
 */
export function validateDurableOptions(v: Validator, props: ServerlessFunctionOptions): void {
  const durable = props.durable;
  if (durable === undefined) {
    return;
  }
  const timeout = durable.executionTimeout;
  if (timeout !== undefined && !timeout.isUnresolved()) {
    const seconds = timeout.toSeconds({ integral: false });
    v.failIf(!Number.isInteger(seconds) || seconds < 1 || seconds > DURABLE_MAX_EXECUTION_SECONDS, {
      code: ErrorCodes.LBP_DURABLE_EXECUTION_TIMEOUT,
      property: 'durable.executionTimeout',
      value: `${seconds} s`,
      limit: `a whole number of seconds from 1 to ${DURABLE_MAX_EXECUTION_SECONDS} (366 days) (${DURABLE_PAGE})`,
      fix: 'set executionTimeout to a whole number of seconds between Duration.seconds(1) and Duration.days(366)',
    });
  }
  const retention = durable.retention;
  if (retention !== undefined && !retention.isUnresolved()) {
    const days = retention.toDays({ integral: false });
    v.failIf(!Number.isInteger(days) || days < 1 || days > DURABLE_MAX_RETENTION_DAYS, {
      code: ErrorCodes.LBP_DURABLE_RETENTION,
      property: 'durable.retention',
      value: `${days} days`,
      limit: `a whole number of days from 1 to ${DURABLE_MAX_RETENTION_DAYS} (DurableConfig.RetentionPeriodInDays, ${DURABLE_PAGE})`,
      fix: 'set retention to Duration.days(n) with n a whole number from 1 to 90, or leave it unset (14 days)',
    });
  }
}
