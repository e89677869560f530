import * as crypto from 'crypto';
import * as path from 'path';
import { Aspects, IAspect, Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { BuildSettings, resolveBuildSettings } from './build-settings';
import type { DeferredNodejsCode } from './deferred-nodejs-code';
import { EsbuildApi } from './esbuild-api';
import { BatchEntry, EntryBundle, runEsbuildBatch } from './esbuild-batch';
import { loadEsbuild } from './esbuild-loader';
import { layerProvidedModules, matchesModulePattern } from './layer-provided-modules';

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

  /**
   * Bundles every pending entry (one esbuild run per settings group) and attaches each function's asset.
   *
   * Modules a function's layer provides (e.g. Powertools') do not split a group: the group's one run leaves out
   * every module a member's layer provides, which changes nothing for an entry that does not import them. Only
   * an entry that imports such a module without having the layer is bundled again without it (a second run,
   * for those entries alone).
   */
  public bundlePending(): void {
    const codes = this.pending;
    this.pending = [];
    const groups = new Map<string, { settings: BuildSettings; codes: DeferredNodejsCode[]; layerModules: Set<string> }>();
    for (const code of codes) {
      if (!Stack.of(code.scope).bundlingRequired) {
        code.attach(undefined);
        continue;
      }
      const settings = resolveBuildSettings(code.options, code.projectRoot, code.runtime);
      const group = groups.get(settings.key) ?? { settings, codes: [], layerModules: new Set<string>() };
      group.codes.push(code);
      layerProvidedModules(code.scope).forEach((m) => group.layerModules.add(m));
      groups.set(settings.key, group);
    }
    // Groups in the order their first entry was registered (construct order): their keys hash absolute
    // paths, so sorting by key would order the assets differently in every checkout directory.
    for (const key of groups.keys()) {
      const { settings, codes: members, layerModules } = groups.get(key)!;
      const esbuild = loadEsbuild(members[0].scope, settings.projectRoot);
      const bundles = this.run(esbuild, withExternals(settings, [...layerModules]), members);
      // Entries that import a module only another member's layer provides get their own copy of it.
      const own = members.filter((code) => needsOwnCopy(bundles.get(outputKeyOf(settings.projectRoot, code.entry)), code, settings, layerModules));
      const ownBundles = own.length > 0 ? this.run(esbuild, settings, own) : new Map<string, EntryBundle>();
      for (const code of members) {
        const outputKey = outputKeyOf(settings.projectRoot, code.entry);
        code.attach(own.includes(code) ? ownBundles.get(outputKey) : bundles.get(outputKey));
      }
    }
  }

  /** One esbuild run over the distinct entries of `codes`. */
  private run(esbuild: EsbuildApi, settings: BuildSettings, codes: DeferredNodejsCode[]): Map<string, EntryBundle> {
    const entries: BatchEntry[] = [];
    const seen = new Set<string>();
    for (const code of codes) {
      const outputKey = outputKeyOf(settings.projectRoot, code.entry);
      if (!seen.has(outputKey)) {
        seen.add(outputKey);
        entries.push({ outputKey, entry: code.entry, scope: code.scope });
      }
    }
    this.buildCount++;
    return runEsbuildBatch(esbuild, settings, entries);
  }
}

/** The settings with `modules` also external (the grouping key stays that of the settings: same group). */
function withExternals(settings: BuildSettings, modules: string[]): BuildSettings {
  if (modules.length === 0) {
    return settings;
  }
  const external = [...new Set([...((settings.esbuildOptions.external as string[] | undefined) ?? []), ...modules])].sort();
  return { ...settings, esbuildOptions: { ...settings.esbuildOptions, external } };
}

/**
 * Whether an entry's bundle requires at run time a module that only the layer modules made external, while its
 * own function has no layer providing it (nor lists it in its own `externalModules`).
 */
function needsOwnCopy(bundle: EntryBundle | undefined, code: DeferredNodejsCode, settings: BuildSettings, layerModules: Set<string>): boolean {
  if (!bundle || layerModules.size === 0) {
    return false;
  }
  const ownExternals = [...((settings.esbuildOptions.external as string[] | undefined) ?? []), ...layerProvidedModules(code.scope)];
  return bundle.externalImports.some((i) =>
    [...layerModules].some((m) => matchesModulePattern(i, m)) && !ownExternals.some((m) => matchesModulePattern(i, m)));
}

/** A stable directory name for an entry's output: a hash of its path relative to the project root. */
function outputKeyOf(projectRoot: string, entry: string): string {
  const rel = path.relative(projectRoot, entry).split(path.sep).join('/');
  return crypto.createHash('sha256').update(rel).digest('hex').slice(0, 16);
}
