import * as fs from 'fs';
import { join as joinPath, resolve as resolvePath } from 'path';
import { Token } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecrAssets from 'aws-cdk-lib/aws-ecr-assets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';
import { checkNodejsEntry } from './bundling/bind-nodejs-entry';
import { NodejsEntryOptions } from './bundling/nodejs-entry-options';
import { checkPythonProject } from './python/bind-python-project';
import { PythonProjectOptions } from './python/python-project-options';
import { unzippedSizeBytes } from './unzipped-size';
import { ErrorCodes } from '../validation/error-codes';
import { Validator } from '../validation/validator';

/**
 * What a {@link FunctionCode} gives the function it is bound to.
 */
export interface FunctionCodeConfig {
  /** The aws-cdk-lib code. */
  readonly code: lambda.Code;

  /** Whether the code is a container image (no handler, runtime or layers then). */
  readonly isImage: boolean;

  /**
   * The handler the code implies (e.g. the bundle of a Node.js entry), if it implies one.
   *
   * @default - the function's `handler` prop, or `index.handler`
   */
  readonly handler?: string;

  /**
   * The runtime family the code needs (e.g. Node.js for a bundled entry).
   *
   * @default - any
   */
  readonly runtimeFamily?: lambda.RuntimeFamily;

  /**
   * The local directory uploaded unchanged as the function's code, where the library can look for the
   * handler's file before deploying (a missing file fails every invocation).
   *
   * @default - none: the handler's file is not looked for
   */
  readonly assetDirectory?: string;

  /**
   * The unzipped size of the code in bytes, where the library can know it before deploying.
   *
   * @default - unknown (not counted against the 250 MB budget)
   */
  readonly unzippedSizeBytes?: number;
}

/**
 * What the cheap checks of a code learned (paths exist, handler, runtime family) before anything is
 * bundled, staged or installed, and how to build it once the function's checks passed.
 *
 * @internal
 */
export interface CodeCheck {
  readonly isImage: boolean;
  readonly handler?: string;
  readonly runtimeFamily?: lambda.RuntimeFamily;
  readonly assetDirectory?: string;
  readonly unzippedSizeBytes?: number;
  /**
   * Whether `assetDirectory` and `unzippedSizeBytes` are final before the build (false when the build
   * stages or installs the asset: its contents are checked after it).
   */
  readonly contentsKnown: boolean;
  /** Builds the code (bundling is deferred to synth; a Python project installs here). */
  readonly build: (scope: Construct) => FunctionCodeConfig;
}

/**
 * The code of a {@link ServerlessFunction}: a zip asset, a zip package in S3, inline source, a container image, or (see
 * `fromNodejsEntry`) a Node.js entry bundled with esbuild.
 */
export abstract class FunctionCode {
  /**
   * A directory or `.zip` file on disk, uploaded as an asset. Its unzipped size counts against
   * Lambda's 250 MB budget (function plus layers), which is checked at synth.
   *
   * @param path a directory or a .zip file
   * @param options asset options (bundling, exclude, ...)
   */
  public static fromAsset(path: string, options?: s3assets.AssetOptions): FunctionCode {
    return new AssetFunctionCode(path, options);
  }

  /**
   * Inline source code for Node.js and Python, written into the template. Handy for tiny glue functions.
   *
   * @param code the source of `index.<ext>`; the handler is `index.handler` unless you say otherwise
   */
  public static fromInline(code: string): FunctionCode {
    return new SimpleFunctionCode(lambda.Code.fromInline(code), false);
  }

  /**
   * A JavaScript or TypeScript entry bundled with esbuild, in process. Every entry of the app is
   * bundled in one esbuild run when the app synthesizes (not one process per function, as with
   * `NodejsFunction`), and each function's asset holds only its own bundle (`index.js`, or
   * `index.mjs` for ESM), hashed from that output: the same sources give the same asset on every
   * machine, and changing one entry changes only that function's asset.
   *
   * Defaults for Lambda: the Node.js version of the function's runtime as target, CommonJS, tree
   * shaking, and the AWS SDK v3 bundled (shorter cold starts than loading the runtime's copy).
   * esbuild is resolved from your project at synth time (`npm install --save-dev esbuild@0`; Python
   * and Java projects too). Stacks excluded from bundling (`cdk synth --exclusively`, or the
   * `aws:cdk:bundling-stacks` context) are not bundled.
   *
   * @param entry the handler's source file (.ts, .js, .mjs, ...)
   * @param options bundling options
   */
  public static fromNodejsEntry(entry: string, options?: NodejsEntryOptions): FunctionCode {
    return new NodejsEntryFunctionCode(entry, options ?? {});
  }

