import { FunctionCode } from '../code/function-code';
import { ServerlessFunctionOptions } from '../function/serverless-function-props';

/**
 * What every pattern takes: the function's code and settings. Each pattern's props extend it with
 * its source's settings and `triggerOptions` (the settings of its trigger).
 */
export interface BlueprintPatternProps {
  /** The function's code. */
  readonly code: FunctionCode;

  /**
   * Settings of the pattern's ServerlessFunction (timeout, memory, `initialPolicy`, alarms, ...).
   *
   * @default - the ServerlessFunction defaults
   */
  readonly functionOptions?: ServerlessFunctionOptions;
}
