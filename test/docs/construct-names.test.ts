import * as fs from 'fs';
import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import * as library from '../../src';
import { buildStepFunctionsRecipe } from '../helpers/step-functions-recipe';

/**
 * Every construct id, policy name and construct path the docs name must exist in a synthesized app.
 *
 * The rule (README.md and docs/*.md): a name in backticks that is one PascalCase identifier ending in
 * Policy, Queue, Alarm, Dashboard, Role, Topic, LogGroup or Logs (`ResourceStarPolicy`,
 * `DeadLetterQueue`, `AccessLogs`), or a construct path of PascalCase ids (each with a lower-case
 * letter, so `AWS/Logs` is a namespace, not a path) joined by `/`
 * (`Fn/WebSocketApi/Api/ManageConnectionsPolicy`), is a claim that such a construct exists. It must be
 * one of:
 *   - a construct id (for a path: a path suffix) in the construct tree of an integ snapshot
 *     (`integ/**\/*.snapshot/tree.json`, the apps the integ tests deploy) or of the Step Functions
 *     recipe of docs/step-functions.md, synthesized here;
 *   - a CloudFormation resource type or property name in those templates (`RedrivePolicy`, `QueuePolicy`);
 *   - a class or interface of this library or aws-cdk-lib (`FailureQueue`, `ManagedPolicy`);
 *   - a cdk-nag rule name (`IAMNoInlinePolicy`) or an AWS managed policy (`AWS...`, `Amazon...`).
 * Anything else names a construct no template has: the docs are wrong, or the name is.
 */

const ROOT = path.join(__dirname, '..', '..');
const DOCS = [path.join(ROOT, 'README.md'), ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => path.join(ROOT, 'docs', f))];
const NAME = /^[A-Z][A-Za-z0-9]*(Policy|Queue|Alarm|Dashboard|Role|Topic|LogGroup|Logs)$/;
const SEGMENT = '[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*';
const PATH = new RegExp(`^${SEGMENT}(/${SEGMENT})+$`);

function walk(dir: string, match: (f: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full, match) : match(full) ? [full] : [];
  });
}

interface Known {
  readonly ids: Set<string>;
  readonly paths: string[];
  readonly other: Set<string>;
}

function known(): Known {
  const ids = new Set<string>();
  const paths: string[] = [];
  const other = new Set<string>();
  const visit = (node: any) => {
    ids.add(node.id);
    paths.push(node.path);
    for (const child of Object.values(node.children ?? {})) {
      visit(child);
    }
  };
  const recipe = new cdk.Stack(new cdk.App(), 'Recipe');
  buildStepFunctionsRecipe(recipe);
  recipe.node.findAll().forEach((c) => visit({ id: c.node.id, path: c.node.path }));
  const integ = path.join(ROOT, 'integ');
  for (const tree of walk(integ, (f) => f.endsWith(`${path.sep}tree.json`) && f.includes('.snapshot'))) {
    visit(JSON.parse(fs.readFileSync(tree, 'utf8')).tree);
  }
  const collectKeys = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(collectKeys);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        other.add(k);
        if (k === 'Type' && typeof v === 'string') {
          v.split('::').forEach((part) => other.add(part));
        }
        collectKeys(v);
      }
    }
  };
  for (const template of walk(integ, (f) => f.endsWith('.template.json') && f.includes('.snapshot'))) {
    collectKeys(JSON.parse(fs.readFileSync(template, 'utf8')));
  }
  for (const name of Object.keys(library)) {
    other.add(name);
  }
  for (const [key, mod] of Object.entries(cdk)) {
    other.add(key);
    if (mod && typeof mod === 'object') {
      Object.keys(mod).forEach((name) => other.add(name));
    }
  }
  const rules = path.join(ROOT, 'node_modules', 'cdk-nag', 'lib', 'rules');
  for (const rule of walk(rules, (f) => f.endsWith('.js'))) {
    other.add(path.basename(rule, '.js'));
  }
  return { ids, paths, other };
}

/** The names `text` claims exist (see the rule above). */
function claimedNames(text: string): string[] {
  return [...new Set([...text.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]).filter((n) => NAME.test(n) || PATH.test(n)))];
}

/** Why `name` is not found, or undefined. */
function missing(name: string, k: Known): boolean {
  if (PATH.test(name)) {
    return !k.paths.some((p) => p === name || p.endsWith(`/${name}`));
  }
  return !(k.ids.has(name) || k.other.has(name) || /^(AWS|Amazon)/.test(name));
}

const KNOWN = known();

test('the rule finds the names the docs give and refuses a name no template has', () => {
  expect(claimedNames('the `ResourceStarPolicy` and `Fn/WebSocketApi/Api/ManageConnectionsPolicy`, not `fn.policy`'))
    .toEqual(['ResourceStarPolicy', 'Fn/WebSocketApi/Api/ManageConnectionsPolicy']);
  expect(missing('ManageConnectionsPolicy', KNOWN)).toBe(false);
  expect(missing('BlueprintXRayWritePolicy', KNOWN)).toBe(false);
  expect(missing('Chat/WebSocketApi/Api/ManageConnectionsPolicy', KNOWN)).toBe(false);
  expect(missing('FunctionManageConnectionsPolicy', KNOWN)).toBe(true);
  expect(missing('Chat/ManageConnectionsPolicy', KNOWN)).toBe(true);
});

test.each(DOCS.map((f) => [path.relative(ROOT, f), f]))('%s names only constructs that exist', (_name, file) => {
  const names = claimedNames(fs.readFileSync(file, 'utf8'));
  expect(names.filter((n) => missing(n, KNOWN))).toEqual([]);
});
