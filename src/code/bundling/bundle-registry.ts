import * as crypto from 'crypto';
import * as path from 'path';
import { Aspects, IAspect, Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { BuildSettings, resolveBuildSettings } from './build-settings';
import type { DeferredNodejsCode } from './deferred-nodejs-code';
import { BatchEntry, runEsbuildBatch } from './esbuild-batch';
import { loadEsbuild } from './esbuild-loader';

const registries = new WeakMap<IConstruct, BundleRegistry>();

/**
 * Every bundled Node.js entry of one app (all its Stages). Entries register when their function is created; when the
 * app synthesizes (this aspect runs before any asset is staged), all pending entries are bundled at
 * once: one in-process esbuild run per group of entries sharing settings (usually one for the whole
 * app), then each function gets its own asset from its own output. Entries in stacks excluded from
 * bundling (`aws:cdk:bundling-stacks`) are not bundled, and esbuild is not even loaded for them.
 *
 * @internal
 */
export class BundleRegistry implements IAspect {
  /** The registry of the app (the construct tree's root) that `scope` belongs to. */
  public static of(scope: IConstruct): BundleRegistry {
    const root = scope.node.root;
    let registry = registries.get(root);
    if (!registry) {
      registry = new BundleRegistry();
      registries.set(root, registry);
    }
    return registry;
  }

  /** How many esbuild runs this registry made (for tests and benchmarks). */
  public buildCount = 0;

  private pending: DeferredNodejsCode[] = [];
  private readonly stages = new Set<IConstruct>();

  private constructor() {}

  /** Registers an entry to bundle at synth. */
  public register(code: DeferredNodejsCode): void {
    this.pending.push(code);
    // Aspects do not cross Stage boundaries (a nested Stage is synthesized on its own), so the registry
    // is an aspect of every Stage holding an entry; whichever runs first bundles all pending entries.
    const stage = Stage.of(code.scope) ?? code.scope.node.root;
    if (!this.stages.has(stage)) {
      this.stages.add(stage);
      Aspects.of(stage).add(this);
    }
  }

  public visit(_node: IConstruct): void {
    if (this.pending.length > 0) {
      this.bundlePending();
    }
  }

  /** Bundles every pending entry (one esbuild run per settings group) and attaches each function's asset. */
  public bundlePending(): void {
    const codes = this.pending;
    this.pending = [];
    const groups = new Map<string, { settings: BuildSettings; codes: DeferredNodejsCode[] }>();
    for (const code of codes) {
      if (!Stack.of(code.scope).bundlingRequired) {
        code.attach(undefined);
        continue;
      }
      const settings = resolveBuildSettings(code.options, code.projectRoot, code.runtime);
      const group = groups.get(settings.key) ?? { settings, codes: [] };
      group.codes.push(code);
      groups.set(settings.key, group);
    }
    // Groups in the order their first entry was registered (construct order): their keys hash absolute
    // paths, so sorting by key would order the assets differently in every checkout directory.
    for (const key of groups.keys()) {
      const { settings, codes: members } = groups.get(key)!;
      const entries: BatchEntry[] = [];
      const seen = new Set<string>();
      for (const code of members) {
        const outputKey = outputKeyOf(settings.projectRoot, code.entry);
        if (!seen.has(outputKey)) {
          seen.add(outputKey);
          entries.push({ outputKey, entry: code.entry, scope: code.scope });
        }
      }
      const esbuild = loadEsbuild(members[0].scope, settings.projectRoot);
      const bundles = runEsbuildBatch(esbuild, settings, entries);
      this.buildCount++;
      for (const code of members) {
        code.attach(bundles.get(outputKeyOf(settings.projectRoot, code.entry)));
      }
    }
  }
}

/** A stable directory name for an entry's output: a hash of its path relative to the project root. */
function outputKeyOf(projectRoot: string, entry: string): string {
  const rel = path.relative(projectRoot, entry).split(path.sep).join('/');
  return crypto.createHash('sha256').update(rel).digest('hex').slice(0, 16);
}
