import { SizeRoundingBehavior } from 'aws-cdk-lib';
import type { FunctionCodeConfig } from '../../../code/function-code';
import { ServerlessFunctionOptions } from '../../serverless-function-props';

/** The handler when neither the props nor the code name one. @internal */
export const DEFAULT_HANDLER = 'index.handler';

/**
 * What the checks know of the code: a bound code's config, or what its cheap checks learned before it
 * is built (`contentsKnown: false`: its files and size are checked after the build).
 *
 * @internal
 */
export interface CodeFacts extends Omit<FunctionCodeConfig, 'code'> {
  readonly contentsKnown?: boolean;
}

/** The settings the option checks look at (undefined: not set, or an unresolved token). @internal */
export interface FunctionOptionSettings {
  readonly memorySize: number | undefined;
  readonly timeoutSeconds: number | undefined;
  readonly ephemeralStorageMb: number | undefined;
}

/**
 * The option settings as given (a pattern checks its `functionOptions` with them, before its function
 * exists; the defaults the function applies are all valid).
 *
 * @internal
 */
export function givenOptionSettings(options: ServerlessFunctionOptions): FunctionOptionSettings {
  const t = options.timeout;
  const e = options.ephemeralStorageSize;
  return {
    memorySize: options.memorySize,
    timeoutSeconds: t === undefined || t.isUnresolved() ? undefined : t.toSeconds({ integral: false }),
    ephemeralStorageMb: e === undefined || e.isUnresolved() ? undefined : e.toMebibytes({ rounding: SizeRoundingBehavior.NONE }),
  };
}
