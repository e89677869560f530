/**
 * The standing (idle) prices the cost report uses: us-east-1, USD, as published on the dates below.
 * Sources: docs/scale.md and the research note it cites (CloudWatch, KMS, Lambda, Secrets Manager
 * and VPC pricing pages). Update the date with the prices.
 *
 * @internal
 */
export const PRICE_TABLE = {
  region: 'us-east-1',
  date: '2026-12-01',
  currency: 'USD',
  /** Hours in a billing month, as AWS's calculators use. */
  hoursPerMonth: 730,
  prices: {
    /** A standard-resolution alarm, per metric it reads (a metric-math alarm pays per metric). */
    alarmMetricStandard: 0.10,
    /** A high-resolution (10/20/30 s) alarm, per metric. */
    alarmMetricHighResolution: 0.30,
    /** A composite alarm (its child alarms are billed too). */
    compositeAlarm: 0.50,
    /** A customer-managed KMS key, before rotations ($1 more per rotation, at most $3). */
    kmsKey: 1.00,
    /** A dashboard past the account's 3 free ones. */
    dashboard: 3.00,
    /** A Secrets Manager secret. */
    secret: 0.40,
    /** Provisioned concurrency (x86 and Arm alike in this table), per GB-second. */
    provisionedConcurrencyGbSecond: 0.0000041667,
    /** A NAT gateway, per hour. */
    natGatewayHour: 0.045,
    /** An interface VPC endpoint, per subnet (AZ) and hour. */
    interfaceEndpointAzHour: 0.01,
  },
} as const;
