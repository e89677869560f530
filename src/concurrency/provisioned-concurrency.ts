import { TimeZone } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';

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
