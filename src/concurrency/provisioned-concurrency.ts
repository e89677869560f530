import { TimeZone } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as lambda from 'aws-cdk-lib/aws-lambda';

/**
 * A scheduled change of the provisioned-concurrency range (e.g. more capacity on weekday mornings).
 */
export interface ProvisionedConcurrencySchedule {
  /** A name for the scheduled action, unique per function. */
  readonly name: string;

  /** When the change applies (cron, rate or a one-off date). */
  readonly schedule: appscaling.Schedule;

  /**
   * The new minimum number of provisioned executions.
   *
   * @default - unchanged
   */
  readonly minCapacity?: number;

  /**
   * The new maximum number of provisioned executions.
   *
   * @default - unchanged
   */
  readonly maxCapacity?: number;

  /**
   * The time zone of a cron schedule.
   *
   * @default - UTC
   */
  readonly timeZone?: TimeZone;
}

/**
 * Provisioned concurrency on the function's `live` alias, optionally auto-scaled.
 */
export interface ProvisionedConcurrencyOptions {
  /** Provisioned executions kept warm at all times (and the auto-scaling minimum). At least 1. */
  readonly minCapacity: number;

  /**
   * The most provisioned executions auto-scaling may add. When greater than `minCapacity`, the alias
   * scales on utilisation (and on `schedules`).
   *
   * @default - minCapacity (no auto-scaling on utilisation)
   */
  readonly maxCapacity?: number;

  /**
   * Target share of provisioned concurrency in use (0.1 to 0.9) that auto-scaling keeps.
   *
   * @default 0.7
   */
  readonly utilizationTarget?: number;

  /**
   * Scheduled changes of the capacity range.
   *
   * @default - none
   */
  readonly schedules?: ProvisionedConcurrencySchedule[];
}

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

/** Every capacity the options can reach (to compare with reserved concurrency). @internal */
export function peakProvisionedConcurrency(options: ProvisionedConcurrencyOptions): number {
  const values = [options.minCapacity, options.maxCapacity ?? options.minCapacity];
  for (const s of options.schedules ?? []) {
    values.push(s.minCapacity ?? 0, s.maxCapacity ?? 0);
  }
  return Math.max(...values);
}
