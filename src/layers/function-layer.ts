import * as fs from 'fs';
import { RemovalPolicy, Token, Annotations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';
import { megabytes } from './megabytes';
import { LatestRuntime } from '../code/latest-runtime';
import { pythonLayerContent } from '../code/python/python-layer-content';
import { PythonRequirementsLayerOptions } from '../code/python/python-requirements-layer-options';
import { unzippedSizeBytes } from '../code/unzipped-size';
import { ConstructionGuard } from '../validation/construction-guard';
import { ErrorCodes } from '../validation/error-codes';
import { placeNamed } from '../validation/place';
import { PROP_SHAPES } from '../validation/prop-shapes.generated';
import { checkShape } from '../validation/prop-types';
import { Validator } from '../validation/validator';

/**
 * Lambda's budget for a function and all its layers, unzipped: 250 MB. TypeScript only (jsii does not
 * carry module constants): use `FunctionLayer.UNZIPPED_BUDGET_BYTES` in Python and Java.
 */
export const UNZIPPED_BUDGET_BYTES = 262_144_000;

/**
 * A Lambda layer as {@link ServerlessFunction} sees it: the layer version plus what it is compatible
 * with, so that every function using it can be checked at synth.
 */
export interface IFunctionLayer {
  /** The layer version. */
  readonly layerVersion: lambda.ILayerVersion;

  /**
   * The architectures the layer is built for.
   *
   * @default - unknown: not checked
   */
  readonly compatibleArchitectures?: lambda.Architecture[];

  /**
   * The runtimes the layer supports.
   *
   * @default - any runtime
   */
  readonly compatibleRuntimes?: lambda.Runtime[];

  /**
   * The layer's unzipped size in bytes, counted against the 250 MB budget of each function using it.
   *
   * @default - unknown: not counted
   */
  readonly unzippedSizeBytes?: number;
}

/**
 * What you know about a layer that was created elsewhere.
 */
export interface ImportedFunctionLayerOptions {
  /**
   * The architectures the layer is built for.
   *
   * @default - unknown: not checked
   */
  readonly compatibleArchitectures?: lambda.Architecture[];

  /**
   * The runtimes the layer supports.
   *
   * @default - any runtime
   */
  readonly compatibleRuntimes?: lambda.Runtime[];

  /**
   * The layer's unzipped size in bytes.
   *
   * @default - unknown: not counted against the 250 MB budget
   */
  readonly unzippedSizeBytes?: number;
}

/**
 * Properties of a {@link FunctionLayer}.
 */
export interface FunctionLayerProps {
  /**
   * A directory or `.zip` file holding the layer's content (e.g. `nodejs/node_modules/...` or
   * `python/...`).
   */
  readonly path: string;

  /**
   * Options for the asset (exclude patterns, bundling, ...).
   *
   * @default - the directory or file as it is
   */
  readonly assetOptions?: s3assets.AssetOptions;

  /**
   * The runtimes the layer supports. Functions on other runtimes are refused at synth.
   *
   * @default - any runtime
   */
  readonly compatibleRuntimes?: lambda.Runtime[];

  /**
   * The architectures the layer's binaries are built for. Functions on others are refused at synth.
   *
   * @default [Architecture.ARM_64]
   */
  readonly compatibleArchitectures?: lambda.Architecture[];

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

/**
 * A Lambda layer from a directory or zip file, whose compatible runtimes and architectures are
 * checked against every {@link ServerlessFunction} that uses it, and whose unzipped size counts
 * against each function's 250 MB budget.
 */
export class FunctionLayer extends Construct implements IFunctionLayer {
  /** Lambda's budget for a function and all its layers, unzipped: 250 MB (262,144,000 bytes). */
  public static readonly UNZIPPED_BUDGET_BYTES: number = UNZIPPED_BUDGET_BYTES;

  /**
   * A layer created elsewhere, with what you know about it.
   *
   * @param scope scope
   * @param id id
   * @param layerVersionArn the layer version's ARN
   * @param options compatibility and size, to be checked like those of an owned layer
   */
  public static fromLayerVersionArn(
    scope: Construct,
    id: string,
    layerVersionArn: string,
    options?: ImportedFunctionLayerOptions,
  ): IFunctionLayer {
    const layerVersion = lambda.LayerVersion.fromLayerVersionAttributes(scope, id, {
      layerVersionArn,
      compatibleRuntimes: options?.compatibleRuntimes,
    });
    return {
      layerVersion,
      compatibleArchitectures: options?.compatibleArchitectures,
      compatibleRuntimes: options?.compatibleRuntimes,
      unzippedSizeBytes: options?.unzippedSizeBytes,
    };
  }

  /**
   * A layer of Python packages installed from a requirements file for one Python runtime and one
   * architecture, without Docker: binary wheels for Linux on that architecture (uv or pip, as in
   * `FunctionCode.fromPythonProject`), under `python/` (the directory Lambda adds to the runtime's
   * path). The runtime and architecture are recorded as the layer's only compatible ones, so a
   * function on another runtime or architecture is refused at synth (LBP_LAYER_RUNTIME,
   * LBP_LAYER_ARCHITECTURE), and its unzipped size counts against the 250 MB budget.
   *
   * @param scope scope
   * @param id id
   * @param requirementsFile a requirements.txt, uv.lock, poetry.lock or pyproject.toml
   * @param options runtime, architecture, installer, cache and layer settings
   */
  public static fromPythonRequirements(
    scope: Construct,
    id: string,
    requirementsFile: string,
    options?: PythonRequirementsLayerOptions,
  ): FunctionLayer {
    // Types first (JavaScript and Python callers), named as the caller wrote them; then all or nothing.
    // Named at the layer to be: the caller's scope stays as it is (a Validator on it would remove it).
    const types = new Validator(placeNamed(`${scope.node.path}/${id}`));
    if (!checkShape(types, '', { requirementsFile, options }, {
      'requirementsFile!': 'string',
      'options': { shape: PROP_SHAPES.PythonRequirementsLayerOptions },
    })) {
      types.throwIfAny();
    }
    const guard = ConstructionGuard.forShallowMethod(scope, [scope]);
    try {
      const opts = options ?? {};
      const runtime = opts.runtime ?? LatestRuntime.PYTHON;
      const architecture = opts.architecture ?? lambda.Architecture.ARM_64;
      const content = pythonLayerContent(scope, id, requirementsFile, runtime, architecture, opts);
      const layer = new FunctionLayer(scope, id, {
        path: content.path,
        compatibleRuntimes: [runtime],
        compatibleArchitectures: [architecture],
        description: opts.description,
        layerVersionName: opts.layerVersionName,
        license: opts.license,
        removalPolicy: opts.removalPolicy,
      });
      for (const [warningId, message] of content.warnings) {
        Annotations.of(layer).addWarningV2(warningId, message);
      }
      return layer;
    } catch (error) {
      throw guard.fail(error);
    }
  }

  public readonly layerVersion: lambda.ILayerVersion;
  public readonly compatibleArchitectures?: lambda.Architecture[];
  public readonly compatibleRuntimes?: lambda.Runtime[];
  public readonly unzippedSizeBytes?: number;

  constructor(scope: Construct, id: string, props: FunctionLayerProps) {
    super(scope, id);
    const guard = ConstructionGuard.forConstructor(this);
    try {
      const types = new Validator(this);
      if (!checkShape(types, '', props, PROP_SHAPES.FunctionLayerProps)) {
        types.throwIfAny();
      }
      const compatibleArchitectures = props.compatibleArchitectures ?? [lambda.Architecture.ARM_64];
      this.compatibleArchitectures = compatibleArchitectures;
      this.compatibleRuntimes = props.compatibleRuntimes;
      this.unzippedSizeBytes = props.assetOptions?.bundling ? undefined : unzippedSizeBytes(props.path);

      const v = new Validator(this);
      v.failIf(compatibleArchitectures.length === 0, {
        code: ErrorCodes.LBP_LAYER_ARCHITECTURE,
        property: 'compatibleArchitectures',
        value: '[]',
        limit: 'a layer must name at least one architecture',
        fix: 'leave compatibleArchitectures unset (ARM64) or list the architectures the layer is built for',
      });
      v.failIf(!Token.isUnresolved(props.path) && !fs.existsSync(props.path), {
        code: ErrorCodes.LBP_LAYER_PATH,
        property: 'path',
        value: `'${props.path}'`,
        limit: 'the layer directory (or .zip file) must exist when the app synthesizes',
        fix: 'point path at the layer\'s directory (relative paths resolve from the working directory of `cdk synth`)',
      });
      validateLayerNames(v, props);
      v.failIf(this.unzippedSizeBytes !== undefined && this.unzippedSizeBytes > UNZIPPED_BUDGET_BYTES, {
        code: ErrorCodes.LBP_LAYER_SIZE,
        property: 'path',
        value: `${props.path} (${megabytes(this.unzippedSizeBytes ?? 0)} unzipped)`,
        limit: 'a function and all its layers may hold at most 250 MB unzipped (Lambda quota)',
        fix: 'remove what the runtime already provides (e.g. the AWS SDK), split the layer, or use a container image (up to 10 GB)',
      });
      v.throwIfAny();

      this.layerVersion = new lambda.LayerVersion(this, 'Layer', {
        code: lambda.Code.fromAsset(props.path, props.assetOptions),
        compatibleRuntimes: props.compatibleRuntimes,
        compatibleArchitectures,
        description: props.description,
        layerVersionName: props.layerVersionName,
        license: props.license,
        removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      });
    } catch (error) {
      throw guard.fail(error);
    }
  }
}

const LAYER_NAME = /^(arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\d{12}:layer:[a-zA-Z0-9-_]+|[a-zA-Z0-9-_]+)$/;

/** The name, description and license limits of PublishLayerVersion. */
function validateLayerNames(v: Validator, props: FunctionLayerProps): void {
  const name = props.layerVersionName;
  if (name !== undefined && !Token.isUnresolved(name) && (name.length < 1 || name.length > 140 || !LAYER_NAME.test(name))) {
    v.fail({
      code: ErrorCodes.LBP_LAYER_NAME,
      property: 'layerVersionName',
      value: `'${name}'`,
      limit: 'a layer name has 1 to 140 characters, each a letter, digit, hyphen or underscore (PublishLayerVersion)',
      fix: `rename it, e.g. '${name.replace(/[^a-zA-Z0-9-_]/g, '-').slice(0, 140) || 'my-layer'}', or leave it unset`,
    });
  }
  for (const [property, value, max] of [['description', props.description, 256], ['license', props.license, 512]] as const) {
    if (value !== undefined && !Token.isUnresolved(value) && value.length > max) {
      v.fail({
        code: ErrorCodes.LBP_DESCRIPTION,
        property,
        value: `${value.length} characters long`,
        limit: `PublishLayerVersion allows at most ${max} characters`,
        fix: `shorten ${property}`,
      });
    }
  }
}
