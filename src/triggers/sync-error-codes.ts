/**
 * Stable validation error codes of the schedule, event-rule and HTTP triggers (and their patterns).
 * A code is never reused for another rule; the README lists them all. The stream and queue triggers
 * keep theirs in `error-codes.ts`.
 *
 * @internal
 */
export const SyncTriggerErrorCodes = {
  /** A schedule expression is neither `cron(...)`, `rate(...)` nor `at(...)`. */
  SCHEDULE_EXPRESSION: 'LBP_SCHEDULE_EXPRESSION',
  /** A `cron(...)` expression has the wrong number of fields or a field out of range. */
  SCHEDULE_CRON: 'LBP_SCHEDULE_CRON',
  /** A `cron(...)` expression does not have exactly one of day-of-month / day-of-week as `?`. */
  SCHEDULE_CRON_DAY: 'LBP_SCHEDULE_CRON_DAY',
  /** A `rate(...)` expression has a bad value or unit (including a plural unit for 1). */
  SCHEDULE_RATE: 'LBP_SCHEDULE_RATE',
  /** An `at(...)` expression is not `at(yyyy-mm-ddThh:mm:ss)`. */
  SCHEDULE_AT: 'LBP_SCHEDULE_AT',
  /** The schedule's time zone is not an IANA time zone. */
  SCHEDULE_TIME_ZONE: 'LBP_SCHEDULE_TIME_ZONE',
  /** The flexible time window is outside 1-1440 minutes. */
  SCHEDULE_FLEXIBLE_WINDOW: 'LBP_SCHEDULE_FLEXIBLE_WINDOW',
  /** The schedule's input is not valid JSON, or larger than 8,192 characters. */
  SCHEDULE_INPUT: 'LBP_SCHEDULE_INPUT',
  /** A retry policy's attempts are outside 0-185 (EventBridge / Scheduler target limit). */
  TARGET_RETRY_ATTEMPTS: 'LBP_TARGET_RETRY_ATTEMPTS',
  /** A retry policy's maximum event age is outside 60-86,400 seconds. */
  TARGET_MAX_EVENT_AGE: 'LBP_TARGET_MAX_EVENT_AGE',
  /** An event rule has no event pattern. */
  EVENT_PATTERN: 'LBP_EVENT_PATTERN',
  /** The function may run longer than the 30 s HTTP API integration limit. */
  HTTP_API_TIMEOUT: 'LBP_HTTP_API_TIMEOUT',
  /** HTTP API throttling values are negative or not whole. */
  HTTP_API_THROTTLE: 'LBP_HTTP_API_THROTTLE',
  /** A JWT authorizer has a non-HTTPS issuer or no audience. */
  HTTP_API_JWT: 'LBP_HTTP_API_JWT',
  /** An HTTP API route would have no authorization (`HttpNoneAuthorizer`), or OAuth scopes with IAM auth. */
  HTTP_API_AUTH: 'LBP_HTTP_API_AUTH',
  /** A route key is not `METHOD /path` or `$default`. */
  HTTP_API_ROUTE: 'LBP_HTTP_API_ROUTE',
  /** A function URL with `authType: NONE` without `allowPublicAccess: true`. */
  FUNCTION_URL_PUBLIC: 'LBP_FUNCTION_URL_PUBLIC',
  /** A second function URL on the same function (Lambda allows one per alias). */
  FUNCTION_URL_DUPLICATE: 'LBP_FUNCTION_URL_DUPLICATE',
  /** An ALB listener rule priority outside 1-50,000, or priority and conditions not given together. */
  ALB_PRIORITY: 'LBP_ALB_PRIORITY',
  /** The function timeout exceeds the load balancer's idle timeout. */
  ALB_IDLE_TIMEOUT: 'LBP_ALB_IDLE_TIMEOUT',
  /** CORS settings AWS or browsers refuse (credentials with `*`, preflight cache age out of range). */
  CORS: 'LBP_CORS',
  /** A setting that only applies to something the trigger creates, given with an existing one (it would be ignored). */
  SETTING_IGNORED: 'LBP_SETTING_IGNORED',
  /** A target group name AWS refuses (1-32 letters, digits, hyphens; no hyphen at either end). */
  ALB_TARGET_GROUP_NAME: 'LBP_ALB_TARGET_GROUP_NAME',
  /** An EventBridge rule name or description AWS refuses. */
  EVENT_RULE_NAME: 'LBP_EVENT_RULE_NAME',
  /** A Scheduler group name or schedule description AWS refuses. */
  SCHEDULE_NAME: 'LBP_SCHEDULE_NAME',
} as const;
