import * as fs from 'fs';
import * as path from 'path';
import { BundlingOptions, ILocalBundling } from 'aws-cdk-lib';
import { EntryBundle } from './esbuild-batch';

const contents = new WeakMap<PrebuiltBundle, EntryBundle>();

/**
 * The "local bundling" of one function's asset: it writes that function's files from the app's
 * shared esbuild run into CDK's staging directory. Going through CDK's asset staging keeps its
 * output hashing, its staging into cdk.out and its skipping of stacks excluded from bundling.
 *
 * @internal
 */
export class PrebuiltBundle implements ILocalBundling {
  /**
   * The hash of the files (CDK's asset cache keys on this object's JSON, so a changed bundle is
   * never served from the cache of an earlier synth in the same process).
   */
  public readonly bundleHash: string;

  constructor(bundle: EntryBundle | undefined) {
    this.bundleHash = bundle?.hash ?? 'not-bundled';
    if (bundle) {
      contents.set(this, bundle);
    }
  }

  public tryBundle(outputDir: string, _options: BundlingOptions): boolean {
    const bundle = contents.get(this);
    if (!bundle) {
      // Only reachable if CDK stages an asset of a stack it excluded from bundling: a bug, not user error.
      throw new Error('cdk-lambda-blueprints: a Node.js entry was staged without having been bundled');
    }
    for (const name of [...bundle.files.keys()].sort()) {
      const target = path.join(outputDir, ...name.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, bundle.files.get(name)!);
    }
    return true;
  }
}
