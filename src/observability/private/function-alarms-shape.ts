import { PROP_SHAPES } from '../../validation/prop-shapes.generated';
import { PropShape } from '../../validation/prop-types';

/** The types of `FunctionAlarmsOptions`. @internal */
export const FUNCTION_OPTIONS_SHAPE_ALARMS: PropShape = PROP_SHAPES.FunctionAlarmsOptions;
