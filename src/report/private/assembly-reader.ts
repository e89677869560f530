import * as fs from 'fs';
import * as path from 'path';
import { fillConstructPaths } from './construct-paths';
import { Json, StackIndex, StackTemplate } from './template-index';

/** One metadata entry of a stack artifact (`aws:cdk:warning`, `aws:cdk:logicalId`, ...). @internal */
export interface MetadataEntry {
  readonly type: string;
  readonly data?: Json;
}

/** A deployable stack of the assembly (a nested assembly's included), with what the report reads of it. @internal */
export interface AssemblyStack {
  /** The artifact id; for a stack of a Stage, its display name (`Stage/Stack`), unique in the app. */
  readonly id: string;
  /** The id in its assembly's manifest (`<artifact id>.template.json`, `<artifact id>.cost.json`). */
  readonly artifactId: string;
  readonly displayName: string;
  /** The construct path of the stack (the prefix of its resources' paths). */
  readonly constructPath: string;
  readonly environment: string;
  /** The CloudFormation stack name (cdk-nag 2 names its report files after it). */
  readonly stackName: string;
  /** The id of the Stage the stack is in, when it is in a nested assembly (cdk-nag 2 report-file prefix). */
  readonly stageId?: string;
  /** The stack's directory (absolute: read, never reported). */
  readonly dir: string;
  readonly templates: StackTemplate[];
  /** The S3 object keys of the file assets the stack's asset manifest publishes (to tell a zip asset's code). */
  readonly assetObjectKeys: Set<string>;
  /** Metadata entries by construct path (without the leading `/`). */
  readonly metadata: Map<string, MetadataEntry[]>;
  index: StackIndex;
}

/** The part of a cloud assembly's `manifest.json` the report reads. @internal */
export interface AssemblyManifest {
  readonly artifacts?: Record<string, Json>;
}

/**
 * Every stack of the cloud assembly in `root`, in manifest order (nested assemblies of Stages where they
 * appear), each with its templates (nested stacks' included) and an index whose imports resolve to the
 * exports of every stack read. An unreadable file is skipped: the report shows what it could read.
 *
 * @internal
 */
export function readAssemblyStacks(root: string, rootManifest?: AssemblyManifest): AssemblyStack[] {
  const stacks: AssemblyStack[] = [];
  collectStacks(root, root, undefined, stacks, 0, rootManifest);
  const exports = new Map<string, { index: StackIndex; file: string; value: Json }>();
  for (const stack of stacks) {
    stack.index = new StackIndex(stack.templates, exports);
  }
  for (const stack of stacks) {
    for (const t of stack.templates) {
      for (const output of Object.values<Json>(objectOr(t.template?.Outputs))) {
        const name = output?.Export?.Name;
        if (typeof name === 'string') {
          exports.set(name, { index: stack.index, file: t.file, value: output.Value });
        }
      }
    }
  }
  return stacks;
}

/** Reads a JSON file, or undefined when it is missing or not JSON. @internal */
export function readJson(file: string): Json | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf-8'));
  } catch {
    return undefined;
  }
}

/** `value` when it is a plain object, else `{}`. @internal */
export function objectOr(value: Json): Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

function collectStacks(root: string, dir: string, stageId: string | undefined, into: AssemblyStack[], depth: number, given?: AssemblyManifest): void {
  const manifest = given ?? readJson(path.join(dir, 'manifest.json'));
  for (const [artifactId, artifact] of Object.entries<Json>(objectOr(manifest?.artifacts))) {
    const properties = objectOr(artifact?.properties);
    if (artifact?.type === 'cdk:cloud-assembly' && typeof properties.directoryName === 'string' && depth < 8) {
      const stage = typeof artifact.displayName === 'string' ? artifact.displayName : artifactId;
      collectStacks(root, path.join(dir, properties.directoryName), stage.split('/').pop(), into, depth + 1);
    } else if (artifact?.type === 'aws:cloudformation:stack') {
      into.push(stackOf(root, dir, artifactId, artifact, stageId, fileAssets(dir, manifest, artifact)));
    }
  }
}

