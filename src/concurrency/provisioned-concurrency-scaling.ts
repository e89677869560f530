import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ProvisionedConcurrencyOptions } from './provisioned-concurrency';

/** The utilisation target when none is given. @internal */
export const DEFAULT_UTILIZATION_TARGET = 0.7;

/**
 * Applies auto-scaling to an alias that already has `minCapacity` provisioned executions. Returns the
 * scalable attribute, or undefined when the range is fixed and there are no schedules.
 *
 * @internal
 */
export function configureProvisionedConcurrencyScaling(
  alias: lambda.Alias,
  options: ProvisionedConcurrencyOptions,
): lambda.IScalableFunctionAttribute | undefined {
  const maxCapacity = options.maxCapacity ?? options.minCapacity;
  const schedules = options.schedules ?? [];
  if (maxCapacity === options.minCapacity && schedules.length === 0) {
    return undefined;
  }
  const scaling = alias.addAutoScaling({ minCapacity: options.minCapacity, maxCapacity });
  if (maxCapacity > options.minCapacity) {
    scaling.scaleOnUtilization({
      utilizationTarget: options.utilizationTarget ?? DEFAULT_UTILIZATION_TARGET,
    });
  }
  for (const s of schedules) {
    scaling.scaleOnSchedule(s.name, {
      schedule: s.schedule,
      minCapacity: s.minCapacity,
      maxCapacity: s.maxCapacity,
      timeZone: s.timeZone,
    });
  }
  return scaling;
}
