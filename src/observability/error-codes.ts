/**
 * Stable error codes of the observability options (alarms and dashboards). Never reused.
 *
 * @internal
 */
export const ObservabilityErrorCodes = {
  ALARM_THRESHOLD: 'LBP_ALARM_THRESHOLD',
  ALARM_EVALUATION_PERIODS: 'LBP_ALARM_EVALUATION_PERIODS',
  ALARM_DATAPOINTS: 'LBP_ALARM_DATAPOINTS',
  ALARM_PERIOD: 'LBP_ALARM_PERIOD',
  ALARM_EVALUATION_RANGE: 'LBP_ALARM_EVALUATION_RANGE',
} as const;

/**
 * Stable ids of the observability warnings (`cdk-lambda-blueprints:<id>`).
 *
 * @internal
 */
export const ObservabilityWarnings = {
  DURATION_ALARM_UNRESOLVED_TIMEOUT: 'cdk-lambda-blueprints:durationAlarmUnresolvedTimeout',
  DASHBOARD_WIDGETS: 'cdk-lambda-blueprints:dashboardWidgetLimit',
} as const;
