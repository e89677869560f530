import { Duration } from 'aws-cdk-lib';
import { AlarmDefaults } from './alarm-settings';

/** The default of every alarm (the README lists them). @internal */
export const ALARM_DEFAULTS = {
  errors: { threshold: 1, period: Duration.minutes(1), evaluationPeriods: 5, datapointsToAlarm: 3, maxThreshold: 100, unit: '%' },
  throttles: { threshold: 1, period: Duration.minutes(1), evaluationPeriods: 5, datapointsToAlarm: 3, maxThreshold: 100, unit: '%' },
  duration: { threshold: 80, period: Duration.minutes(1), evaluationPeriods: 5, datapointsToAlarm: 3, maxThreshold: 100, unit: '% of the timeout' },
  asyncEventsDropped: { threshold: 1, period: Duration.minutes(1), evaluationPeriods: 1, datapointsToAlarm: 1, unit: 'events' },
  deliveryFailures: { threshold: 1, period: Duration.minutes(1), evaluationPeriods: 1, datapointsToAlarm: 1, unit: 'failed deliveries' },
  recursiveInvocationsDropped: { threshold: 1, period: Duration.minutes(1), evaluationPeriods: 1, datapointsToAlarm: 1, unit: 'invocations' },
  eventSourceFailures: { threshold: 1, period: Duration.minutes(5), evaluationPeriods: 1, datapointsToAlarm: 1, unit: 'events' },
  iteratorAge: { threshold: 60, period: Duration.minutes(1), evaluationPeriods: 5, datapointsToAlarm: 3, unit: 'seconds' },
  deadLetterQueueAge: { threshold: 864_000, period: Duration.minutes(5), evaluationPeriods: 1, datapointsToAlarm: 1, maxThreshold: 1_209_600, unit: 'seconds' },
  provisionedConcurrencySpillover: { threshold: 10, period: Duration.minutes(5), evaluationPeriods: 3, datapointsToAlarm: 3, unit: 'invocations' },
  provisionedConcurrencyUtilization: { threshold: 90, period: Duration.minutes(5), evaluationPeriods: 3, datapointsToAlarm: 3, maxThreshold: 100, unit: '%' },
} satisfies Record<string, AlarmDefaults>;
