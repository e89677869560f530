import { PRICE_TABLE } from './price-table';

/** Where a rate of the price table comes from. @internal */
export interface PriceSource {
  /** The pricing page the rate belongs to. */
  readonly url: string;
  /** When it was read (YYYY-MM-DD). */
  readonly read: string;
  /**
   * Whether the rate was found as a number: on the page, or quoted from it where the page renders its
   * rates client-side. An unverified rate is reported apart and never added to a total.
   */
  readonly verified: boolean;
  /** How it was found (or why it could not be). */
  readonly note: string;
}

const CLOUDWATCH = 'https://aws.amazon.com/cloudwatch/pricing/';
const CW_NOTE = 'The stored page renders its rate tabs client-side; its free-tier text was read there, the rate as quoted from it by c3x.dev and cloudcostkit.com (/work/shared/reference/scale-and-cost.md)';

/** The source of each rate of PRICE_TABLE.prices. @internal */
export const PRICE_SOURCES: { readonly [K in keyof typeof PRICE_TABLE.prices]: PriceSource } = {
  alarmMetricStandard: { url: CLOUDWATCH, read: '2026-12-01', verified: true, note: CW_NOTE },
  alarmMetricHighResolution: { url: CLOUDWATCH, read: '2026-12-01', verified: true, note: CW_NOTE },
  compositeAlarm: { url: CLOUDWATCH, read: '2026-12-01', verified: true, note: CW_NOTE },
  kmsKey: { url: 'https://aws.amazon.com/kms/pricing/', read: '2026-12-01', verified: true, note: '$1 per key-month; +$1 per rotation, capped after two' },
  dashboard: { url: CLOUDWATCH, read: '2026-12-01', verified: true, note: '3 dashboards free, then $3 each (free-tier text on the page, rate as quoted)' },
  secret: { url: 'https://aws.amazon.com/secrets-manager/pricing/', read: '2026-12-01', verified: true, note: 'per secret-month' },
  provisionedConcurrencyGbSecond: { url: 'https://aws.amazon.com/lambda/pricing/', read: '2026-12-01', verified: true, note: 'x86 rate, from the calculator price map (lambda.json)' },
  natGatewayHour: { url: 'https://aws.amazon.com/vpc/pricing/', read: '2026-12-01', verified: true, note: 'per gateway-hour' },
  interfaceEndpointAzHour: { url: 'https://aws.amazon.com/privatelink/pricing/', read: '2026-12-01', verified: true, note: 'per endpoint-AZ-hour' },
};

/**
 * Rates the cost report shows but never adds to a total: not found on AWS's page. Each line priced
 * with one of them is listed under `unverifiedLines` with the amount it would add at that rate.
 *
 * @internal
 */
export const UNVERIFIED_PRICES = {
  /**
   * An alarm on a Metrics Insights query, per metric the query analyzes, a month. The stored pricing
   * page shows only that the 10 free alarm metrics exclude such alarms; "$0.10 per metric analyzed,
   * no free tier" comes from a third-party cost analysis checked against a bill. Whether a metric with
   * no datapoint in the 3-hour evaluation window counts as analyzed is not stated anywhere found.
   */
  metricsInsightsAlarmMetricAnalyzed: {
    usd: 0.10,
    source: {
      url: CLOUDWATCH,
      read: '2026-12-07',
      verified: false,
      note: 'UNVERIFIED: the page renders its rates client-side; the free tier "only applicable to Standard resolution alarms that list metrics directly and don\'t use a Metrics Insights query" was read there; $0.10 per metric analyzed is a third-party figure',
    } as PriceSource,
  },
} as const;
