/// Compares the template content of two cloud assemblies (the library's and the by-hand baseline's), to
/// check that bench/apps/hand-hardened.ts writes what a default ServerlessFunction writes.
/// Usage: npx ts-node -P tsconfig.check.json bench/lib/compare-content.ts <libDir> <handDir>
///
/// Templates are paired in order (the stacks of the manifest, then their nested templates by file name);
/// within a pair, resources are paired by type and by order of appearance. Compared per resource: Properties,
/// Metadata (cdk_nag, checkov, cfn-lint...), DependsOn and the deletion policies, plus the `aws:cdk:acknowledged-rules`
/// construct metadata (`Validations.of(...).acknowledge`, what cdk-nag 3 reads) of the resource and its ancestors;
/// per template: every section besides Resources. Normalised before comparing: logical ids (to `<Type#n>`), parameter
/// names, construct paths in texts (to `<path>/<last segment>`) and asset hashes. Prints every difference left and
/// the size of every template of both sides; exits 1 when a difference is left.
import * as fs from 'fs';
import * as path from 'path';

interface Template {
  readonly file: string;
  readonly bytes: number;
  readonly json: any;
  /** Normalised names of the logical ids and parameters of this template. */
  readonly names: Map<string, string>;
  /** Logical id -> merged `aws:cdk:acknowledged-rules` of the resource's construct and its ancestors. */
  readonly acks: Map<string, { [id: string]: string }>;
}

const HASH = /[0-9a-f]{64}/g;

function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The templates of an assembly: each stack of the manifest followed by its nested templates (by file name). */
function templatesOf(dir: string): Template[] {
  const manifest = readJson(path.join(dir, 'manifest.json'));
  const stacks = Object.entries<any>(manifest.artifacts).filter(([, a]) => a.type === 'aws:cloudformation:stack');
  const nested = fs.readdirSync(dir).filter((f) => f.endsWith('.nested.template.json')).sort();
  const files = [...stacks.map(([, a]) => a.properties.templateFile as string), ...nested];
  // Construct metadata of every stack (nested stacks' constructs are in their parent's file).
  const meta: { [p: string]: any[] } = {};
  for (const [, a] of stacks) {
    const file = path.join(dir, `${path.basename(a.properties.templateFile, '.template.json')}.metadata.json`);
    Object.assign(meta, fs.existsSync(file) ? readJson(file) : {}, a.metadata ?? {});
  }
  const templates = files.map((file) => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    return { file, bytes: Buffer.byteLength(text), json: JSON.parse(text), names: new Map<string, string>(), acks: new Map() } as Template;
  });
  for (const t of templates) {
    const perType = new Map<string, number>();
    for (const [id, r] of Object.entries<any>(t.json.Resources ?? {})) {
      const n = perType.get(r.Type) ?? 0;
      perType.set(r.Type, n + 1);
      t.names.set(id, `<${r.Type}#${n}>`);
    }
    Object.keys(t.json.Parameters ?? {}).forEach((p, i) => t.names.set(p, `<Parameter#${i}>`));
  }
  assignAcknowledgements(templates, meta);
  return templates;
}

/**
 * Finds the construct path of every resource (the `aws:cdk:logicalId` entries) and merges the acknowledged rules
 * of its ancestors. A logical id found in several templates (a per-stack singleton) goes to the template whose
 * construct prefix (the common prefix of its unambiguous paths) is the longest prefix of its path.
 */
function assignAcknowledgements(templates: Template[], meta: { [p: string]: any[] }): void {
  const owners: { path: string; id: string; candidates: Template[] }[] = [];
  for (const [p, entries] of Object.entries(meta)) {
    for (const e of entries) {
      if (e.type === 'aws:cdk:logicalId') {
        const candidates = templates.filter((t) => t.json.Resources?.[e.data]);
        if (candidates.length > 0) {
          owners.push({ path: p, id: e.data, candidates });
        }
      }
    }
  }
  const prefixes = new Map<Template, string[]>();
  for (const o of owners.filter((x) => x.candidates.length === 1)) {
    const segs = o.path.split('/');
    const prev = prefixes.get(o.candidates[0]);
    prefixes.set(o.candidates[0], prev ? prev.slice(0, commonLength(prev, segs)) : segs.slice(0, -1));
  }
  const prefixLength = (t: Template, segs: string[]) => {
    const pre = prefixes.get(t) ?? [];
    return commonLength(pre, segs) === pre.length ? pre.length : -1;
  };
  for (const o of owners) {
    const segs = o.path.split('/');
    const t = o.candidates.reduce((a, b) => (prefixLength(b, segs) > prefixLength(a, segs) ? b : a));
    const acks: { [id: string]: string } = {};
    for (let i = 1; i <= segs.length; i++) {
      for (const e of meta[segs.slice(0, i).join('/')] ?? []) {
        if (e.type === 'aws:cdk:acknowledged-rules') {
          Object.assign(acks, e.data);
        }
      }
    }
    t.acks.set(o.id, acks);
  }
}

function commonLength(a: string[], b: string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) {
    i++;
  }
  return i;
}

