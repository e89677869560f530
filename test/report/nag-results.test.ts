import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Aspects, Stack } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks, NagSuppressions } from 'cdk-nag-v2';
import { readReportModel } from '../../src/report/private/read-report';
import { NagPackReport, ReportModel } from '../../src/report/private/report-model';
import { stackOf } from '../helpers/report';


const FIXTURE = path.join(__dirname, '..', 'fixtures', 'report', 'policy-validation-report.json');
const pack = (model: ReportModel, name: string): NagPackReport => stackOf(model, 'Nagged').nagPacks.find((p) => p.pack === name)!;

describe('cdk-nag results per pack', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-nag-'));
  const app = new App({ outdir });
  const stack = new Stack(app, 'Nagged', { env: { account: '123456789012', region: 'us-east-1' } });
  const queue = new sqs.Queue(stack, 'Queue');
  const acknowledged = new sqs.Queue(stack, 'Acknowledged', { enforceSSL: true });
  NagSuppressions.addResourceSuppressions(acknowledged, [
    { id: 'AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue of the library.' },
    { id: 'HIPAA.Security-SQSQueueSSLRequestsOnly', reason: 'User decision (tlsElsewhere): TLS is enforced at the proxy.' },
  ]);
  Aspects.of(stack).add(new AwsSolutionsChecks());
  app.synth();
  const fromSynth = readReportModel(outdir);
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('cdk-nag 2 findings (annotations) are the pack\'s unacknowledged findings; the pack ran', () => {
    const aws = pack(fromSynth, 'AwsSolutions');
    expect(aws.ran).toBe(true);
    expect(aws.unacknowledged).toContainEqual(expect.objectContaining({ path: `${queue.node.path}/Resource`, id: 'AwsSolutions-SQS3', level: 'error' }));
    expect(aws.unacknowledged.some((f) => f.path.startsWith('Nagged/Acknowledged/') && f.id === 'AwsSolutions-SQS3')).toBe(false);
    expect(fromSynth.summary.unacknowledgedFindings).toBe(aws.unacknowledged.length);
    expect(stackOf(fromSynth, 'Nagged').warnings.filter((w) => w.id?.startsWith('AwsSolutions-'))).toEqual([]);
  });

  test('the packs that did not run show only their acknowledgements', () => {
    expect(fromSynth.stacks[0].nagPacks.map((p) => [p.pack, p.ran])).toEqual([
      ['AwsSolutions', true], ['HIPAA.Security', false], ['NIST.800.53.R5', false], ['PCI.DSS.321', false], ['Serverless', false],
    ]);
    expect(pack(fromSynth, 'AwsSolutions').acknowledgedByLibrary).toBe(1);
    expect(pack(fromSynth, 'HIPAA.Security')).toEqual({ pack: 'HIPAA.Security', ran: false, unacknowledged: [], acknowledgedByLibrary: 0, acknowledgedByUser: 1 });
    expect(stackOf(fromSynth, 'Nagged').userDecisions).toEqual([{
      ruleId: 'HIPAA.Security-SQSQueueSSLRequestsOnly',
      pack: 'HIPAA.Security',
      path: 'Nagged/Acknowledged/Resource',
      reason: 'TLS is enforced at the proxy.',
      decision: 'tlsElsewhere',
    }]);
    expect(fromSynth.summary.userDecisions).toBe(1);
  });

  test('a cdk-nag 2 pack with no finding ran when its report file for the stack is there', () => {
    expect(fs.existsSync(path.join(outdir, 'AwsSolutions--Nagged-NagReport.csv'))).toBe(true);
    const file = path.join(outdir, 'PCI.DSS.321--Nagged-NagReport.csv');
    fs.writeFileSync(file, 'Rule ID,Resource ID,Compliance,Exception Reason,Rule Level,Rule Info\n');
    expect(pack(readReportModel(outdir), 'PCI.DSS.321')).toEqual({
      pack: 'PCI.DSS.321', ran: true, unacknowledged: [], acknowledgedByLibrary: 0, acknowledgedByUser: 0,
    });
    fs.rmSync(file);
  });

  test('cdk-nag 3 packs run as plugins at synth: their findings on the stack\'s resources', () => {
    const model = readReportModel(outdir, [{
      pack: 'Serverless',
      findings: [
        { path: '/Nagged/Queue/Resource', level: 'error', id: 'Serverless-SQSRedrivePolicy', message: 'No redrive policy.' },
        { path: 'Other/Queue/Resource', level: 'error', id: 'Serverless-SQSRedrivePolicy', message: 'Another stack.' },
      ],
    }]);
    expect(pack(model, 'Serverless')).toMatchObject({ ran: true, unacknowledged: [{ path: 'Nagged/Queue/Resource', id: 'Serverless-SQSRedrivePolicy' }] });
    expect(model.summary.unacknowledgedFindings).toBe(fromSynth.summary.unacknowledgedFindings + 1);
  });

  test('from the CLI: the packs of policy-validation-report.json, other plugins left out', () => {
    fs.copyFileSync(FIXTURE, path.join(outdir, 'policy-validation-report.json'));
    const model = readReportModel(outdir);
    expect(pack(model, 'HIPAA.Security')).toMatchObject({
      ran: true,
      unacknowledged: [{ path: 'Nagged/Queue/Resource', level: 'error', id: 'HIPAA.Security-SQSQueueSSLRequestsOnly', message: 'The SQS queue does not require requests to use SSL.' }],
      acknowledgedByUser: 1,
    });
    expect(pack(model, 'NIST.800.53.R5')).toMatchObject({ ran: true, unacknowledged: [] });
    expect(pack(model, 'PCI.DSS.321').ran).toBe(false);
    // A pack passed in at synth wins over the report's.
    expect(pack(readReportModel(outdir, [{ pack: 'HIPAA.Security', findings: [] }]), 'HIPAA.Security').unacknowledged).toEqual([]);
    fs.rmSync(path.join(outdir, 'policy-validation-report.json'));
  });

  test('from the CLI: validation-report.json, the format of newer aws-cdk-lib versions (2.278)', () => {
    fs.writeFileSync(path.join(outdir, 'validation-report.json'), JSON.stringify({
      version: '55.0.0',
      title: 'Validation Report',
      pluginReports: [{
        pluginName: 'Serverless',
        conclusion: 'failure',
        violations: [{
          ruleName: 'Serverless-EventBusDLQ',
          description: 'The EventBridge Target does not have a DLQ configured.',
          severity: 'error',
          violatingConstructs: [{ constructPath: 'Nagged/Queue/Resource', constructFqn: 'aws-cdk-lib.aws_events.CfnRule', stackTraces: [] }],
        }],
      }],
    }));
    try {
      expect(pack(readReportModel(outdir), 'Serverless')).toMatchObject({
        ran: true,
        unacknowledged: [{ path: 'Nagged/Queue/Resource', level: 'error', id: 'Serverless-EventBusDLQ', message: 'The EventBridge Target does not have a DLQ configured.' }],
      });
    } finally {
      fs.rmSync(path.join(outdir, 'validation-report.json'));
    }
  });
});
