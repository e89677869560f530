import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/**
 * The architecture rules of src/, as one function over a root folder so the same checks run on the
 * library (expecting no problem) and on the deliberately broken trees in `fixtures/` (expecting each
 * problem once). The rules:
 *
 * - folder graph: the top-level folders of the root, one edge per `import`/`export ... from './...'`
 *   (multi-line and `import type` included), must have no cycle (strongly connected component);
 * - private/: a file may import a `private/` folder only when that folder's owner (the folder that
 *   contains `private/`) is one of its ancestors, unless the import is on the allow-list;
 * - layers: a folder imports only from its own layer or below;
 * - unit size: a function, method, constructor or accessor body is at most `maxBodyLines` lines, unless
 *   a comment immediately above it starts with `// long:` followed by the reason.
 */
export interface ArchitectureRules {
  /** The layer of each top-level folder; a file directly in the root (the barrel) is above them all. */
  readonly layers: { readonly [folder: string]: number };
  /**
   * Imports that may go up the layers (and so are left out of the folder graph) when they are type-only
   * (`import type`, erased at run time): root-relative target file -> reason.
   */
  readonly typeOnlyUpward?: { readonly [targetFile: string]: string };
  /** Cross-folder imports of a private/ file: `importer -> target` (root-relative) -> reason. */
  readonly privateAllowed?: { readonly [edge: string]: string };
  /** Longest body in lines; default 80. */
  readonly maxBodyLines?: number;
  /** Long units accepted without a marker (`file:name`, root-relative) -> reason. */
  readonly knownLong?: { readonly [unit: string]: string };
}

export type ProblemKind = 'cycle' | 'private' | 'upward' | 'long' | 'layer' | 'unresolved';

export interface Problem {
  readonly kind: ProblemKind;
  readonly message: string;
}

/** One relative import or re-export of a file below the root. */
export interface ImportEdge {
  /** Root-relative, '/'-separated. */
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
}

/** The marker that lets a unit be longer than the limit: `// long: <why>` on the line(s) right above it. */
export const LONG_MARKER = /^\/\/\s*long:\s*\S/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      return sourceFiles(full);
    }
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

function rel(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) {
    return false; // a side-effect import runs the module
  }
  if (clause.isTypeOnly) {
    return true;
  }
  const named = clause.namedBindings;
  return clause.name === undefined && named !== undefined && ts.isNamedImports(named)
    && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

function resolve(root: string, from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
    if (candidate.endsWith('.ts') && fs.existsSync(candidate)) {
      return rel(root, candidate);
    }
  }
  return undefined;
}

/** Every relative import and re-export below `root`. */
export function importEdges(root: string): { edges: ImportEdge[]; unresolved: string[] } {
  const edges: ImportEdge[] = [];
  const unresolved: string[] = [];
  for (const file of sourceFiles(root)) {
    const sf = parse(file);
    const add = (specifier: ts.Expression | undefined, typeOnly: boolean) => {
      if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) {
        return;
      }
      const to = resolve(root, file, specifier.text);
      if (to === undefined) {
        unresolved.push(`${rel(root, file)} imports '${specifier.text}', which is no file`);
      } else {
        edges.push({ from: rel(root, file), to, typeOnly });
      }
    };
    for (const statement of sf.statements) {
      if (ts.isImportDeclaration(statement)) {
        add(statement.moduleSpecifier, isTypeOnlyImport(statement));
      } else if (ts.isExportDeclaration(statement)) {
        add(statement.moduleSpecifier, statement.isTypeOnly);
      } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
        add(statement.moduleReference.expression, statement.isTypeOnly);
      }
    }
    // `require('./x')` and `import('./x')` anywhere in the file load a module too.
    const calls = (node: ts.Node) => {
      if (ts.isCallExpression(node) && node.arguments.length > 0
        && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
        add(node.arguments[0], false);
      }
      ts.forEachChild(node, calls);
    };
    calls(sf);
  }
  return { edges, unresolved };
}

/** The top-level folder of a root-relative file, or undefined for a file directly in the root. */
export function folderOf(file: string): string | undefined {
  const parts = file.split('/');
  return parts.length > 1 ? parts[0] : undefined;
}

/** The folder that owns the innermost `private/` segment of `file`, or undefined. */
function privateOwner(file: string): string | undefined {
  const parts = file.split('/');
  const i = parts.lastIndexOf('private', parts.length - 2);
  return i < 0 ? undefined : parts.slice(0, i).join('/');
}

/** Strongly connected components with more than one folder (Tarjan). */
function cycles(nodes: string[], next: Map<string, Set<string>>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (n: string) => {
    order.set(n, index);
    low.set(n, index);
    index++;
    stack.push(n);
    onStack.add(n);
    for (const m of next.get(n) ?? []) {
      if (!order.has(m)) {
        visit(m);
        low.set(n, Math.min(low.get(n)!, low.get(m)!));
      } else if (onStack.has(m)) {
        low.set(n, Math.min(low.get(n)!, order.get(m)!));
      }
    }
    if (low.get(n) === order.get(n)) {
      const component: string[] = [];
      let m: string;
      do {
        m = stack.pop()!;
        onStack.delete(m);
        component.push(m);
      } while (m !== n);
      if (component.length > 1) {
        found.push(component.sort());
      }
    }
  };
  for (const n of nodes) {
    if (!order.has(n)) {
      visit(n);
    }
  }
  return found;
}

function lineOf(sf: ts.SourceFile, pos: number): number {
  return sf.getLineAndCharacterOfPosition(pos).line;
}