  /**
   * A Python handler directory with its dependencies installed for the function's platform, without
   * Docker. The dependencies come from the directory's `requirements.txt`, `uv.lock` (exported with
   * `uv export`), `poetry.lock` (`poetry export`) or `pyproject.toml` (its `[project]
   * dependencies`), and are installed with uv (when on the PATH) or pip as binary wheels for Linux on
   * the function's architecture and the runtime's Python version (`--platform manylinux...
   * --only-binary :all: --implementation cp --python-version X.Y --target`). A dependency with no such
   * wheel fails the synth (LBP_PYTHON_NO_WHEEL) instead of falling back to the host's platform.
   *
   * The function's runtime must be a Python runtime (the newest one by default). Installs are cached
   * by requirements, platform and Python version (see `cacheDirectory`): functions sharing
   * requirements install once, and a synth with unchanged inputs installs nothing. The asset is the
   * same on every machine and in every directory: no bytecode, no virtualenvs, tests or caches, no
   * machine-specific install metadata, fixed timestamps and modes.
   *
   * @param directory the handler's directory (the handler is `module.function`, e.g. `index.handler`)
   * @param options requirements file, exclusions, installer and cache
   */
  public static fromPythonProject(directory: string, options?: PythonProjectOptions): FunctionCode {
    return new PythonProjectFunctionCode(directory, options ?? {});
  }

  /**
   * A zip package already in S3, e.g. the object an AWS Signer signing job wrote (code that CDK does
   * not upload, so it can carry a signature; see `codeSigning`). Its unzipped size is unknown to the
   * library and not counted against the 250 MB budget.
   *
   * @param bucket the bucket holding the package
   * @param key the object key of the .zip package
   * @param objectVersion the object version (recommended: keep the bucket versioned, since CloudFormation updates the code only when the key or the version changes)
   */
  public static fromBucket(bucket: s3.IBucket, key: string, objectVersion?: string): FunctionCode {
    return new SimpleFunctionCode(lambda.Code.fromBucket(bucket, key, objectVersion), false);
  }

  /**
   * A container image built from a directory with a Dockerfile (built and pushed by `cdk deploy`,
   * not at synth). The image is built for the function's architecture (ARM64 by default) unless
   * `options.platform` says otherwise.
   *
   * @param directory the directory holding the Dockerfile
   * @param options image build options
   */
  public static fromImageAsset(directory: string, options?: lambda.AssetImageCodeProps): FunctionCode {
    return new ImageAssetFunctionCode(directory, options ?? {});
  }

  /**
   * A container image already in an ECR repository.
   *
   * @param repository the repository
   * @param options tag or digest, command, entrypoint
   */
  public static fromEcrImage(repository: ecr.IRepository, options?: lambda.EcrImageCodeProps): FunctionCode {
    return new SimpleFunctionCode(lambda.Code.fromEcrImage(repository, options), true);
  }

  /**
   * Binds the code to a function.
   *
   * @param scope the function construct
   * @param architecture the function's instruction set architecture
   * @param runtime the function's runtime, when it was given (code that is built for a runtime,
   *   like a Python project, otherwise builds for the newest runtime of its family)
   */
  public abstract bind(scope: Construct, architecture: lambda.Architecture, runtime?: lambda.Runtime): FunctionCodeConfig;

  /**
   * The cheap checks of the code, recorded on the function's validator with its other checks, before
   * anything is built. Undefined for a code this library did not make (it is bound first, as before).
   *
   * @internal
   */
  public _check(_v: Validator, _architecture: lambda.Architecture, _runtime?: lambda.Runtime): CodeCheck | undefined {
    return undefined;
  }
}

/** A code of this library: `bind` is its checks (thrown at once) and its build. */
abstract class CheckedFunctionCode extends FunctionCode {
  public bind(scope: Construct, architecture: lambda.Architecture, runtime?: lambda.Runtime): FunctionCodeConfig {
    const v = new Validator(scope);
    const checked = this._check(v, architecture, runtime)!;
    v.throwIfAny();
    return checked.build(scope);
  }
}

