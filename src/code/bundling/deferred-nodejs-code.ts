import * as path from 'path';
import { AssetHashType, CfnResource, DockerImage, Lazy } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { BundleRegistry } from './bundle-registry';
import { EntryBundle } from './esbuild-batch';
import { NodejsEntryOptions } from './nodejs-entry-options';
import { PrebuiltBundle } from './prebuilt-bundle';

/**
 * The `lambda.Code` of a bundled Node.js entry. Bound at construct time, it only registers the entry
 * with the app's bundle registry and hands the function a lazy S3 location; its asset is created when
 * the registry has bundled every entry of the app at once (at synth, see `BundleRegistry`).
 *
 * @internal
 */
export class DeferredNodejsCode extends lambda.Code {
  public readonly isInline = false;
  private function?: Construct;
  private asset?: lambda.AssetCode;
  private location?: lambda.CodeConfig;
  private resource?: { resource: CfnResource; property: string };

  constructor(
    /** The entry file (absolute). */
    public readonly entry: string,
    /** The project root (absolute). */
    public readonly projectRoot: string,
    /** The bundling options. */
    public readonly options: NodejsEntryOptions,
  ) {
    super();
  }

  /** The function this code is bound to. */
  public get scope(): Construct {
    if (!this.function) {
      throw new Error('DeferredNodejsCode is not bound to a function yet');
    }
    return this.function;
  }

  /** The function's runtime, when the scope is a `lambda.Function`. */
  public get runtime(): lambda.Runtime | undefined {
    return this.function instanceof lambda.Function ? this.function.runtime : undefined;
  }

  public bind(scope: Construct): lambda.CodeConfig {
    if (this.function && this.function !== scope) {
      throw new Error('A bundled Node.js entry code is bound to one function only; create one per function');
    }
    if (!this.function) {
      this.function = scope;
      BundleRegistry.of(scope).register(this);
    }
    return {
      s3Location: {
        bucketName: Lazy.string({ produce: () => this.boundLocation().s3Location!.bucketName }),
        objectKey: Lazy.string({ produce: () => this.boundLocation().s3Location!.objectKey }),
      },
    };
  }

  public bindToResource(resource: CfnResource, options: lambda.ResourceBindOptions = {}): void {
    this.resource = { resource, property: options.resourceProperty ?? 'Code' };
  }

  /**
   * Creates the function's asset from its bundle (undefined when its stack is excluded from
   * bundling: CDK's staging then skips it, as for any bundled asset).
   */
  public attach(bundle: EntryBundle | undefined): void {
    if (this.asset) {
      return;
    }
    this.asset = lambda.Code.fromAsset(path.dirname(this.entry), {
      // The hash of this function's own output: changing one entry changes one asset.
      assetHashType: AssetHashType.OUTPUT,
      bundling: {
        // Never run: the local bundling always succeeds (it only writes files bundled in process).
        image: DockerImage.fromRegistry('cdk-lambda-blueprints/in-process-esbuild'),
        local: new PrebuiltBundle(bundle),
      },
    });
    this.location = this.asset.bind(this.scope);
    if (this.resource) {
      this.asset.bindToResource(this.resource.resource, { resourceProperty: this.resource.property });
    }
    if (this.options.sourceMap && this.function instanceof lambda.Function) {
      this.function.addEnvironment('NODE_OPTIONS', '--enable-source-maps');
    }
  }

  private boundLocation(): lambda.CodeConfig {
    if (!this.location) {
      throw new Error(`The Node.js entry ${this.entry} of ${this.scope.node.path} was not bundled: `
        + 'its asset is created when the app synthesizes (app.synth() or Template.fromStack)');
    }
    return this.location;
  }
}
