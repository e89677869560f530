import { App, CfnOutput, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { BlueprintStack, FunctionCode, FunctionGroup, ServerlessFunction } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, TEST_ENV, testStack } from '../helpers/template';

const code = FunctionCode.fromAsset(HANDLER_DIR);
const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `Fn${from + i}`);

function placement(fnIds: string[], shards = 10): Map<string, string> {
  const stack = testStack();
  const group = new FunctionGroup(stack, 'Group', { shards });
  return new Map(fnIds.map((id) => [id, Stack.of(group.addFunction(id, { code })).node.id]));
}

describe('placement', () => {
  test('a stable FNV-1a hash of the id, modulo the shard count', () => {
    // Fixed values: a change here moves deployed functions, so it must never happen silently.
    expect(['Orders', 'Payments', 'Fn0', 'Fn1', 'Fn299'].map((id) => FunctionGroup.shardIndex(id, 10))).toEqual([8, 4, 9, 0, 5]);
  });

  test('adding functions (before, between or after the others in code) never moves an existing one', () => {
    const before = placement(ids(40));
    const after = placement([...ids(25, 100), ...ids(20), ...ids(30, 200), ...ids(20, 20)]);
    for (const [id, shard] of before) {
      expect(after.get(id)).toBe(shard);
    }
  });

  test('only the shards that hold a function are created, named by their index', () => {
    const stack = testStack();
    const group = new FunctionGroup(stack, 'Group', { shards: 10 });
    group.addFunction('Orders', { code });
    expect(group.shards.map((s) => s.node.id)).toEqual(['Shard08']);
    expect(group.shardFor('Orders')).toBe(group.shards[0]);
  });
});

describe('300 hardened functions', () => {
  const app = new App();
  const stack = new Stack(app, 'Big', { env: TEST_ENV });
  const group = new FunctionGroup(stack, 'Api', { shards: 12 });
  for (const id of ids(300)) {
    group.addFunction(id, { code });
  }
  const parent = Template.fromStack(stack).toJSON();
  const children = group.shards.map((s) => Template.fromStack(s).toJSON());

  test('no stack over 500 resources; 12 nested stacks', () => {
    expect(children).toHaveLength(12);
    expect(Object.keys(parent.Resources).length).toBeLessThan(500);
    for (const t of children) {
      expect(Object.keys(t.Resources).length).toBeLessThanOrEqual(500);
    }
    expect(children.reduce((n, t) => n + Object.values(t.Resources).filter((r: any) => r.Type === 'AWS::Lambda::Function').length, 0)).toBe(300);
  });

  test('one KMS key and one alarm topic for the whole tree, passed to each shard as 2 parameters', () => {
    expect(Object.values(parent.Resources).filter((r: any) => r.Type === 'AWS::KMS::Key')).toHaveLength(1);
    expect(Object.values(parent.Resources).filter((r: any) => r.Type === 'AWS::SNS::Topic')).toHaveLength(1);
    for (const t of children) {
      expect(Object.values(t.Resources).filter((r: any) => ['AWS::KMS::Key', 'AWS::SNS::Topic'].includes(r.Type))).toEqual([]);
      expect(Object.keys(t.Parameters ?? {})).toHaveLength(2);
      expect(Object.keys(t.Outputs ?? {})).toHaveLength(0);
    }
  });
});

describe('validation', () => {
  test('a function id used twice, or empty, is LBP_GROUP_FUNCTION_ID; the group keeps its functions', () => {
    const stack = testStack();
    const group = new FunctionGroup(stack, 'Group', { shards: 4 });
    const first = group.addFunction('Orders', { code });
    expect(() => group.addFunction('Orders', { code, memorySize: 512 }))
      .toThrow(/\[LBP_GROUP_FUNCTION_ID\] TestStack\/Group: id is 'Orders'; the id is already used in the group \(by TestStack\/Group\/Shard\d\d\/Orders\)/);
    expect(() => group.addFunction('', { code })).toThrow(/\[LBP_GROUP_FUNCTION_ID\] TestStack\/Group: id is ''; a function needs a non-empty id/);
    expect(() => group.addFunction(5 as any, { code })).toThrow(/\[LBP_PROP_TYPE\] TestStack\/Group: id is 5 \(a number\); it must be a string/);
    expect(stack.node.tryFindChild('Group')).toBe(group);
    group.addFunction('Invoices', { code });
    expect(group.shards.flatMap((s) => s.node.children).filter((c) => c.node.id === 'Orders')).toEqual([first]);
  });

  test('shards: 0 and 101 are refused, 1 and 100 accepted', () => {
    expect(() => new FunctionGroup(testStack(), 'G', { shards: 0 })).toThrow(/LBP_GROUP_SHARDS/);
    expect(() => new FunctionGroup(testStack(), 'G', { shards: 101 })).toThrow(/LBP_GROUP_SHARDS/);
    expect(() => new FunctionGroup(testStack(), 'G', { shards: 2.5 })).toThrow(/LBP_GROUP_SHARDS/);
    expect(() => new FunctionGroup(testStack(), 'G', { shards: 1 })).not.toThrow();
    expect(() => new FunctionGroup(testStack(), 'G', { shards: 100 })).not.toThrow();
  });

  test('a shard over 500 resources fails synth with LBP_GROUP_SHARD_FULL, not aws-cdk-lib\'s error; 500 passes', () => {
    const build = (n: number, extra: number) => {
      const app = new App();
      const stack = new Stack(app, 'S', { env: TEST_ENV });
      const group = new FunctionGroup(stack, 'G', { shards: 1 });
      for (const id of ids(n)) {
        group.addFunction(id, { code });
      }
      const shard = group.shardFor('any');
      for (let i = 0; i < extra; i++) {
        new sqs.CfnQueue(shard, `Q${i}`);
      }
      return () => app.synth();
    };
    // 55 functions x 9 = 495, + the shard's X-Ray policy + 4 queues = 500 (at the limit); one more is 501.
    expect(build(55, 4)).not.toThrow();
    expect(build(55, 5)).toThrow(/LBP_GROUP_SHARD_FULL\] S\/G\/Shard00: resources is 501; CloudFormation accepts at most 500/);
  });

  test('under BlueprintStack too, a full shard reports LBP_GROUP_SHARD_FULL (the stack-wide budget leaves shards to themselves)', () => {
    const app = new App();
    const stack = new BlueprintStack(app, 'S', { env: TEST_ENV, nagPacks: [], dashboard: false });
    const shard = new FunctionGroup(stack, 'G', { shards: 1 }).shardFor('x');
    for (let i = 0; i < 501; i++) {
      new sqs.CfnQueue(shard, `Q${i}`);
    }
    expect(() => app.synth()).toThrow(/LBP_GROUP_SHARD_FULL\] S\/G\/Shard00: resources is 501/);
  });

  test('a shard with more than 200 outputs fails synth with LBP_GROUP_SHARD_REFERENCES; 200 passes', () => {
    const build = (n: number) => {
      const app = new App();
      const stack = new Stack(app, 'S', { env: TEST_ENV });
      const shard = new FunctionGroup(stack, 'G', { shards: 1 }).shardFor('x');
      for (let i = 0; i < n; i++) {
        // The parent reading a shard's attribute makes the shard output it.
        new CfnOutput(stack, `Out${i}`, { value: new sqs.Queue(shard, `Q${i}`).queueArn });
      }
      return () => app.synth();
    };
    expect(build(200)).not.toThrow();
    expect(build(201)).toThrow(/LBP_GROUP_SHARD_REFERENCES\] S\/G\/Shard00: parameters\/outputs is 0 parameters, 201 outputs/);
  });
});

