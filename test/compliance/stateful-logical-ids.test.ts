import * as fs from 'fs';
import * as path from 'path';
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import * as library from '../../src';
import { INTEG_DIR, integApps, loadIntegApp, synthesizedExampleApp } from '../helpers/integ-apps';

/**
 * Pins the logical id of every stateful resource the library creates (queues, log groups, keys, tables,
 * streams, buckets) in the example app and in every integ app. CloudFormation replaces a resource whose
 * logical id changes: a replaced failure queue, log group, table or stream loses what it holds (a retained
 * one is orphaned, and its data no longer reaches the stack). So a change to this list is a breaking change,
 * made only by the rule in docs/compliance.md ("Changing a logical id"). The list also pins each resource's
 * DeletionPolicy.
 *
 * After such a deliberate change: `PIN_LOGICAL_IDS=update npx jest --ci test/compliance/stateful-logical-ids.test.ts`
 * rewrites test/compliance/stateful-logical-ids.json, and the diff goes in the changelog.
 */

const STATEFUL_TYPES = [
  'AWS::SQS::Queue', 'AWS::Logs::LogGroup', 'AWS::KMS::Key', 'AWS::DynamoDB::Table', 'AWS::Kinesis::Stream', 'AWS::S3::Bucket',
];
const PIN_FILE = path.join(__dirname, 'stateful-logical-ids.json');

const LIBRARY_CLASSES: Array<new (...args: any[]) => Construct> = (Object.values(library) as unknown[]).filter(
  (v): v is new (...args: any[]) => Construct => typeof v === 'function' && v.prototype instanceof Construct,
);

function isLibraryResource(c: IConstruct): boolean {
  for (let node: IConstruct | undefined = c; node; node = node.node.scope) {
    if (LIBRARY_CLASSES.some((cls) => node instanceof cls)) {
      return true;
    }
  }
  return false;
}

/** `stack path -> logical id -> "type DeletionPolicy"` of the library's stateful resources in a synthesized app. */
function statefulResources(app: App): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const c of app.node.findAll()) {
    if (!CfnResource.isCfnResource(c) || !STATEFUL_TYPES.includes(c.cfnResourceType) || !isLibraryResource(c)) {
      continue;
    }
    const stack = Stack.of(c);
    if (stack.node.path.includes('DeployAssert')) {
      continue;
    }
    const logicalId = stack.resolve(c.logicalId) as string;
    const entry = out[stack.node.path] ?? (out[stack.node.path] = {});
    entry[logicalId] = `${c.cfnResourceType} ${c.cfnOptions.deletionPolicy ?? 'Delete'}`;
  }
  return out;
}

afterEach(() => {
  process.exitCode = undefined;
});

test('the logical ids of the library\'s stateful resources are those pinned (a change is a replacement)', () => {
  const actual: Record<string, Record<string, Record<string, string>>> = {
    'examples/app.ts': statefulResources(synthesizedExampleApp()),
  };
  for (const file of integApps()) {
    actual[path.relative(path.join(INTEG_DIR, '..'), file)] = statefulResources(loadIntegApp(file));
  }
  if (process.env.PIN_LOGICAL_IDS === 'update') {
    fs.writeFileSync(PIN_FILE, `${JSON.stringify(actual, undefined, 2)}\n`);
  }
  const pinned = JSON.parse(fs.readFileSync(PIN_FILE, 'utf8')) as typeof actual;

  const flat = (x: typeof actual) => new Map(Object.entries(x).flatMap(([app, stacks]) => Object.entries(stacks).flatMap(
    ([stack, ids]) => Object.entries(ids).map(([id, what]) => [`${app} ${stack} ${id}`, what] as const))));
  const want = flat(pinned);
  const got = flat(actual);
  const problems = [
    ...[...want].filter(([k]) => !got.has(k)).map(([k, what]) => `gone (CloudFormation would delete or orphan it): ${k} (${what})`),
    ...[...got].filter(([k]) => !want.has(k)).map(([k, what]) => `new (not pinned): ${k} (${what})`),
    ...[...got].filter(([k, what]) => want.has(k) && want.get(k) !== what).map(([k, what]) => `changed: ${k} was ${want.get(k)}, now ${what}`),
  ];
  if (problems.length > 0) {
    throw new Error('Stateful logical ids changed. A renamed logical id is a replacement: CloudFormation creates a new, empty '
      + 'resource and deletes (or, when retained, orphans) the old one with its data. Follow "Changing a logical id" in '
      + `docs/compliance.md, then update ${path.basename(PIN_FILE)} (PIN_LOGICAL_IDS=update).\n${problems.join('\n')}`);
  }
  expect(got.size).toBeGreaterThan(50);
});

test('every stateful resource the library creates keeps its data when deleted or replaced (DeletionPolicy Retain)', () => {
  const pinned = JSON.parse(fs.readFileSync(PIN_FILE, 'utf8')) as Record<string, Record<string, Record<string, string>>>;
  const all = Object.entries(pinned).flatMap(([app, stacks]) => Object.entries(stacks).flatMap(
    ([stack, ids]) => Object.entries(ids).map(([id, what]) => `${app} ${stack} ${id} ${what}`)));
  expect(all.filter((x) => x.includes('AWS::SQS::Queue')).length).toBeGreaterThan(40);
  expect(all.filter((x) => !x.endsWith(' Retain'))).toEqual([]);
});
