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
  function: 2,
  edge: 2,
  triggers: 3,
  patterns: 4,
  compliance: 5,
  scale: 5,
  cost: 5,
  dashboard: 5,
};

/**
 * Type-only imports that may go up the layers. The trigger contract lives in function/ (which consumes
 * it); only FunctionAlarms.watchTrigger still reads TriggerConfig through triggers/trigger.ts.
 */
const TYPE_ONLY_UPWARD: { [target: string]: string } = {
  'triggers/trigger.ts': 'FunctionAlarms.watchTrigger reads TriggerConfig (erased at run time); the function branch replaces it with addIteratorAgeAlarm, and the merge removes this entry',
};

/**
 * Imports into another folder's private/ that stay for now, `importer -> private file`, a reason each.
 * Each is internal API between two folders that its owner keeps in private/ today; the branches that own
 * those folders move them out (the merge removes the entries, and the test fails on an entry no import uses).
 */
const SHARED_PRIVATE: { [edge: string]: string } = {
  // The alarm defaults the failure queue shares with FunctionAlarms (observability/ is the function branch's).
  'destinations/failure-queue.ts -> observability/private/alarm-defaults.ts': 'the failure queue alarms with the function alarms\' defaults',
  'destinations/failure-queue.ts -> observability/private/alarm-settings.ts': 'the failure queue alarms with the function alarms\' settings',
  'destinations/failure-queue.ts -> observability/private/default-alarm-topic.ts': 'the failure queue alarms to the stack\'s one alarm topic',
  'function/serverless-function.ts -> observability/private/dead-letter-queue-alarms.ts': 'the function decides who watches its DLQ',
  'function/serverless-function.ts -> observability/private/default-alarm-topic.ts': 'the function alarms to the stack\'s one alarm topic',
  'function/validate-function.ts -> observability/private/validate-alarm-options.ts': 'the function checks its alarm options in its one round',
  'function/validate-function.ts -> deployment/private/deployment-config-checks.ts': 'the function checks its deployment options in its one round',
  'function/validate-function.ts -> deployment/private/validate-deployment-options.ts': 'the function checks its deployment options in its one round',
  // Asset sizes, measured once by code/ and read by the layers and Lambda@Edge (code/ is the function branch's).
  'edge/private/zipped-size.ts -> code/private/asset-size.ts': 'Lambda@Edge limits the zipped asset the code measures',
  'layers/function-layer.ts -> code/private/unzipped-size.ts': 'a layer counts toward the function\'s unzipped size',
  // The Python build, shared by function code and requirement layers.
  ...Object.fromEntries(['build-dependencies', 'cache-entry', 'dependency-cache', 'python-target', 'stage-function'].map((f) => [
    `layers/private/python-layer-content.ts -> code/python/private/${f}.ts`, 'a Python layer is built by the same pip steps as Python function code',
  ])),
};

/**
 * Units over 80 lines without a `// long:` reason, in folders other branches are splitting now. The merge
 * empties this list; a new long unit fails the test.
 */
export const KNOWN_LONG_FUNCTIONS: { [unit: string]: string } = {
  'cost/cost-report.ts:stackCostReport': 'the registry branch owns cost/',
  'deployment/function-deployment.ts:FunctionDeployment.constructor': 'the function branch owns deployment/',
  'edge/edge-function.ts:EdgeFunction.constructor': 'the registry branch owns edge/',
  'edge/private/validate-edge.ts:validateEdge': 'the registry branch owns edge/',
  'function/private/app-checks.ts:AppChecks.validate': 'the function branch owns function/',
  'function/serverless-function.ts:ServerlessFunction.constructor': 'the function branch owns function/',
  'observability/function-alarms.ts:FunctionAlarms.constructor': 'the function branch owns observability/',
  'triggers/cognito/cognito-trigger.ts:CognitoTrigger.bind': 'the triggers branch splits the binds',
  'triggers/firehose-transformation/firehose-transformation-trigger.ts:FirehoseTransformationTrigger.bind': 'the triggers branch splits the binds',
  'triggers/iot-rule/iot-rule-trigger.ts:IotRuleTrigger.bind': 'the triggers branch splits the binds',
  'triggers/log-subscription/log-subscription-trigger.ts:LogSubscriptionTrigger.bind': 'the triggers branch splits the binds',
  'triggers/rest-api/rest-api-trigger.ts:RestApiTrigger.bind': 'the triggers branch splits the binds',
  'triggers/websocket-api/websocket-api-trigger.ts:WebSocketApiTrigger.bind': 'the triggers branch splits the binds',
};

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
