import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Blueprints, BlueprintStack, BlueprintStackProps, FunctionCode, FunctionGroup, ServerlessFunction, ServerlessFunctionProps, Trigger } from '../../src';
import { HANDLER_DIR, TEST_ENV } from '../helpers/template';

const code = FunctionCode.fromAsset(HANDLER_DIR);

function synth(build: (stack: Stack) => void, props: BlueprintStackProps = {}) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cost-'));
  const app = new App({ outdir });
  const stack = new BlueprintStack(app, 'Shop', { env: TEST_ENV, nagPacks: [], ...props });
  build(stack);
  app.synth();
  const file = path.join(outdir, 'Shop.cost.json');
  return { stack, outdir, file, report: fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf-8')) : undefined };
}

const fn = (props: Partial<ServerlessFunctionProps> = {}) => (s: Stack) => new ServerlessFunction(s, 'Fn', { code, ...props });
const monthly = (report: any, item: string) => report.lines.find((l: any) => l.item === item)?.monthlyUsd;

describe('one default function', () => {
  const { stack, report } = synth(fn());

  test('states the price table\'s region and date', () => {
    expect(report.priceTable).toEqual({ region: 'us-east-1', date: '2026-12-01', currency: 'USD' });
    expect(report.stack).toBe('Shop');
  });

  test('1 metric-math alarm over 9 metrics, 1 KMS key, 1 dashboard: $4.90', () => {
    expect(report.alarms).toEqual({ standard: 1, highResolution: 0, metricMath: 1, metrics: 9 });
    expect(report.lines).toEqual([
      { item: 'alarm metrics (standard)', count: 9, unitUsd: 0.1, monthlyUsd: 0.9 },
      { item: 'KMS keys', count: 1, unitUsd: 1, monthlyUsd: 1 },
      { item: 'dashboards', count: 1, unitUsd: 3, monthlyUsd: 3 },
    ]);
    expect(report.monthlyUsd).toBe(4.9);
  });

  test('one info line on the stack, naming its cost file', () => {
    const infos = Annotations.fromStack(stack).findInfo('*', Match.stringLikeRegexp('Idle cost'));
    expect(infos).toHaveLength(1);
    expect(infos[0].entry.data).toBe('Idle cost: about $4.90 a month before any traffic for 1 stack ' +
      '(us-east-1 prices of 2026-12-01); the charges of each are in the cloud assembly: Shop.cost.json ($4.90) [ack: cdk-lambda-blueprints:idleCost]');
  });
});

test('an app of several stacks gets one summary line at synth, naming each stack\'s file; the details stay in the files', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cost-'));
  const app = new App({ outdir });
  const stacks = ['Orders', 'Billing', 'Search'].map((id) => {
    const s = new Stack(app, id, { env: TEST_ENV });
    new ServerlessFunction(s, 'Fn', { code });
    return s;
  });
  // One BlueprintStack with its own report, and an applyTo on the App for the others: still one line.
  const own = new BlueprintStack(app, 'Own', { env: TEST_ENV, nagPacks: [] });
  new ServerlessFunction(own, 'Fn', { code });
  Blueprints.applyTo(app, { nagPacks: [], dashboard: false });
  const assembly = app.synth();
  const lines = assembly.stacks.flatMap((a) => a.messages).filter((m) => String(m.entry.data).includes('Idle cost'));
  expect(lines).toHaveLength(1);
  expect(String(lines[0].entry.data)).toBe('Idle cost: about $10.60 a month before any traffic for 4 stacks ' +
    '(us-east-1 prices of 2026-12-01); the charges of each are in the cloud assembly: Orders.cost.json ($1.90), ' +
    'Billing.cost.json ($1.90), Search.cost.json ($1.90), Own.cost.json ($4.90) [ack: cdk-lambda-blueprints:idleCost]');
  for (const s of [...stacks, own]) {
    const report = JSON.parse(fs.readFileSync(path.join(outdir, `${s.artifactId}.cost.json`), 'utf-8'));
    expect(report.lines.length).toBeGreaterThan(0);
  }
});

test('separate alarms (combined: false) cost 10 alarm metrics: the two rates read 2 metrics each, delivery failures 2', () => {
  const { report } = synth(fn({ alarms: { combined: false } }));
  expect(report.alarms).toEqual({ standard: 7, highResolution: 0, metricMath: 3, metrics: 10 });
  expect(monthly(report, 'alarm metrics (standard)')).toBe(1);
});

