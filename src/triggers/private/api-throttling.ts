import { Token } from 'aws-cdk-lib';
import { Validator } from '../../validation/validator';

/** The stage throttling settings the API triggers share (HTTP, REST and WebSocket). @internal */
export interface ApiThrottlingOptions {
  readonly throttlingRateLimit?: number;
  readonly throttlingBurstLimit?: number;
}

/** How one kind of API names its throttling problems. @internal */
export interface ApiThrottlingWording {
  /** The error code of this API's throttling rule. */
  readonly code: string;
  /** What the API throttles, plural (`requests`, `messages`). */
  readonly unit: 'requests' | 'messages';
  /** Whose account-level quota applies (`HTTP API`, `API Gateway`). */
  readonly quota: string;
}

/**
 * Checks a stage's throttling (rate above 0 and at most 10,000 per second, burst a whole number from
 * 1 to 5,000: the account-level quotas) and returns the values with their defaults (100 and 200).
 *
 * @internal
 */
export function checkApiThrottling(v: Validator, opts: ApiThrottlingOptions, w: ApiThrottlingWording): { rate: number; burst: number } {
  const rate = opts.throttlingRateLimit ?? 100;
  const burst = opts.throttlingBurstLimit ?? 200;
  v.failIf(!Token.isUnresolved(rate) && !(rate > 0 && rate <= 10000), {
    code: w.code,
    property: 'throttlingRateLimit',
    value: `${rate} ${w.unit} per second`,
    limit: `it must be above 0 (0 rejects every ${w.unit.slice(0, -1)}) and at most 10,000 (the account-level ${w.quota} quota)`,
    fix: 'set throttlingRateLimit above 0 and at most 10,000',
  });
  v.range(w.code, 'throttlingBurstLimit', burst, 1, 5000, {
    unit: w.unit,
    integer: true,
    source: `the account-level ${w.quota} burst quota is 5,000`,
    fix: 'set throttlingBurstLimit to a whole number from 1 to 5,000',
  });
  return { rate, burst };
}