describe('dashboard', () => {
  test('the stack holding the group shows every shard\'s alarm states, read through one output per alarm', () => {
    const app = new App();
    const stack = new BlueprintStack(app, 'S', { env: TEST_ENV, nagPacks: [] });
    new ServerlessFunction(stack, 'Own', { code });
    const group = new FunctionGroup(stack, 'G', { shards: 3 });
    const fns = ['Orders', 'Payments', 'Invoices', 'Refunds'].map((id) => group.addFunction(id, { code }));
    app.synth();
    const dashboards = Template.fromStack(stack).findResources('AWS::CloudWatch::Dashboard');
    expect(Object.keys(dashboards)).toHaveLength(1);
    const body = JSON.stringify(Object.values(dashboards)[0].Properties.DashboardBody);
    const used = group.shards.filter((s) => s.node.children.some((c) => c instanceof ServerlessFunction));
    for (const shard of used) {
      expect(body).toContain(`"title\\":\\"Alarms of ${shard.node.path}\\"`);
    }
    // Each shard function's one (combined) alarm is an output of its shard, read by the parent.
    for (const fn of fns) {
      const shard = Stack.of(fn);
      const outputs = Object.keys(Template.fromStack(shard).toJSON().Outputs ?? {});
      expect(outputs.filter((o) => o.includes(fn.node.id) && o.includes('Alarm'))).toHaveLength(1);
    }
    // Full rows (traffic, duration, failure sinks) only for the stack's own function.
    expect(body.match(/: traffic/g)).toHaveLength(1);
    expect(body).toContain('S/Own: traffic');
  });

  test('a stack whose functions are all in a group gets a dashboard; turned off, none', () => {
    const app = new App();
    const on = new BlueprintStack(app, 'On', { env: TEST_ENV, nagPacks: [] });
    new FunctionGroup(on, 'G', { shards: 2 }).addFunction('Orders', { code });
    const off = new BlueprintStack(app, 'Off', { env: TEST_ENV, nagPacks: [], dashboard: false });
    new FunctionGroup(off, 'G', { shards: 2 }).addFunction('Orders', { code });
    app.synth();
    Template.fromStack(on).resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    Template.fromStack(off).resourceCountIs('AWS::CloudWatch::Dashboard', 0);
  });

  test('300 functions: the parent template grows by less than 200 bytes per function and every shard stays within its outputs', () => {
    const app = new App();
    const stack = new BlueprintStack(app, 'S', { env: TEST_ENV, nagPacks: [] });
    const group = new FunctionGroup(stack, 'G', { shards: 12 });
    for (let i = 0; i < 300; i++) {
      group.addFunction(`Fn${i}`, { code });
    }
    app.synth();
    const body = JSON.stringify(Object.values(Template.fromStack(stack).findResources('AWS::CloudWatch::Dashboard'))[0].Properties.DashboardBody);
    expect(body.length / 300).toBeLessThan(200);
    for (const shard of group.shards) {
      expect(Object.keys(Template.fromStack(shard).toJSON().Outputs ?? {}).length).toBeLessThanOrEqual(200);
    }
  });
});

describe('compliance', () => {
  test('nag clean under the five packs, and shards get no dashboard of their own', () => {
    const app = new App();
    const stack = new BlueprintStack(app, 'S', { env: TEST_ENV, nagPacks: [] });
    const group = new FunctionGroup(stack, 'G', { shards: 4 });
    for (const id of ['Orders', 'Payments', 'Fn0', 'Fn1']) {
      group.addFunction(id, { code });
    }
    app.synth();
    expect(group.shards.length).toBeGreaterThan(1);
    expect(nagFindings(stack)).toEqual([]);
    for (const shard of group.shards) {
      expect(Template.fromStack(shard).findResources('AWS::CloudWatch::Dashboard')).toEqual({});
    }
  });
});