test('provisioned concurrency by the function\'s memory, and target tracking\'s two alarms', () => {
  const { report } = synth(fn({ memorySize: 2048, provisionedConcurrency: { minCapacity: 2, maxCapacity: 4 } }));
  // 2 units x 2 GB x 730 h x 3600 s x $0.0000041667
  expect(report.lines).toContainEqual({ item: 'GB of provisioned concurrency', count: 4, unitUsd: 10.95, monthlyUsd: 43.8 });
  expect(report.lines).toContainEqual({ item: 'target-tracking alarms (created by Application Auto Scaling)', count: 2, unitUsd: 0.1, monthlyUsd: 0.2 });
});

test('a high-resolution alarm costs $0.30 a metric', () => {
  const { report } = synth((s) => {
    const q = new sqs.Queue(s, 'Q', { enforceSSL: true });
    new cloudwatch.Alarm(s, 'Fast', { metric: q.metricApproximateNumberOfMessagesVisible({ period: Duration.seconds(10) }), threshold: 1, evaluationPeriods: 1 });
  }, { dashboard: false });
  expect(report.alarms).toEqual({ standard: 0, highResolution: 1, metricMath: 0, metrics: 1 });
  expect(report.monthlyUsd).toBe(0.3);
});

test('a stack with nested FunctionGroup shards reports once, with the shards\' resources', () => {
  const { outdir, report } = synth((s) => {
    const g = new FunctionGroup(s, 'G', { shards: 3 });
    for (const id of ['A', 'B', 'C', 'D', 'E', 'F']) {
      g.addFunction(id, { code });
    }
  });
  expect(report.alarms.metrics).toBe(6 * 9);
  expect(fs.readdirSync(outdir).filter((f) => f.endsWith('.cost.json'))).toEqual(['Shop.cost.json']);
});

test('costReport: false writes nothing; Blueprints.applyTo reports for stacks it did not create', () => {
  expect(synth(fn(), { costReport: false }).report).toBeUndefined();
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cost-'));
  const app = new App({ outdir });
  new ServerlessFunction(new Stack(app, 'Mine', { env: TEST_ENV }), 'Fn', { code });
  Blueprints.applyTo(app, { nagPacks: [], dashboard: false });
  app.synth();
  expect(JSON.parse(fs.readFileSync(path.join(outdir, 'Mine.cost.json'), 'utf-8')).monthlyUsd).toBe(1.9);
});

test('an SQS trigger adds its mapping alarm (2 metrics); provisioned pollers are a note marked unverified, never a guessed price', () => {
  const queueWithDlq = (s: Stack) => new sqs.Queue(s, 'Q', {
    enforceSSL: true,
    visibilityTimeout: Duration.seconds(180),
    deadLetterQueue: { queue: new sqs.Queue(s, 'Dlq', { enforceSSL: true }), maxReceiveCount: 5 },
  });
  const onDemand = synth((s) => fn()(s).addTrigger(Trigger.sqs(queueWithDlq(s))), { dashboard: false });
  const plain = synth(fn(), { dashboard: false });
  expect(onDemand.report.alarms.metrics - plain.report.alarms.metrics).toBe(2);
  expect(onDemand.report.notes.join(' ')).not.toMatch(/Event Poller/);

  const provisioned = synth((s) => {
    const q = queueWithDlq(s);
    fn()(s).addTrigger(Trigger.sqs(q, { provisionedPollers: { minimumPollers: 3, maximumPollers: 10 } }));
    new ServerlessFunction(s, 'Fn2', { code }).addTrigger(Trigger.sqs(q, { provisionedPollers: {} }));
  }, { dashboard: false });
  const note = provisioned.report.notes.find((n: string) => /Event Poller/.test(n));
  expect(note).toMatch(/^UNVERIFIED, NOT IN THE TOTAL: 2 event source mapping\(s\) in provisioned mode keep at least 3 event poller\(s\) standing plus Lambda's default minimum on 1/);
  expect(provisioned.report.lines.map((l: any) => l.item).join(' ')).not.toMatch(/poller/i);
});

test('Lambda Managed Instances: the always-running minimum environments are a note marked unverified, never a guessed price', () => {
  const managed = synth((s) => {
    const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    new ServerlessFunction(s, 'Set', { code, vpc, capacity: { minEnvironments: 5 } });
    new ServerlessFunction(s, 'Default', { code, vpc, capacity: {} });
  }, { dashboard: false });
  const note = managed.report.notes.find((n: string) => /Managed Instances/.test(n));
  expect(note).toMatch(/^UNVERIFIED, NOT IN THE TOTAL: 2 function version\(s\) on Lambda Managed Instances keep at least 8 execution environment\(s\) running while idle \(1 of them at Lambda's default minimum of 3/);
  expect(managed.report.lines.map((l: any) => l.item).join(' ')).not.toMatch(/environment|instance/i);
  expect(synth(fn(), { dashboard: false }).report.notes.join(' ')).not.toMatch(/Managed Instances/);
});