function unitName(node: ts.Node): string {
  if (ts.isConstructorDeclaration(node)) {
    const cls = node.parent;
    return `${ts.isClassLike(cls) && cls.name ? cls.name.text : '(class)'}.constructor`;
  }
  const named = node as ts.Node & { name?: ts.Node };
  let name = named.name && (ts.isIdentifier(named.name) || ts.isStringLiteral(named.name) || ts.isPrivateIdentifier(named.name))
    ? named.name.text : undefined;
  let holder = node.parent;
  if (!name && (ts.isVariableDeclaration(holder) || ts.isPropertyDeclaration(holder) || ts.isPropertyAssignment(holder))
    && ts.isIdentifier(holder.name)) {
    name = holder.name.text;
  }
  const cls = ts.isClassElement(node) || ts.isPropertyDeclaration(holder) ? (ts.isClassLike(node.parent) ? node.parent : holder.parent) : undefined;
  const prefix = cls && ts.isClassLike(cls) && cls.name ? `${cls.name.text}.` : '';
  return `${prefix}${name ?? '(anonymous)'}`;
}

/** The nodes whose leading comments count as "immediately above" a unit. */
function commentHolders(node: ts.Node): ts.Node[] {
  const holders: ts.Node[] = [node];
  let p = node.parent;
  while (p && (ts.isVariableDeclaration(p) || ts.isVariableDeclarationList(p) || ts.isVariableStatement(p)
    || ts.isPropertyDeclaration(p) || ts.isPropertyAssignment(p) || ts.isExportAssignment(p))) {
    holders.push(p);
    p = p.parent;
  }
  return holders;
}

function hasLongMarker(sf: ts.SourceFile, node: ts.Node): boolean {
  const text = sf.getFullText();
  return commentHolders(node).some((h) =>
    (ts.getLeadingCommentRanges(text, h.getFullStart()) ?? []).some((c) => LONG_MARKER.test(text.slice(c.pos, c.end))));
}

/** Every function-like body longer than `max` lines without a `// long:` marker: `file:name (n lines)`. */
export function longUnits(root: string, max: number): { unit: string; lines: number }[] {
  const found: { unit: string; lines: number }[] = [];
  for (const file of sourceFiles(root)) {
    const sf = parse(file);
    const visit = (node: ts.Node) => {
      if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isConstructorDeclaration(node)
        || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node))
        && node.body && ts.isBlock(node.body)) {
        const lines = lineOf(sf, node.body.getEnd()) - lineOf(sf, node.body.getStart(sf)) + 1;
        if (lines > max && !hasLongMarker(sf, node)) {
          found.push({ unit: `${rel(root, file)}:${unitName(node)}`, lines });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

/** Every problem the rules find below `root`, one line each. */
export function checkArchitecture(root: string, rules: ArchitectureRules): Problem[] {
  const problems: Problem[] = [];
  const { edges, unresolved } = importEdges(root);
  problems.push(...unresolved.map((message) => ({ kind: 'unresolved' as const, message })));
  const typeOnlyUpward = rules.typeOnlyUpward ?? {};
  const privateAllowed = rules.privateAllowed ?? {};
  const layerOf = (folder: string | undefined) => (folder === undefined ? Number.MAX_SAFE_INTEGER : rules.layers[folder]);

  const folders = new Set<string>();
  for (const file of sourceFiles(root).map((f) => rel(root, f))) {
    const folder = folderOf(file);
    if (folder !== undefined) {
      folders.add(folder);
      if (rules.layers[folder] === undefined) {
        problems.push({ kind: 'layer', message: `${folder}/ is in no layer: add it to the layers` });
      }
    }
  }

  const next = new Map<string, Set<string>>();
  const byFolderPair = new Map<string, ImportEdge[]>();
  const usedPrivate = new Set<string>();
  for (const e of edges) {
    const [a, b] = [folderOf(e.from), folderOf(e.to)];
    const allowedUpward = e.typeOnly && typeOnlyUpward[e.to] !== undefined;
    if (layerOf(b) > layerOf(a) && !allowedUpward) {
      problems.push({ kind: 'upward', message: `${e.from} (layer ${layerOf(a)}) imports ${e.to} (layer ${layerOf(b)})` });
    }
    const owner = privateOwner(e.to);
    if (owner !== undefined && !(e.from === owner || e.from.startsWith(`${owner}/`))) {
      const key = `${e.from} -> ${e.to}`;
      if (privateAllowed[key] === undefined) {
        problems.push({ kind: 'private', message: `${e.from} imports ${e.to}, private to ${owner}/` });
      } else {
        usedPrivate.add(key);
      }
    }
    if (a !== undefined && b !== undefined && a !== b && !allowedUpward) {
      next.set(a, (next.get(a) ?? new Set()).add(b));
      const pair = `${a}>${b}`;
      byFolderPair.set(pair, [...(byFolderPair.get(pair) ?? []), e]);
    }
  }
  for (const key of Object.keys(privateAllowed)) {
    if (!usedPrivate.has(key)) {
      problems.push({ kind: 'private', message: `the private allow-list names ${key}, which no longer exists: remove it` });
    }
  }

  for (const component of cycles([...folders].sort(), next)) {
    const inside = new Set(component);
    const files = [...byFolderPair.entries()]
      .filter(([pair]) => pair.split('>').every((f) => inside.has(f)))
      .flatMap(([, es]) => es.map((e) => `${e.from} -> ${e.to}`));
    problems.push({ kind: 'cycle', message: `folders ${component.join(', ')} import each other: ${files.join('; ')}` });
  }

  const knownLong = rules.knownLong ?? {};
  for (const { unit, lines } of longUnits(root, rules.maxBodyLines ?? 80)) {
    if (knownLong[unit] === undefined) {
      problems.push({ kind: 'long', message: `${unit} is ${lines} lines: split it, or say why above it with '// long: <reason>'` });
    }
  }
  return problems;
}
