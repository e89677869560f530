import { PROP_SHAPES } from '../../validation/prop-shapes.generated';
import { PropShape } from '../../validation/prop-types';

/**
 * The types of `ServerlessFunctionOptions` (checked before anything else, so a wrongly typed value
 * from JavaScript or Python is a coded error, never a `TypeError`). Reused by the patterns under
 * `functionOptions`.
 *
 * @internal
 */
export const FUNCTION_OPTIONS_SHAPE: PropShape = PROP_SHAPES.ServerlessFunctionOptions;

/** The types of `ServerlessFunctionProps`. @internal */
export const FUNCTION_PROPS_SHAPE: PropShape = PROP_SHAPES.ServerlessFunctionProps;

/** The settings the option checks look at (undefined: not set, or an unresolved token). @internal */
export interface FunctionOptionSettings {
  readonly memorySize: number | undefined;
  readonly timeoutSeconds: number | undefined;
  readonly ephemeralStorageMb: number | undefined;
}
