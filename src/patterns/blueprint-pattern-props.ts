import { FunctionCode } from '../code/function-code';
import { ServerlessFunctionOptions } from '../function/serverless-function-props';

/**
 * What every pattern takes: the function's code and, optionally, its settings. Each pattern's props
 * extend this struct and add their source's options (`triggerOptions`) and the source itself where
 * the user brings it.
 */
export interface BlueprintPatternProps {
  /**
   * The function's code (an asset directory, an inline handler, a bundled Node.js entry or a
   * container image; see `FunctionCode`).
   */
  readonly code: FunctionCode;

  /**
   * The function's settings (memory, timeout, environment, secrets, VPC, concurrency, alarms, ...).
   * The pattern may check them against its source's limits, e.g. the timeout against an API's
   * integration timeout.
   *
   * @default - the `ServerlessFunction` defaults (ARM64, newest runtime, 1,024 MB, 30 s), adjusted
   * by the pattern where its source needs it
   */
  readonly functionOptions?: ServerlessFunctionOptions;
}
