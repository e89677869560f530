import { peakProvisionedConcurrency } from '../../../concurrency/peak-provisioned-concurrency';
import { ErrorCodes } from '../../../validation/error-codes';
import { isConcrete, Validator } from '../../../validation/validator';
import { ServerlessFunctionOptions } from '../../serverless-function-props';

/**
 * The checks of reserved and provisioned concurrency (and its auto-scaling).
 *
 * @internal
 */
export function validateConcurrency(v: Validator, props: ServerlessFunctionOptions): void {
  const reserved = props.reservedConcurrentExecutions;
  // 0 is valid: Lambda's documented way to stop every invocation (the function warns about it).
  if (isConcrete(reserved) && (reserved < 0 || !Number.isInteger(reserved))) {
    v.fail({
      code: ErrorCodes.LBP_RESERVED_CONCURRENCY,
      property: 'reservedConcurrentExecutions',
      value: `${reserved}`,
      limit: 'it must be a whole number of at least 0 (0 throttles every invocation)',
      fix: 'reserve a whole number of executions (0 to stop the function), or leave it unset for no reservation',
    });
  }
  const pc = props.provisionedConcurrency;
  if (!pc) {
    return;
  }
  v.range(ErrorCodes.LBP_PROVISIONED_CONCURRENCY, 'provisionedConcurrency.minCapacity', pc.minCapacity, 1, Number.MAX_SAFE_INTEGER, {
    integer: true, fix: 'provision at least 1 execution, or leave provisionedConcurrency unset',
  });
  const max = pc.maxCapacity;
  if (isConcrete(max) && isConcrete(pc.minCapacity) && (max < pc.minCapacity || !Number.isInteger(max))) {
    v.fail({
      code: ErrorCodes.LBP_AUTOSCALING_CAPACITY,
      property: 'provisionedConcurrency.maxCapacity',
      value: `${max}`,
      limit: `it must be a whole number no lower than minCapacity (${pc.minCapacity})`,
      fix: 'raise maxCapacity, or leave it unset for a fixed amount',
    });
  }
  v.range(ErrorCodes.LBP_AUTOSCALING_TARGET, 'provisionedConcurrency.utilizationTarget', pc.utilizationTarget, 0.1, 0.9, {
    source: 'Application Auto Scaling range for LambdaProvisionedConcurrencyUtilization',
  });
  for (const s of pc.schedules ?? []) {
    if (isConcrete(s.minCapacity) && isConcrete(s.maxCapacity) && s.minCapacity > s.maxCapacity) {
      v.fail({
        code: ErrorCodes.LBP_AUTOSCALING_CAPACITY,
        property: `provisionedConcurrency.schedules['${s.name}']`,
        value: `minCapacity ${s.minCapacity} > maxCapacity ${s.maxCapacity}`,
        limit: 'a scheduled minimum cannot exceed its maximum',
        fix: 'swap or correct the two values',
      });
    }
  }
  if (isConcrete(reserved) && reserved >= 0 && [pc.minCapacity, max].every((x) => x === undefined || isConcrete(x))) {
    const peak = peakProvisionedConcurrency(pc);
    if (peak > reserved) {
      v.fail({
        code: ErrorCodes.LBP_PROVISIONED_ABOVE_RESERVED,
        property: 'provisionedConcurrency',
        value: `up to ${peak} executions`,
        limit: `provisioned concurrency cannot exceed reservedConcurrentExecutions (${reserved})`,
        fix: `raise reservedConcurrentExecutions to at least ${peak}, or lower the provisioned capacity`,
      });
    }
  }
}