/** Replaces logical ids, parameter names, construct paths and asset hashes of a value of template `t`. */
function normalise(value: any, t: Template, stackNames: RegExp): any {
  const name = (s: string) => t.names.get(s) ?? s;
  if (typeof value === 'string') {
    return name(value).replace(HASH, '<hash>').replace(stackNames, (m) => `<path>/${m.split('/').pop()}`);
  }
  if (Array.isArray(value)) {
    return value.map((v) => normalise(v, t, stackNames));
  }
  if (value && typeof value === 'object') {
    const out: any = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'Ref') {
        out[k] = name(v as string);
      } else if (k === 'Fn::GetAtt') {
        out[k] = [name((v as string[])[0]), ...(v as string[]).slice(1)];
      } else {
        out[name(k)] = normalise(v, t, stackNames);
      }
    }
    return out;
  }
  return value;
}

/** The differences between two normalised values, as `path: lib | hand` lines. */
function diff(a: any, b: any, at: string, out: string[]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) {
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = Array.isArray(a)
      ? Array.from({ length: Math.max(a.length, b.length) }, (_, i) => String(i))
      : [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    const before = out.length;
    for (const k of keys) {
      diff(a[k as any], b[k as any], `${at}.${k}`, out);
    }
    if (out.length > before) {
      return;
    }
  }
  const show = (v: any) => (v === undefined ? '(absent)' : JSON.stringify(v).slice(0, 300));
  out.push(`${at}: library ${show(a)} | by hand ${show(b)}`);
}

/** A resource as compared: Properties, Metadata and the resource attributes, normalised. */
function view(id: string, r: any, t: Template, stackNames: RegExp): any {
  const metadata = { ...(r.Metadata ?? {}) };
  delete metadata['aws:cdk:path'];
  delete metadata['aws:asset:path'];
  delete metadata['aws:asset:property'];
  delete metadata['aws:asset:is-bundled'];
  const dependsOn = r.DependsOn === undefined ? undefined : [].concat(r.DependsOn).map((d: string) => t.names.get(d) ?? d).sort();
  return normalise({
    Properties: r.Properties,
    Metadata: metadata,
    DependsOn: dependsOn,
    DeletionPolicy: r.DeletionPolicy,
    UpdateReplacePolicy: r.UpdateReplacePolicy,
    Condition: r.Condition,
    UpdatePolicy: r.UpdatePolicy,
    acknowledgedRules: t.acks.get(id) ?? {},
  }, t, stackNames);
}

export function compareContent(libDir: string, handDir: string): { differences: string[]; sizes: { file: string; lib: number; hand: number }[] } {
  const lib = templatesOf(libDir);
  const hand = templatesOf(handDir);
  const stackNames = new RegExp(`\\b(?:${[...new Set([...stackIds(libDir), ...stackIds(handDir)])].join('|')})(?:/[A-Za-z0-9_.-]+)*`, 'g');
  const differences: string[] = [];
  const sizes: { file: string; lib: number; hand: number }[] = [];
  if (lib.length !== hand.length) {
    differences.push(`templates: library ${lib.length} | by hand ${hand.length}`);
  }
  for (let i = 0; i < Math.min(lib.length, hand.length); i++) {
    const [l, h] = [lib[i], hand[i]];
    sizes.push({ file: l.file, lib: l.bytes, hand: h.bytes });
    const where = `${l.file} ~ ${h.file}`;
    for (const section of new Set([...Object.keys(l.json), ...Object.keys(h.json)])) {
      if (section !== 'Resources') {
        diff(normalise(l.json[section], l, stackNames), normalise(h.json[section], h, stackNames), `[${where}] ${section}`, differences);
      }
    }
    const byType = (t: Template) => {
      const m = new Map<string, [string, any][]>();
      for (const [id, r] of Object.entries<any>(t.json.Resources ?? {})) {
        m.set(r.Type, [...(m.get(r.Type) ?? []), [id, r]]);
      }
      return m;
    };
    const [lt, ht] = [byType(l), byType(h)];
    for (const type of [...new Set([...lt.keys(), ...ht.keys()])].sort()) {
      const [la, ha] = [lt.get(type) ?? [], ht.get(type) ?? []];
      if (la.length !== ha.length) {
        differences.push(`[${where}] ${type}: library ${la.length} | by hand ${ha.length} resources`);
      }
      for (let k = 0; k < Math.min(la.length, ha.length); k++) {
        diff(view(la[k][0], la[k][1], l, stackNames), view(ha[k][0], ha[k][1], h, stackNames), `[${where}] ${type}#${k} (${la[k][0]} ~ ${ha[k][0]})`, differences);
      }
    }
  }
  return { differences, sizes };
}

function stackIds(dir: string): string[] {
  const manifest = readJson(path.join(dir, 'manifest.json'));
  return Object.entries<any>(manifest.artifacts).filter(([, a]) => a.type === 'aws:cloudformation:stack').map(([id]) => id);
}

if (require.main === module) {
  const [libDir, handDir] = process.argv.slice(2);
  if (!libDir || !handDir) {
    console.error('usage: compare-content.ts <libDir> <handDir>');
    process.exit(2);
  }
  const { differences, sizes } = compareContent(libDir, handDir);
  for (const s of sizes) {
    console.log(`${s.file}: library ${(s.lib / 1024).toFixed(1)} KB, by hand ${(s.hand / 1024).toFixed(1)} KB`);
  }
  for (const d of differences) {
    console.log(d);
  }
  console.log(differences.length === 0 ? 'same template content (names aside)' : `${differences.length} differences`);
  process.exit(differences.length === 0 ? 0 : 1);
}
