import { selectPrivateSubnets } from '../../function/function-vpc';
import { ServerlessFunctionOptions } from '../../function/serverless-function-props';
import { FUNCTION_OPTIONS_SHAPE, givenOptionSettings, validateFunctionOptions } from '../../function/validate-function';
import { PropertyPaths, renameByLevels } from '../../validation/construction-guard';
import { checkShape, PropShape } from '../../validation/prop-types';
import { Validator } from '../../validation/validator';

/**
 * Checks the types of a pattern's props (`shape`, generated from its props interface: its `code`, its
 * `functionOptions` and its own properties) into `v` and throws at once when one is wrong, before
 * anything is created.
 *
 * @internal
 */
export function checkPatternProps(v: Validator, props: unknown, shape: PropShape): void {
  if (!checkShape(v, '', props, shape)) {
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

/**
 * Runs the checks of a pattern's `functionOptions` into the pattern's validator, before its function
 * exists (the same checks the function runs; those that need the code run when it is built). Each
 * problem is named `functionOptions.<property>`. Returns the function timeout in seconds, when given
 * and concrete.
 *
 * @internal
 */
export function validatePatternFunction(v: Validator, options: ServerlessFunctionOptions | undefined): number | undefined {
  const o = options ?? {};
  const fv = v.renaming((property) => `functionOptions.${property}`);
  const settings = givenOptionSettings(o);
  validateFunctionOptions(fv, o, settings);
  if (o.vpc) {
    selectPrivateSubnets(fv, o.vpc, o.vpcSubnets);
  }
  return settings.timeoutSeconds;
}

/**
 * A validator for a pattern's trigger checks, recording into the pattern's: a problem is named
 * `<triggerProp>.<property>`, or `functionOptions.<property>` when it names a setting of the function
 * (e.g. its timeout).
 *
 * @internal
 */
export function patternTriggerValidator(v: Validator, triggerProp: string, triggerShape: PropShape): Validator {
  const paths = patternPaths(triggerProp, triggerShape);
  return v.renaming(renameByLevels([paths.grandchild!, paths.child!]));
}
