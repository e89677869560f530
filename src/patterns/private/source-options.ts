import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';

/**
 * Records a problem for every option of a new source that was given together with an existing
 * source (those options would be silently ignored otherwise).
 *
 * @internal
 */
export function refuseSourceOptionsWithExisting(v: Validator, existing: string, given: boolean, options: { [name: string]: unknown }): void {
  if (!given) {
    return;
  }
  for (const [name, value] of Object.entries(options)) {
    v.failIf(value !== undefined, {
      code: ErrorCodes.LBP_PATTERN_SOURCE_OPTION,
      property: name,
      value: `set together with \`${existing}\``,
      limit: `${name} configures the ${existing} the pattern creates, and an existing ${existing} was given`,
      fix: `configure ${name} on your ${existing}, or remove \`${existing}\``,
    });
  }
}
