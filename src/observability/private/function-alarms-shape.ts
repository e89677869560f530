import { ALARM_OPTIONS_SHAPE, PropShape } from '../../validation/prop-types';

const ALARM = { shape: ALARM_OPTIONS_SHAPE };

/** The types of `FunctionAlarmsOptions`. @internal */
export const FUNCTION_OPTIONS_SHAPE_ALARMS: PropShape = {
  enabled: 'boolean',
  combined: 'boolean',
  errors: ALARM,
  throttles: ALARM,
  duration: ALARM,
  asyncEventsDropped: ALARM,
  deliveryFailures: ALARM,
  iteratorAge: ALARM,
  deadLetterQueueAge: ALARM,
  provisionedConcurrencySpillover: ALARM,
  provisionedConcurrencyUtilization: ALARM,
};
