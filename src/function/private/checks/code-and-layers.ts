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
 * The number of layers (with those the library adds for `powertools` and `enhancedMonitoring`) and each
 * layer's architectures and runtimes.
 *
 * @param addedBy the option adding each library layer, e.g. `['powertools']`
 * @internal
 */
export function validateLayers(v: Validator, s: CodeSettings, addedBy: readonly string[] = []): void {
  const count = s.layers.length + addedBy.length;
  if (count > 5) {
    const parts = [`${s.layers.length} in layers`, ...addedBy.map((option) => `1 of ${option}`)];
    v.fail({
      code: ErrorCodes.LBP_LAYER_COUNT,
      property: 'layers',
      value: addedBy.length > 0 ? `${count} layers (${parts.join(', ')})` : `${count} layers`,
      limit: 'Lambda allows at most 5 layers per function, the layers the library adds included',
      fix: addedBy.length > 0
        ? `merge layers, bundle the dependencies into the function code, or drop the layer of ${addedBy.join(' or ')} (powertools.layer: false ships Powertools with the code)`
        : 'merge layers, or bundle the dependencies into the function code',
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
