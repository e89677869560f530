import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { FunctionCode } from '../../code/function-code';
import { selectPrivateSubnets } from '../../function/function-vpc';
import { ServerlessFunctionOptions } from '../../function/serverless-function-props';
import { FUNCTION_OPTIONS_SHAPE, givenOptionSettings, validateFunctionOptions } from '../../function/validate-function';
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
 * Which of a pattern's props the construct it is building now received, so that a problem found
 * while building it is named by the path the user wrote: the pattern says what it builds
 * (`building('function')`, `building('trigger')`), nothing is guessed from where the problem was found.
 *
 * @internal
 */
export class PatternPaths {
  private current?: (property: string) => string;

  /**
   * @param triggerProp the pattern's prop the trigger receives (e.g. `triggerOptions`)
   * @param triggerShape the shape of that prop (its property names)
   */
  constructor(private readonly triggerProp: string, private readonly triggerShape: PropShape) {}

  /**
   * What the pattern builds from here on: its function (`functionOptions.<property>`; the code's own
   * problems, such as a missing entry, keep their names), its trigger (`triggerOptions.<property>`, or
   * `functionOptions.<property>` for a setting of the function, e.g. its timeout), or its own
   * resources (names as they are).
   */
  public building(what: 'function' | 'trigger' | 'pattern'): void {
    this.current = what === 'function' ? renameByLevels([functionLevel()])
      : what === 'trigger' ? renameByLevels([triggerLevel(this.triggerProp, this.triggerShape), functionLevel()])
        : undefined;
  }

  /** How a problem found now is renamed (undefined: it is not). */
  public get rename(): ((property: string) => string) | undefined {
    return this.current;
  }
}

/** The function's options, under `functionOptions`. */
function functionLevel(): [string, string[]] {
  return ['functionOptions', Object.keys(FUNCTION_OPTIONS_SHAPE)];
}

/** The trigger's options, under `triggerProp`. */
function triggerLevel(triggerProp: string, triggerShape: PropShape): [string, string[]] {
  return [triggerProp, Object.keys(triggerShape).map((k) => k.replace(/!$/, ''))];
}

/**
 * Names a problem by the path the pattern's user wrote: the property is prefixed with the prop of the
 * first level that knows its first segment (a trigger's problem may name the function's setting, e.g.
 * its timeout, so the trigger's level comes first); unknown properties stay as they are.
 */
function renameByLevels(levels: [string, string[]][]): (property: string) => string {
  return (property: string) => {
    const first = property.split(/[.[ ,]/)[0];
    const level = levels.find((l) => l[1].includes(first));
    return level ? `${level[0]}.${property}` : property;
  };
}

/**
 * Runs the checks of a pattern's `functionOptions` and the cheap checks of its `code` into the
 * pattern's validator, before its function exists (the function, made with `ServerlessFunction._checked`,
 * checks its options no more; it repeats the code's cheap checks only to build it). Each option
 * problem is named `functionOptions.<property>`. Returns the function timeout in seconds, when given
 * and concrete.
 *
 * @internal
 */
export function validatePatternFunction(v: Validator, code: FunctionCode, options: ServerlessFunctionOptions | undefined): number | undefined {
  const o = options ?? {};
  // The code's cheap checks (paths, handler export, project files) join the round, unprefixed (`code`
  // is the pattern's own prop); nothing is built here.
  if (typeof code._check === 'function') {
    code._check(v, o.architecture ?? lambda.Architecture.ARM_64, o.runtime);
  }
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
  return v.renaming(renameByLevels([triggerLevel(triggerProp, triggerShape), functionLevel()]));
}
