import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Validator } from '../validation/validator';
import { validateAlarmsAndDeployment } from './private/checks/alarms-and-deployment';
import { validateAsync } from './private/checks/async';
import { validateBasics } from './private/checks/basics';
import { CodeSettings, validateCodeContents, validateCodeKind, validateLayers } from './private/checks/code-and-layers';
import { validateCodeSigningCode, validateCodeSigningOptions } from './private/checks/code-signing';
import { validateConcurrency } from './private/checks/concurrency';
import { validateDurableCode, validateDurableOptions } from './private/checks/durable';
import { validateEnhancedMonitoring, validateEnhancedMonitoringOptions } from './private/checks/enhanced-monitoring';
import { validateEnvironment } from './private/checks/environment';
import { validateManagedInstancesOptions, validateManagedInstancesRuntime } from './private/checks/managed-instances';
import { validatePowertoolsCode, validatePowertoolsOptions } from './private/checks/powertools';
import { validateRecursiveLoop } from './private/checks/recursive-loop';
import { FunctionOptionSettings } from './private/checks/settings';
import { validateSnapStartCode, validateSnapStartOptions } from './private/checks/snapstart';
import { validateTenancy } from './private/checks/tenancy';
import { validateVpcOptions } from './private/checks/vpc';
import { ServerlessFunctionOptions, ServerlessFunctionProps } from './serverless-function-props';

export { DEFAULT_HANDLER, FunctionOptionSettings, givenOptionSettings } from './private/checks/settings';
export { FUNCTION_OPTIONS_SHAPE, FUNCTION_PROPS_SHAPE } from './private/function-options-shape';

/** The resolved settings the checks look at. @internal */
export interface ResolvedFunctionSettings extends FunctionOptionSettings, CodeSettings {
  readonly memorySize: number;
  readonly runtime: lambda.Runtime | undefined;
}

/**
 * Every synth-time check of a ServerlessFunction's own props, the code's known facts included.
 * Records problems on `v`; the caller throws once. Unresolved tokens are skipped. When the code's
 * files and size are known only once it is built (`code.contentsKnown: false`), the caller checks them
 * after the build with {@link validateCodeContents}. `optionsChecked`: the owner (a pattern) already
 * ran {@link validateFunctionOptions} on them.
 *
 * @internal
 */
export function validateFunction(
  v: Validator, props: ServerlessFunctionProps, s: ResolvedFunctionSettings, opts: { optionsChecked?: boolean } = {},
): void {
  if (!opts.optionsChecked) {
    validateFunctionOptions(v, props, s);
  }
  validateCodeKind(v, props, s);
  if (s.code.contentsKnown !== false) {
    validateCodeContents(v, props, s);
  }
  validateLayers(v, s, libraryLayerOptions(props));
  validateEnhancedMonitoring(v, props, s);
  validateSnapStartCode(v, props, s);
  validateCodeSigningCode(v, props, s);
  validatePowertoolsCode(v, props, s);
  validateManagedInstancesRuntime(v, props, s.runtime);
  validateDurableCode(v, props, s);
}

/**
 * The checks of a ServerlessFunction's options that need neither its code nor its runtime: run by the
 * function itself (from {@link validateFunction}) and by the patterns on their `functionOptions`,
 * before anything is created. Records problems on `v`; the caller throws once.
 *
 * @internal
 */
export function validateFunctionOptions(v: Validator, props: ServerlessFunctionOptions, s: FunctionOptionSettings): void {
  validateBasics(v, props, s);
  validateEnvironment(v, props);
  validateVpcOptions(v, props);
  validateConcurrency(v, props);
  validateAsync(v, props);
  validateSnapStartOptions(v, props, s);
  validateTenancy(v, props);
  validateManagedInstancesOptions(v, props);
  validateDurableOptions(v, props);
  validateRecursiveLoop(v, props);
  validateAlarmsAndDeployment(v, props);
  validateCodeSigningOptions(v, props);
  validateEnhancedMonitoringOptions(v, props);
  validatePowertoolsOptions(v, props);
}

export { validateCodeContents };

/** The options for which the library adds a layer (each counts in Lambda's 5-layer limit). */
function libraryLayerOptions(props: ServerlessFunctionProps): string[] {
  return [
    ...(props.powertools !== undefined && props.powertools.layer !== false ? ['powertools'] : []),
    ...(props.enhancedMonitoring !== undefined ? ['enhancedMonitoring'] : []),
  ];
}
