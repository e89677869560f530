/// One measured synth of the synth benchmark, in a fresh process (bundling excluded).
/// Usage: synth-app.ts <hardened|hand|bare> <N> <outdir>
/// `hand` writes the hardening a ServerlessFunction applies by hand with aws-cdk-lib L2s (the same
/// resources: role + managed policy, encrypted log group, DLQ with policy, 7 alarms, version, alias),
/// so hardened / hand is the library's own overhead and hand / bare the cost of the resources.
/// Prints {"ms": <construct + synth time>, "resources": <count>, "types": {type: count}}.
import * as fs from 'fs';
import * as path from 'path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { FunctionCode, LatestRuntime, ServerlessFunction } from '../../src';

const [impl, nArg, outdir] = process.argv.slice(2);
const n = Number(nArg);
const handlerDir = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'handler');

const t0 = performance.now();
const app = new App({
  outdir,
  context: {
    'aws:cdk:bundling-stacks': [],
    // 100 hardened functions exceed CloudFormation's 500 resources per stack; the benchmark measures synth only.
    '@aws-cdk/core:stackResourceLimit': 0,
  },
});
const stack = new Stack(app, 'SynthBench', { env: { account: '123456789012', region: 'us-east-1' } });
for (let i = 0; i < n; i++) {
  if (impl === 'hardened') {
    new ServerlessFunction(stack, `Fn${i}`, { code: FunctionCode.fromAsset(handlerDir) });
  } else if (impl === 'hand') {
    handHardened(stack, i);
  } else if (impl === 'bare') {
    new lambda.Function(stack, `Fn${i}`, {
      code: lambda.Code.fromAsset(handlerDir), handler: 'index.handler', runtime: LatestRuntime.NODEJS,
    });
  } else {
    throw new Error(`unknown implementation ${impl}`);
  }
}
app.synth();
const ms = performance.now() - t0;
const resources = Object.values<any>(JSON.parse(fs.readFileSync(path.join(outdir, 'SynthBench.template.json'), 'utf8')).Resources);
const types: { [type: string]: number } = {};
for (const r of resources) {
  types[r.Type] = (types[r.Type] ?? 0) + 1;
}
console.log(JSON.stringify({ ms, resources: resources.length, types }));

/** The same resources a default ServerlessFunction creates, written by hand. */
function handHardened(scope: Stack, i: number): void {
  const key = (scope.node.tryFindChild('Key') as kms.Key) ?? new kms.Key(scope, 'Key', { enableKeyRotation: true });
  const topic = (scope.node.tryFindChild('Alarms') as sns.Topic) ?? new sns.Topic(scope, 'Alarms', { masterKey: key, enforceSSL: true });
  const role = new iam.Role(scope, `Fn${i}Role`, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  const policy = new iam.ManagedPolicy(scope, `Fn${i}Policy`, { roles: [role] });
  const logGroup = new logs.LogGroup(scope, `Fn${i}Logs`, { retention: logs.RetentionDays.THREE_MONTHS, encryptionKey: key });
  policy.addStatements(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
  const dlq = new sqs.Queue(scope, `Fn${i}Dlq`, { retentionPeriod: Duration.days(14), encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true });
  policy.addStatements(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [dlq.queueArn] }));
  policy.addStatements(new iam.PolicyStatement({ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] }));
  const fn = new lambda.Function(scope, `Fn${i}`, {
    code: lambda.Code.fromAsset(handlerDir),
    handler: 'index.handler',
    runtime: LatestRuntime.NODEJS,
    architecture: lambda.Architecture.ARM_64,
    memorySize: 1024,
    timeout: Duration.seconds(30),
    role,
    logGroup,
    loggingFormat: lambda.LoggingFormat.JSON,
    tracing: lambda.Tracing.ACTIVE,
    deadLetterQueue: dlq,
  });
  fn.node.addDependency(policy);
  const alias = new lambda.Alias(scope, `Fn${i}Live`, { aliasName: 'live', version: fn.currentVersion });
  const action = new cwActions.SnsAction(topic);
  const alarm = (id: string, metric: cloudwatch.IMetric) =>
    new cloudwatch.Alarm(scope, `Fn${i}${id}`, { metric, threshold: 1, evaluationPeriods: 1 }).addAlarmAction(action);
  alarm('Errors', alias.metricErrors());
  alarm('Throttles', alias.metricThrottles());
  alarm('Duration', alias.metricDuration({ statistic: 'p99' }));
  alarm('Dropped', fn.metric('AsyncEventsDropped'));
  alarm('Delivery', fn.metric('DeadLetterErrors'));
  alarm('DlqDepth', dlq.metricApproximateNumberOfMessagesVisible());
  alarm('DlqAge', dlq.metricApproximateAgeOfOldestMessage());
}
