import { FUNCTION_OPTIONS_SHAPE } from '../../function/validate-function';
import { PropertyPaths } from '../../validation/construction-guard';
import { checkShape, PropShape } from '../../validation/prop-types';
import { Validator } from '../../validation/validator';

/**
 * Checks the types of a pattern's props (its `code`, its `functionOptions` and its own `extra`
 * properties) into `v` and throws at once when one is wrong, before anything is created.
 *
 * @internal
 */
export function checkPatternProps(v: Validator, props: unknown, extra: PropShape): void {
  if (!checkShape(v, '', props, { 'code!': 'object', 'functionOptions': { shape: FUNCTION_OPTIONS_SHAPE }, ...extra })) {
    v.throwIfAny();
  }
}

/**
 * How a pattern's props reach its function (`functionOptions`) and the function's trigger (e.g.
 * `triggerOptions`), so their problems are named by the path the user wrote.
 *
 * @internal
 */
export function patternPaths(triggerProp: string, triggerShape: PropShape): PropertyPaths {
  return {
    child: ['functionOptions', Object.keys(FUNCTION_OPTIONS_SHAPE)],
    grandchild: [triggerProp, Object.keys(triggerShape).map((k) => k.replace(/!$/, ''))],
  };
}
