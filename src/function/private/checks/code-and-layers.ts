import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IFunctionLayer, UNZIPPED_BUDGET_BYTES } from '../../../layers/function-layer';
import { megabytes } from '../../../layers/megabytes';
import { ErrorCodes } from '../../../validation/error-codes';
import { Validator } from '../../../validation/validator';
import { ServerlessFunctionProps } from '../../serverless-function-props';
import { checkHandlerFile } from '../handler-file';
import { CodeFacts, DEFAULT_HANDLER } from './settings';

/** What the code and layer checks look at. @internal */
export interface CodeSettings {
  readonly runtime: lambda.Runtime | undefined;
  readonly architecture: lambda.Architecture;
  readonly code: CodeFacts;
  readonly layers: IFunctionLayer[];
}

/**
 * What a container image refuses, and a runtime of the wrong family for the code: known before the
 * code is built.
 *
 * @internal
 */
export function validateCodeKind(v: Validator, props: ServerlessFunctionProps, s: CodeSettings): void {
  if (s.code.isImage) {
    const imageOnly = (property: string, value: unknown) => v.failIf(value !== undefined, {
      code: ErrorCodes.LBP_IMAGE_SETTING,
      property,
      value: 'set for a container-image function',
      limit: 'a container image brings its own handler and runtime, and Lambda refuses layers on it',
      fix: `remove ${property}; put it in the image (CMD / base image / COPY) instead`,
    });
    imageOnly('handler', props.handler);
    imageOnly('runtime', props.runtime);
    v.failIf((props.layers?.length ?? 0) > 0, {
      code: ErrorCodes.LBP_LAYER_ON_IMAGE,
      property: 'layers',
      value: `${props.layers?.length} layer(s) on a container-image function`,
      limit: 'Lambda refuses layers on container-image functions',
      fix: 'remove layers and COPY their content into the image in the Dockerfile',
    });
    return;
  }
  if (s.code.runtimeFamily !== undefined && s.runtime && s.runtime.family !== s.code.runtimeFamily) {
    v.fail({
      code: ErrorCodes.LBP_IMAGE_SETTING,
      property: 'runtime',
      value: s.runtime.name,
      limit: `this code needs a ${lambda.RuntimeFamily[s.code.runtimeFamily]} runtime`,
      fix: 'leave runtime unset (the newest runtime of the right family is used) or pick one of that family',
    });
  }
}

/**
 * The handler's file in the asset directory and the unzipped size of code and layers: checked with the
 * other checks when the code knows them before its build, else right after it.
 *
 * @internal
 */
export function validateCodeContents(v: Validator, props: ServerlessFunctionProps, s: CodeSettings): void {
  if (s.code.isImage) {
    return;
  }
  checkHandlerFile(v, props.handler ?? s.code.handler ?? DEFAULT_HANDLER, s.runtime, s.code.assetDirectory, s.layers.length > 0);
  const layerBytes = s.layers.reduce((sum, l) => sum + (l.unzippedSizeBytes ?? 0), 0);
  const total = (s.code.unzippedSizeBytes ?? 0) + layerBytes;
  if (total > UNZIPPED_BUDGET_BYTES) {
    v.fail({
      code: ErrorCodes.LBP_PACKAGE_SIZE,
      property: 'code and layers',
      value: `${megabytes(total)} unzipped (code ${megabytes(s.code.unzippedSizeBytes ?? 0)}, layers ${megabytes(layerBytes)})`,
      limit: `a function and all its layers may hold at most ${megabytes(UNZIPPED_BUDGET_BYTES)} unzipped (Lambda quota)`,
      fix: 'bundle and tree-shake the code, drop what the runtime provides (e.g. the AWS SDK), or use FunctionCode.fromImageAsset (up to 10 GB)',
    });
  }
}

/**
 * The number of layers (with the one of `enhancedMonitoring`) and each layer's architectures and runtimes.
 *
 * @internal
 */
export function validateLayers(v: Validator, s: CodeSettings, monitoringLayers: number = 0): void {
  const count = s.layers.length + monitoringLayers;
  if (count > 5) {
    v.fail({
      code: ErrorCodes.LBP_LAYER_COUNT,
      property: 'layers',
      value: monitoringLayers > 0 ? `${count} layers (${s.layers.length} in layers, ${monitoringLayers} of enhancedMonitoring)` : `${count} layers`,
      limit: 'Lambda allows at most 5 layers per function',
      fix: 'merge layers, or bundle the dependencies into the function code',
    });
  }
  s.layers.forEach((layer, i) => {
    const name = `layers[${i}] (${layer.layerVersion.node.path})`;
    const archs = layer.compatibleArchitectures;
    if (archs && archs.length > 0 && !archs.some((a) => a.name === s.architecture.name)) {
      v.fail({
        code: ErrorCodes.LBP_LAYER_ARCHITECTURE,
        property: name,
        value: `built for ${archs.map((a) => a.name).join(', ')}`,
        limit: `the function runs on ${s.architecture.name}`,
        fix: `rebuild the layer for ${s.architecture.name} (and list it in compatibleArchitectures), or change the function's architecture`,
      });
    }
    const runtimes = layer.compatibleRuntimes;
    if (s.runtime && runtimes && runtimes.length > 0 && !runtimes.some((r) => r.runtimeEquals(s.runtime!))) {
      v.fail({
        code: ErrorCodes.LBP_LAYER_RUNTIME,
        property: name,
        value: `compatible with ${runtimes.map((r) => r.name).join(', ')}`,
        limit: `the function runs on ${s.runtime.name}`,
        fix: `add ${s.runtime.name} to the layer's compatibleRuntimes (after testing it), or use a compatible runtime`,
      });
    }
  });
}