class SimpleFunctionCode extends CheckedFunctionCode {
  constructor(private readonly code: lambda.Code, private readonly isImage: boolean) {
    super();
  }

  public _check(_v: Validator, _architecture: lambda.Architecture): CodeCheck {
    return { isImage: this.isImage, contentsKnown: true, build: () => ({ code: this.code, isImage: this.isImage }) };
  }
}

class NodejsEntryFunctionCode extends CheckedFunctionCode {
  constructor(private readonly entry: string, private readonly options: NodejsEntryOptions) {
    super();
  }

  public _check(v: Validator, _architecture: lambda.Architecture): CodeCheck {
    return checkNodejsEntry(v, this.entry, this.options);
  }
}

class PythonProjectFunctionCode extends CheckedFunctionCode {
  constructor(private readonly directory: string, private readonly options: PythonProjectOptions) {
    super();
  }

  public _check(v: Validator, architecture: lambda.Architecture, runtime?: lambda.Runtime): CodeCheck {
    return checkPythonProject(v, this.directory, this.options, architecture, runtime);
  }
}

class AssetFunctionCode extends CheckedFunctionCode {
  constructor(private readonly path: string, private readonly options?: s3assets.AssetOptions) {
    super();
  }

  public _check(v: Validator, _architecture: lambda.Architecture): CodeCheck {
    if (!requireLocalPath(v, 'FunctionCode.fromAsset', this.path, 'a directory or .zip file')) {
      return { isImage: false, contentsKnown: true, build: () => { throw new Error('unreachable: the asset path is missing'); } };
    }
    // With bundling the staged output is not the directory on disk: its size and files are unknown here.
    const bundled = this.options?.bundling !== undefined;
    const config = {
      isImage: false,
      assetDirectory: !bundled && !Token.isUnresolved(this.path) && fs.statSync(this.path).isDirectory() ? resolvePath(this.path) : undefined,
      unzippedSizeBytes: bundled ? undefined : unzippedSizeBytes(this.path),
    };
    return { ...config, contentsKnown: true, build: () => ({ ...config, code: lambda.Code.fromAsset(this.path, this.options) }) };
  }
}

class ImageAssetFunctionCode extends CheckedFunctionCode {
  constructor(private readonly directory: string, private readonly options: lambda.AssetImageCodeProps) {
    super();
  }

  public _check(v: Validator, architecture: lambda.Architecture): CodeCheck {
    // The Dockerfile is looked for only in an existing directory (one problem, as before).
    if (requireLocalPath(v, 'FunctionCode.fromImageAsset', this.directory, 'the directory holding the Dockerfile')) {
      requireLocalPath(v, 'FunctionCode.fromImageAsset', joinPath(this.directory, this.options.file ?? 'Dockerfile'), 'the Dockerfile (options.file)');
    }
    return {
      isImage: true,
      contentsKnown: true,
      build: () => ({
        code: lambda.Code.fromAssetImage(this.directory, {
          ...this.options,
          platform: this.options.platform ?? platformFor(architecture),
        }),
        isImage: true,
      }),
    };
  }
}

/**
 * Records a problem when a local asset path does not exist (aws-cdk-lib would fail, uncoded). Returns
 * whether the path is there (or a token).
 */
function requireLocalPath(v: Validator, factory: string, localPath: string, what: string): boolean {
  if (Token.isUnresolved(localPath) || fs.existsSync(localPath)) {
    return true;
  }
  v.fail({
    code: ErrorCodes.LBP_CODE_ASSET_NOT_FOUND,
    property: 'code',
    value: `${factory}('${localPath}')`,
    limit: `${what} must exist when the app synthesizes (a relative path resolves from the working directory of cdk synth, here ${process.cwd()})`,
    fix: 'pass an existing path, best built from the app file\'s directory, e.g. path.join(__dirname, "handlers", "orders")',
  });
  return false;
}

function platformFor(architecture: lambda.Architecture): ecrAssets.Platform {
  return architecture.name === lambda.Architecture.X86_64.name
    ? ecrAssets.Platform.LINUX_AMD64
    : ecrAssets.Platform.LINUX_ARM64;
}
