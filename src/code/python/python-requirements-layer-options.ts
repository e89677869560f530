import { RemovalPolicy } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { PythonInstallOptions } from './python-install-options';

/**
 * Options of `FunctionLayer.fromPythonRequirements`.
 */
export interface PythonRequirementsLayerOptions extends PythonInstallOptions {
  /**
   * The Python runtime the layer is built for (compiled wheels are tied to one minor version). It
   * becomes the layer's only compatible runtime.
   *
   * @default LatestRuntime.PYTHON
   */
  readonly runtime?: lambda.Runtime;

  /**
   * The architecture the layer is built for. It becomes the layer's only compatible architecture.
   *
   * @default Architecture.ARM_64
   */
  readonly architecture?: lambda.Architecture;

  /**
   * A description of the layer.
   *
   * @default - none
   */
  readonly description?: string;

  /**
   * The name of the layer.
   *
   * @default - generated
   */
  readonly layerVersionName?: string;

  /**
   * The SPDX identifier or URL of the layer's license.
   *
   * @default - none
   */
  readonly license?: string;

  /**
   * What happens to the layer version when it is removed from the stack.
   *
   * @default RemovalPolicy.RETAIN (functions deployed elsewhere may still use it)
   */
  readonly removalPolicy?: RemovalPolicy;
}