function stackOf(root: string, dir: string, artifactId: string, artifact: Json, stageId: string | undefined,
  assets: Map<string, string>): AssemblyStack {
  const properties = objectOr(artifact.properties);
  const displayName = typeof artifact.displayName === 'string' ? artifact.displayName : artifactId;
  const templates: StackTemplate[] = [];
  if (typeof properties.templateFile === 'string') {
    readTemplates({ root, dir, assets }, properties.templateFile, undefined, templates);
  }
  const metadata = metadataOf(dir, artifact);
  fillConstructPaths(displayName, templates, metadata);
  return {
    id: stageId === undefined ? artifactId : displayName,
    artifactId,
    displayName,
    constructPath: displayName,
    environment: typeof artifact.environment === 'string' ? artifact.environment : 'aws://unknown-account/unknown-region',
    stackName: typeof properties.stackName === 'string' ? properties.stackName : artifactId,
    stageId,
    dir,
    templates,
    assetObjectKeys: new Set(assets.keys()),
    metadata,
    index: new StackIndex([]),
  };
}

/** The file assets the asset manifests of the stack artifact publish: object key -> source path in the assembly. */
function fileAssets(dir: string, manifest: Json, artifact: Json): Map<string, string> {
  const assets = new Map<string, string>();
  for (const dependency of Array.isArray(artifact.dependencies) ? artifact.dependencies : []) {
    const assetArtifact = objectOr(manifest?.artifacts)[dependency];
    const file = objectOr(assetArtifact?.properties).file;
    if (assetArtifact?.type !== 'cdk:asset-manifest' || typeof file !== 'string') {
      continue;
    }
    for (const asset of Object.values<Json>(objectOr(readJson(path.join(dir, file))?.files))) {
      for (const destination of Object.values<Json>(objectOr(asset?.destinations))) {
        if (typeof destination?.objectKey === 'string') {
          assets.set(destination.objectKey, typeof asset.source?.path === 'string' ? asset.source.path : '');
        }
      }
    }
  }
  return assets;
}

/**
 * The file of a nested stack's template: its `aws:asset:path` metadata, else the file asset whose object key
 * its `TemplateURL` names (asset metadata is off outside the CDK CLI).
 */
function nestedTemplateFile(resource: Json, assets: Map<string, string>): string | undefined {
  const declared = resource?.Metadata?.['aws:asset:path'];
  if (typeof declared === 'string') {
    return declared;
  }
  const url = JSON.stringify(resource?.Properties?.TemplateURL ?? '');
  for (const [key, source] of assets) {
    if (source !== '' && url.includes(`/${key}`)) {
      return source;
    }
  }
  return undefined;
}

/** The template in `file` (relative to `dir`) and, depth first, the templates of its nested stacks. */
function readTemplates(where: { root: string; dir: string; assets: Map<string, string> }, file: string, nestedIn: StackTemplate['nestedIn'],
  into: StackTemplate[]): void {
  const { root, dir } = where;
  const relative = path.relative(root, path.join(dir, file)).split(path.sep).join('/');
  if (into.some((t) => t.file === relative) || into.length > 500) {
    return;
  }
  const template = readJson(path.join(dir, file));
  if (template === undefined) {
    return;
  }
  into.push({ file: relative, template, ...(nestedIn ? { nestedIn } : {}) });
  for (const [logicalId, resource] of Object.entries<Json>(objectOr(template.Resources))) {
    const nestedFile = resource?.Type === 'AWS::CloudFormation::Stack' ? nestedTemplateFile(resource, where.assets) : undefined;
    if (nestedFile !== undefined) {
      readTemplates(where, nestedFile, { file: relative, logicalId }, into);
    }
  }
}

/** The artifact's metadata, inline or in its `additionalMetadataFile` (both when both are there). */
function metadataOf(dir: string, artifact: Json): Map<string, MetadataEntry[]> {
  const byPath = new Map<string, MetadataEntry[]>();
  const sources = [objectOr(artifact.metadata)];
  if (typeof artifact.additionalMetadataFile === 'string') {
    sources.push(objectOr(readJson(path.join(dir, artifact.additionalMetadataFile))));
  }
  for (const source of sources) {
    for (const [constructPath, entries] of Object.entries<Json>(source)) {
      const key = constructPath.replace(/^\//, '');
      const list = byPath.get(key) ?? [];
      for (const entry of Array.isArray(entries) ? entries : []) {
        if (typeof entry?.type === 'string') {
          list.push({ type: entry.type, data: entry.data });
        }
      }
      byPath.set(key, list);
    }
  }
  return byPath;
}
