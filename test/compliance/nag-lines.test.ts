import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import * as library from '../../src';
import { INTEG_DIR, integApps, loadIntegApp } from '../helpers/integ-apps';
import { Finding, nagFindings } from '../helpers/nag';
import { addNagV2Packs, NagV2Collector } from '../helpers/nag-v2';

/**
 * Both cdk-nag lines over every integ app: each `integ/**\/integ.*.ts` is loaded as it is (its App is
 * captured when it calls `app.synth()`), the five cdk-nag 2.x packs are added as Aspects, the app is
 * synthesized, and the five cdk-nag 3.x packs check the synthesized tree. No finding may be left
 * unacknowledged on a library resource (one under a construct of this library) of a stack the integ
 * test deploys. The integ apps' own resources (a user's table, VPC, load balancer or plain functions)
 * are the user's to acknowledge; both lines must still agree on them.
 */

/** Every construct class the library exports. */
const LIBRARY_CLASSES: Array<new (...args: any[]) => Construct> = (Object.values(library) as unknown[]).filter(
  (v): v is new (...args: any[]) => Construct => typeof v === 'function' && v.prototype instanceof Construct,
);

/** Findings an integ app causes on a library resource with its own code (it acknowledges nothing). */
const USER_CAUSED: { [file: string]: string[] } = {
  // The app's own statement: ec2:StopInstances on every instance, limited by a tag condition.
  'patterns/integ.scheduled-job.ts': [
    'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ec2:<AWS::Region>:<AWS::AccountId>:instance/*]',
    // The app's own ec2:DescribeInstances on *: reported, since no library acknowledgement covers user statements.
    'AwsSolutions-IAM5[Resource::*]',
  ],
};

/**
 * Integ apps that state every decision that is their owner's (user decisions), so that not even their own
 * resources carry a finding: the Lambda@Edge app's CloudFront distribution (web ACL, geo restrictions,
 * access logs, certificate).
 */
const FULLY_CLEAN = ['triggers/integ.edge-function.ts'];

/** Whether the construct at `path` in `app` lies under a construct of this library. */
function isLibraryResource(app: App, constructPath: string): boolean {
  let node: IConstruct | undefined = app.node.findAll().find((c) => c.node.path === constructPath);
  while (node) {
    if (LIBRARY_CLASSES.some((cls) => node instanceof cls)) {
      return true;
    }
    node = node.node.scope;
  }
  return false;
}


interface Checked {
  /** Unsuppressed cdk-nag 2.x findings on library resources. */
  readonly v2: Finding[];
  /** Unacknowledged cdk-nag 3.x findings on library resources. */
  readonly v3: Finding[];
  /** Every finding of each line on the app's stacks, library or not, as `rule @ path`. */
  readonly allV2: string[];
  readonly allV3: string[];
  readonly stacks: string[];
}

const isAssertionStack = (stack: Stack) => stack.node.path.includes('DeployAssert');

/** Loads one integ app, runs both lines over it, and returns the findings. */
function checkIntegApp(file: string): Checked {
  let collector: NagV2Collector | undefined;
  const app = loadIntegApp(file, (a) => {
    collector = addNagV2Packs(a);
  });
  if (!collector) {
    throw new Error(`${file} did not synthesize an App`);
  }
  const stacks = app.node.findAll().filter(Stack.isStack).filter((s) => !isAssertionStack(s));
  const deployed = (f: Finding) => stacks.some((s) => f.path.startsWith(`${s.node.path}/`));
  const userCaused = USER_CAUSED[path.relative(INTEG_DIR, file)] ?? [];
  const libraryOnly = (f: Finding) => isLibraryResource(app, f.path) && !userCaused.includes(f.rule);
  const v2 = collector.findings.filter(deployed);
  const v3 = stacks.flatMap((s) => nagFindings(s, {})); // the integ apps give their own user decisions
  const show = (found: Finding[]) => [...new Set(found.map((f) => `${f.rule} @ ${f.path}`))].sort();
  return {
    v2: v2.filter(libraryOnly),
    v3: v3.filter(libraryOnly),
    allV2: show(v2),
    allV3: show(v3),
    stacks: stacks.map((s) => s.node.path),
  };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe.each(integApps().map((f) => [path.relative(INTEG_DIR, f), f]))('%s', (name, file) => {
  let checked: Checked;
  beforeAll(() => {
    checked = checkIntegApp(file);
  });

  test('has library stacks', () => {
    expect(checked.stacks.length).toBeGreaterThan(0);
  });

  test('cdk-nag 2.x (five packs as Aspects): no unsuppressed finding on a library resource', () => {
    expect(checked.v2).toEqual([]);
  });

  test('cdk-nag 3.x (five packs as validation plugins): no unacknowledged finding on a library resource', () => {
    expect(checked.v3).toEqual([]);
  });

  test('both lines report the same findings (on the app\'s own resources too)', () => {
    expect(checked.allV2).toEqual(checked.allV3);
  });

  if (FULLY_CLEAN.includes(name)) {
    test('with every user decision stated: no finding at all, on the app\'s own resources too', () => {
      expect(checked.allV2).toEqual([]);
      expect(checked.allV3).toEqual([]);
    });
  }
});
