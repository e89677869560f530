import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Stack, Stage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { FunctionCode } from '../../src';
import { readReportModel } from '../../src/report/private/read-report';
import { FunctionGroup } from '../../src/scale/function-group';
import { reportOf, stackOf } from '../helpers/report';
import { HANDLER_DIR } from '../helpers/template';


const env = { account: '123456789012', region: 'us-east-1' };
const inline = () => ({ runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {};') });

describe('a FunctionGroup: functions in nested templates', () => {
  const model = reportOf((app) => {
    const stack = new Stack(app, 'Grouped', { env });
    const group = new FunctionGroup(stack, 'Group', { shards: 3 });
    for (const id of ['Alpha', 'Bravo', 'Charlie', 'Delta']) {
      group.addFunction(id, { code: FunctionCode.fromAsset(HANDLER_DIR) });
    }
  });
  const stack = stackOf(model, 'Grouped');

  test('the stack\'s template first, then the shards\' templates, relative to the assembly', () => {
    expect(stack.templates[0]).toBe('Grouped.template.json');
    expect(stack.templates.length).toBeGreaterThan(1);
    expect(stack.templates.slice(1).every((t) => /^[^/]+\.nested\.template\.json$/.test(t))).toBe(true);
  });

  test('every function of the shards, with its file, alias, sink and alarm', () => {
    expect(stack.functions.map((f) => f.name.split('/').pop()).sort()).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta']);
    for (const f of stack.functions) {
      expect(f.file).not.toBe('Grouped.template.json');
      expect(stack.templates).toContain(f.file);
      expect(f).toMatchObject({ blueprint: true, alias: 'live', codeKind: 'zip asset', asyncFailureSink: { kind: 'SQS queue' } });
      expect(f.path.startsWith('Grouped/')).toBe(true);
      expect(f.alarms.length).toBeGreaterThan(0);
    }
    expect(model.summary.functions).toBe(4);
  });
});

describe('a Stage (nested assembly) and a sink imported from another stack', () => {
  const model = reportOf((app) => {
    const shared = new Stack(app, 'Shared', { env });
    const queue = new sqs.Queue(shared, 'Failures');
    const consumer = new Stack(app, 'Consumer', { env });
    new lambda.Function(consumer, 'Fn', { ...inline(), deadLetterQueue: queue });
    const stage = new Stage(app, 'Prod', { env });
    new lambda.Function(new Stack(stage, 'Api'), 'Handler', inline());
  });

  test('the Stage\'s stack is read from its nested assembly, its id unique in the app', () => {
    expect(model.stacks.map((s) => s.id)).toEqual(['Consumer', 'Prod/Api', 'Shared']);
    const api = stackOf(model, 'Prod/Api');
    expect(api.displayName).toBe('Prod/Api');
    expect(api.templates).toEqual([expect.stringMatching(/^assembly-Prod\/.+\.template\.json$/)]);
    expect(api.functions.map((f) => f.path)).toEqual(['Prod/Api/Handler/Resource']);
    expect(api.environment).toBe('aws://123456789012/us-east-1');
  });

  test('a dead-letter queue of another stack resolves through its export', () => {
    expect(stackOf(model, 'Consumer').functions[0].asyncFailureSink).toMatchObject({
      kind: 'SQS queue', name: 'Shared/Failures/Resource', retentionSeconds: 345_600,
    });
  });
});

describe('an assembly with missing and odd files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-odd-'));
  const write = (file: string, content: unknown) => fs.writeFileSync(path.join(dir, file), typeof content === 'string' ? content : JSON.stringify(content));
  write('manifest.json', {
    version: '40.0.0',
    artifacts: {
      Odd: {
        type: 'aws:cloudformation:stack',
        environment: 'aws://unknown-account/unknown-region',
        properties: { templateFile: 'Odd.template.json' },
        metadata: {
          '/Odd/Fn/Resource': [{ type: 'aws:cdk:logicalId', data: 'Fn' }, { type: 'aws:cdk:warning', data: 'Look at this [ack: my-lib:look]' }],
          '/Odd/Bare': [{ type: 'aws:cdk:logicalId', data: 'Bare' }, { type: 'aws:cdk:error', data: 'Something is wrong' }],
          '/Odd/Weird': 'not a list',
        },
      },
      NoTemplate: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Missing.template.json' } },
      Gone: { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Gone' } },
      Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } },
    },
  });
  write('Odd.template.json', {
    Parameters: { Memory: { Type: 'Number' } },
    Resources: {
      Fn: {
        Type: 'AWS::Lambda::Function',
        Properties: { Code: { ZipFile: 'x' }, MemorySize: { Ref: 'Memory' }, Runtime: { Ref: 'Memory' }, Architectures: { Ref: 'Memory' }, DeadLetterConfig: { TargetArn: 'arn:aws:sqs:us-east-1:111111111111:elsewhere' } },
      },
      Bare: { Type: 'AWS::Lambda::Function' },
      Zip: { Type: 'AWS::Lambda::Function', Properties: { Code: { S3Bucket: 'b', S3Key: 'k.zip' }, Timeout: 'soon', DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': ['Queue', 'Arn'] } } } },
      Queue: { Type: 'AWS::SQS::Queue', Properties: { SqsManagedSseEnabled: false, MessageRetentionPeriod: { Ref: 'Memory' } } },
      Odd: { Type: 'Custom::Whatever', Properties: { Anything: [{ 'Fn::If': ['c', 1, 2] }] } },
      Alarm: { Type: 'AWS::CloudWatch::Alarm' },
      Composite: { Type: 'AWS::CloudWatch::CompositeAlarm', Properties: { AlarmRule: { 'Fn::Join': ['', ['ALARM(', { 'Fn::GetAtt': ['Alarm', 'Arn'] }, ')']] } } },
      Config: { Type: 'AWS::Lambda::EventInvokeConfig' },
      Nested: { Type: 'AWS::CloudFormation::Stack', Metadata: { 'aws:asset:path': 'Missing.nested.template.json' } },
      Acked: { Type: 'AWS::SQS::Queue', Metadata: { cdk_nag: { rules_to_suppress: [{ id: 'AwsSolutions-SQS3', reason: Buffer.from('Réason ✓').toString('base64'), is_reason_encoded: true }, { reason: 'no id' }] } } },
    },
  });
  write('Odd.cost.json', '{ not json');
  const model = readReportModel(dir);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('still reads: unknown settings reported as unknown, missing files skipped', () => {
    expect(model.stacks.map((s) => s.id)).toEqual(['NoTemplate', 'Odd']);
    expect(stackOf(model, 'NoTemplate')).toMatchObject({ templates: [], functions: [], resources: 0, environment: 'aws://unknown-account/unknown-region' });
    const odd = stackOf(model, 'Odd');
    expect(odd.templates).toEqual(['Odd.template.json']);
    expect(odd.functions).toEqual([
      expect.objectContaining({ name: 'Odd/Bare', codeKind: 'unknown', runtime: 'unknown', architecture: 'x86_64', memoryMb: 128, timeoutSeconds: 3 }),
      expect.objectContaining({
        name: 'Odd/Fn',
        codeKind: 'inline',
        runtime: 'unknown',
        architecture: 'unknown',
        memoryMb: 0,
        asyncFailureSink: { kind: 'SQS queue', name: 'arn:aws:sqs:us-east-1:111111111111:elsewhere' },
      }),
      expect.objectContaining({
        name: 'Zip',
        codeKind: 'S3 object',
        timeoutSeconds: 0,
        asyncFailureSink: { kind: 'SQS queue', name: 'Queue', logicalId: 'Queue', encrypted: false },
      }),
    ]);
    expect(odd.alarms.map((a) => [a.logicalId, a.kind, a.notifies])).toEqual([['Alarm', 'standard', false], ['Composite', 'composite', false]]);
    expect(odd.alarms[1].watches).toBe('ALARM(Alarm)');
    expect(odd.cost).toBeUndefined();
    expect(model.summary.stacksWithoutCost).toBe(2);
  });

  test('inline metadata: warnings and errors with their ids; an encoded reason decoded', () => {
    expect(stackOf(model, 'Odd').warnings).toEqual([
      { path: 'Odd/Bare', level: 'error', message: 'Something is wrong' },
      { path: 'Odd/Fn/Resource', level: 'warning', id: 'my-lib:look', message: 'Look at this' },
    ]);
    expect(stackOf(model, 'Odd').acknowledgements).toEqual([{ ruleId: 'AwsSolutions-SQS3', pack: 'AwsSolutions', path: 'Acked', reason: 'Réason ✓' }]);
  });
});
