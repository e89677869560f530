import * as fs from 'fs';
import * as path from 'path';
import { ArchitectureRules, checkArchitecture, importEdges, Problem } from './checker';

/**
 * The architecture of src/, as tests. The layering the code wants, one way only: validation and
 * acknowledgements -> primitives (code, layers, encryption, destinations, concurrency, observability,
 * deployment, iam) -> the function and Lambda@Edge -> triggers -> patterns -> compliance, scale, cost and
 * the dashboard. A folder imports only from its own layer or below, the folders form no cycle, and a
 * private/ folder serves only the folder that holds it. The checker runs once on src/ and once on each
 * deliberately broken tree in fixtures/, so each rule is shown to catch what it is for.
 */

const SRC = path.join(__dirname, '..', '..', 'src');
const FIXTURES = path.join(__dirname, 'fixtures');

export const LAYERS: { [folder: string]: number } = {
  validation: 0,
  acknowledgements: 0,
  code: 1,
  layers: 1,
  encryption: 1,
  destinations: 1,
  concurrency: 1,
  observability: 1,
  deployment: 1,
  iam: 1,
  powertools: 1,
  function: 2,
  edge: 2,
  triggers: 3,
  patterns: 4,
  compliance: 5,
  scale: 5,
  cost: 5,
  dashboard: 5,
  report: 5,
};

/**
 * Type-only imports that may go up the layers, `target -> reason`. None: the trigger contract lives in
 * function/ (which consumes it), and the alarms learn of stream triggers through an internal hook.
 */
const TYPE_ONLY_UPWARD: { [target: string]: string } = {};

/**
 * Imports into another folder's private/, `importer -> private file`, a reason each. None: what two folders
 * share lives outside private/ (internal, not exported from src/index.ts), and a private/ folder serves only
 * the folder that holds it.
 */
const SHARED_PRIVATE: { [edge: string]: string } = {};

/**
 * Units over 80 lines without a `// long:` reason. None; a new long unit fails the test (split it into named
 * steps, or say why above it with `// long: <reason>`).
 */
export const KNOWN_LONG_FUNCTIONS: { [unit: string]: string } = {};

const SRC_RULES: ArchitectureRules = {
  layers: LAYERS,
  typeOnlyUpward: TYPE_ONLY_UPWARD,
  privateAllowed: SHARED_PRIVATE,
  knownLong: KNOWN_LONG_FUNCTIONS,
};

function messages(problems: Problem[], kind?: Problem['kind']): string[] {
  return problems.filter((p) => kind === undefined || p.kind === kind).map((p) => p.message);
}

describe('src/', () => {
  const problems = checkArchitecture(SRC, SRC_RULES);

  test('the folders form no cycle', () => {
    expect(messages(problems, 'cycle')).toEqual([]);
  });

  test('every import goes down the layers (or stays in its own), and every folder has a layer', () => {
    expect([...messages(problems, 'upward'), ...messages(problems, 'layer'), ...messages(problems, 'unresolved')]).toEqual([]);
  });

  test('a private/ folder serves only the folder that holds it (but for the shared ones named above)', () => {
    expect(messages(problems, 'private')).toEqual([]);
  });

  test('no function, method or constructor is over 80 lines without a reason', () => {
    expect(messages(problems, 'long')).toEqual([]);
  });

  test('every allowance is still used', () => {
    const edges = importEdges(SRC).edges;
    for (const target of Object.keys(TYPE_ONLY_UPWARD)) {
      expect(edges.filter((e) => e.to === target && e.typeOnly)).not.toEqual([]);
    }
    const long = checkArchitecture(SRC, { ...SRC_RULES, knownLong: {} }).filter((p) => p.kind === 'long').map((p) => p.message);
    for (const unit of Object.keys(KNOWN_LONG_FUNCTIONS)) {
      expect(long.filter((m) => m.startsWith(`${unit} is `))).toHaveLength(1);
    }
  });

  test('the validation layer imports nothing from the other folders of src/', () => {
    const out = importEdges(SRC).edges.filter((e) => e.from.startsWith('validation/') && !e.to.startsWith('validation/'));
    expect(out).toEqual([]);
  });
});

describe('each rule catches what it is for (fixtures/)', () => {
  const FIXTURE_LAYERS = { base: 0, left: 1, right: 1, top: 1 };
  const check = (name: string) => checkArchitecture(path.join(FIXTURES, name), { layers: FIXTURE_LAYERS });

  test('a tree that keeps the rules passes', () => {
    expect(check('clean')).toEqual([]);
  });

  test('a cycle between two folders (through a multi-line type-only import), naming its files', () => {
    expect(check('cycle')).toEqual([{
      kind: 'cycle',
      message: 'folders left, right import each other: left/left.ts -> right/right.ts; right/right.ts -> left/left.ts',
    }]);
  });

  test('an import into another folder\'s private/', () => {
    expect(check('private-import')).toEqual([{
      kind: 'private',
      message: 'top/user.ts imports base/private/secret.ts, private to base/',
    }]);
  });

  test('an import up the layers (a re-export, a require)', () => {
    expect(check('upward-import')).toEqual([
      { kind: 'upward', message: 'base/lazy.ts (layer 0) imports top/high.ts (layer 1)' },
      { kind: 'upward', message: 'base/low.ts (layer 0) imports top/high.ts (layer 1)' },
    ]);
  });

  test('a long function, unless a `// long:` comment says why', () => {
    expect(check('long-function')).toEqual([{
      kind: 'long',
      message: 'base/long.ts:tooLong is 89 lines: split it, or say why above it with \'// long: <reason>\'',
    }]);
  });

  test('an allowance no import uses any more', () => {
    expect(checkArchitecture(path.join(FIXTURES, 'clean'), {
      layers: FIXTURE_LAYERS,
      privateAllowed: { 'top/high.ts -> base/private/helper.ts': 'gone' },
    })).toEqual([{ kind: 'private', message: 'the private allow-list names top/high.ts -> base/private/helper.ts, which no longer exists: remove it' }]);
  });

  test('the fixtures are not part of src/', () => {
    expect(fs.existsSync(path.join(SRC, 'fixtures'))).toBe(false);
  });
});
