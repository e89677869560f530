import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Environment } from 'aws-cdk-lib';
import { acknowledgeUserDecisions, REFERENCE_WORKLOADS } from '../../examples/reference-workloads';
import { Blueprints } from '../../src/compliance/blueprints';
import { readReportModel } from '../../src/report/private/read-report';
import { ReportModel, StackReport } from '../../src/report/private/report-model';

// The event paths are another part's (event-paths.ts, tested on its own); here they are none.

const env: Environment = { account: '123456789012', region: 'us-east-1' };

/** The example app as examples/app.ts builds it, synthesized into `outdir`. */
function synthExampleApp(outdir: string): void {
  const app = new App({ outdir });
  acknowledgeUserDecisions(app);
  for (const workload of REFERENCE_WORKLOADS) {
    workload.build(app, env);
  }
  Blueprints.applyTo(app, { nagPacks: [], dashboard: false, hardenPlainFunctions: false, resourceBudget: false });
  app.synth();
}

/** Every `AWS::Lambda::Function` of the assembly's templates (nested ones included), counted from the files. */
function functionsInTemplates(outdir: string): number {
  return fs.readdirSync(outdir).filter((f) => f.endsWith('.template.json') || f.endsWith('.nested.template.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(outdir, f), 'utf-8')))
    .reduce((n, t) => n + Object.values<any>(t.Resources ?? {}).filter((r) => r.Type === 'AWS::Lambda::Function').length, 0);
}

describe('readReportModel over the example app', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-example-'));
  synthExampleApp(outdir);
  const model: ReportModel = readReportModel(outdir);
  const stack = (id: string): StackReport => model.stacks.find((s) => s.id === id)!;
  const fn = (stackId: string, name: string) => stack(stackId).functions.find((f) => f.name === `${stackId}/${name}`)!;

  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('one report per stack, sorted by id', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf-8'));
    const ids = Object.entries<any>(manifest.artifacts).filter(([, a]) => a.type === 'aws:cloudformation:stack').map(([id]) => id).sort();
    expect(model.stacks.map((s) => s.id)).toEqual(ids);
    expect(model.summary.stacks).toBe(REFERENCE_WORKLOADS.length);
  });

  test('every function of the templates is a function of the report', () => {
    const count = functionsInTemplates(outdir);
    expect(count).toBeGreaterThan(20);
    expect(model.summary.functions).toBe(count);
    expect(model.stacks.reduce((n, s) => n + s.functions.length, 0)).toBe(count);
  });

  test('a ServerlessFunction: its settings, live alias, dead-letter queue and combined alarm', () => {
    expect(fn('BlueprintsCore', 'Hello')).toEqual({
      id: 'BlueprintsCore/Hello/Function/Resource',
      logicalId: expect.stringMatching(/^HelloFunction/),
      file: 'BlueprintsCore.template.json',
      path: 'BlueprintsCore/Hello/Function/Resource',
      name: 'BlueprintsCore/Hello',
      blueprint: true,
      codeKind: 'zip asset',
      runtime: expect.stringMatching(/^nodejs/),
      architecture: 'arm64',
      memoryMb: expect.any(Number),
      timeoutSeconds: expect.any(Number),
      alias: 'live',
      asyncFailureSink: {
        kind: 'SQS queue',
        name: 'BlueprintsCore/Hello/DeadLetterQueue/Queue/Resource',
        logicalId: expect.stringMatching(/^HelloDeadLetterQueue/),
        retentionSeconds: 14 * 24 * 3600,
        encrypted: true,
      },
      alarms: ['BlueprintsCore/Hello/Alarms/Combined/Resource'],
    });
  });

  test('the code kinds of the example: a container image and an S3 object next to zip assets', () => {
    expect(fn('BlueprintsPlatform', 'Thumbnailer')).toMatchObject({ codeKind: 'container image', runtime: 'container image' });
    expect(fn('BlueprintsFunctionModes', 'Invoices')).toMatchObject({ codeKind: 'S3 object' });
    expect(fn('BlueprintsPythonJava', 'PythonOrders').runtime).toMatch(/^python3/);
  });

  test('fleet-monitored functions are watched by the fleet\'s Metrics Insights alarms', () => {
    const checkout = fn('BlueprintsOperations', 'Checkout');
    const insights = stack('BlueprintsOperations').alarms.filter((a) => a.kind === 'Metrics Insights' && a.watches.includes('FROM SCHEMA("AWS/Lambda"'));
    expect(insights.length).toBeGreaterThan(0);
    expect(checkout.alarms).toEqual(expect.arrayContaining(insights.map((a) => a.path)));
  });

  test('alarms: the combined metric-math alarm with its condition and action', () => {
    const combined = stack('BlueprintsCore').alarms.find((a) => a.path === 'BlueprintsCore/Hello/Alarms/Combined/Resource');
    expect(combined).toMatchObject({ kind: 'metric math', threshold: 1, notifies: true, condition: '>= 1 for 1 of 1 x 300 s, missing data: notBreaching' });
    expect(combined!.watches).toContain('FILL(errorRate, 0)');
    expect(model.summary.alarms).toBe(model.stacks.reduce((n, s) => n + s.alarms.length, 0));
  });

  test('acknowledgements are split into the library\'s and the user\'s decisions, each with its reason', () => {
    const core = stack('BlueprintsCore');
    expect(core.acknowledgements.length).toBeGreaterThan(0);
    expect(core.userDecisions.length).toBeGreaterThan(0);
    expect(core.acknowledgements.every((a) => a.decision === undefined && !a.reason.startsWith('User decision') && a.reason.length > 0)).toBe(true);
    expect(core.userDecisions).toContainEqual(expect.objectContaining({
      ruleId: 'HIPAA.Security-LambdaInsideVPC',
      pack: 'HIPAA.Security',
      decision: 'noVpc',
      path: 'BlueprintsCore/Hello/Function/Resource',
      reason: expect.not.stringMatching(/^User decision/),
    }));
    expect(core.acknowledgements).toContainEqual(expect.objectContaining({ ruleId: 'AwsSolutions-IAM5[Resource::*]', pack: 'AwsSolutions' }));
    expect(model.summary.userDecisions).toBeGreaterThan(0);
    expect(model.summary.libraryAcknowledgements).toBeGreaterThan(0);
  });

  test('the five packs are listed per stack; none ran (nagPacks: []): only acknowledgement counts', () => {
    for (const s of model.stacks) {
      expect(s.nagPacks.map((p) => p.pack)).toEqual(['AwsSolutions', 'HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321', 'Serverless']);
      expect(s.nagPacks.every((p) => !p.ran && p.unacknowledged.length === 0)).toBe(true);
    }
    const hipaa = stack('BlueprintsCore').nagPacks.find((p) => p.pack === 'HIPAA.Security')!;
    expect(hipaa.acknowledgedByUser).toBeGreaterThan(0);
    expect(model.summary.unacknowledgedFindings).toBe(0);
  });

  test('the idle cost is each stack\'s cost file, summed in the summary', () => {
    let total = 0;
    for (const s of model.stacks) {
      const file = JSON.parse(fs.readFileSync(path.join(outdir, `${s.id}.cost.json`), 'utf-8'));
      expect(s.cost).toEqual({
        monthlyUsd: file.monthlyUsd,
        unverifiedMonthlyUsd: file.unverifiedMonthlyUsd,
        lines: file.lines,
        unverifiedLines: file.unverifiedLines,
        rates: file.rates,
        priceTable: file.priceTable,
      });
      total += file.monthlyUsd;
    }
    expect(model.summary.monthlyUsd).toBeCloseTo(total, 2);
    expect(model.summary.stacksWithoutCost).toBe(0);
  });

  test('warnings keep their ids; the same model from two reads, with no absolute path', () => {
    expect(stack('BlueprintsFunctionModes').warnings).toContainEqual(expect.objectContaining({ id: '@aws-cdk/aws-ec2:noSubnetRouteTableId', level: 'warning' }));
    const text = JSON.stringify(model);
    expect(text).toEqual(JSON.stringify(readReportModel(outdir)));
    expect(text).not.toContain(outdir);
    expect(text).not.toContain(os.tmpdir());
    expect(stack('BlueprintsCore').templates).toEqual(['BlueprintsCore.template.json']);
  });
});
