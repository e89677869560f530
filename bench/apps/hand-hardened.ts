/// The resources of one default ServerlessFunction, written by hand with aws-cdk-lib L2s (for the
/// "library vs by hand" ratios of the synth and scale benchmarks): role + one managed policy, an
/// encrypted log group, a 14-day TLS-only DLQ, the function (RecursiveLoop Terminate), its version and `live`
/// alias, and one metric-math alarm over the same 10 metrics (RecursiveInvocationsDropped included); the KMS
/// key and alarm topic are shared by the top-level stack.
import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { LatestRuntime } from '../../src';

export function handHardened(root: Stack, scope: Construct, id: string, handlerDir: string): void {
  const key = (root.node.tryFindChild('Key') as kms.Key) ?? new kms.Key(root, 'Key', { enableKeyRotation: true });
  const topic = (root.node.tryFindChild('Alarms') as sns.Topic) ?? new sns.Topic(root, 'Alarms', { masterKey: key, enforceSSL: true });
  const role = new iam.Role(scope, `${id}Role`, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  const policy = new iam.ManagedPolicy(scope, `${id}Policy`, { roles: [role] });
  const logGroup = new logs.LogGroup(scope, `${id}Logs`, { retention: logs.RetentionDays.THREE_MONTHS, encryptionKey: key });
  policy.addStatements(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
  const dlq = new sqs.Queue(scope, `${id}Dlq`, { retentionPeriod: Duration.days(14), encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true });
  policy.addStatements(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [dlq.queueArn] }));
  policy.addStatements(new iam.PolicyStatement({ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] }));
  const fn = new lambda.Function(scope, id, {
    code: lambda.Code.fromAsset(handlerDir),
    handler: 'index.handler',
    runtime: LatestRuntime.NODEJS,
    architecture: lambda.Architecture.ARM_64,
    memorySize: 1024,
    timeout: Duration.seconds(30),
    // Every permission is in the managed policy above; an immutable view keeps aws-cdk-lib from adding
    // an inline DefaultPolicy for the DLQ and X-Ray grants (as the library's FunctionRole does).
    role: role.withoutPolicyUpdates(),
    logGroup,
    loggingFormat: lambda.LoggingFormat.JSON,
    tracing: lambda.Tracing.ACTIVE,
    deadLetterQueue: dlq,
    recursiveLoop: lambda.RecursiveLoop.TERMINATE,
  });
  fn.node.addDependency(policy);
  const alias = new lambda.Alias(scope, `${id}Live`, { aliasName: 'live', version: fn.currentVersion });
  const period = Duration.minutes(5);
  const m = (name: string, statistic = 'Sum') => alias.metric(name, { statistic, period });
  const f = (name: string) => fn.metric(name, { statistic: 'Sum', period });
  new cloudwatch.Alarm(scope, `${id}Health`, {
    metric: new cloudwatch.MathExpression({
      expression: '(FILL(errorRate, 0) >= 1) + (FILL(throttleRate, 0) >= 1) + (FILL(p99, 0) >= 24000) + (FILL(dropped, 0) >= 1)'
        + ' + (FILL(deliveries, 0) >= 1) + (FILL(recursion, 0) >= 1) + (FILL(dlqDepth, 0) >= 1) + (FILL(dlqAge, 0) >= 864000)',
      period,
      usingMetrics: {
        errorRate: new cloudwatch.MathExpression({ expression: '100 * errors / invocations', usingMetrics: { errors: m('Errors'), invocations: m('Invocations') }, period }),
        throttleRate: new cloudwatch.MathExpression({ expression: '100 * throttles / (invocations + throttles)', usingMetrics: { throttles: m('Throttles'), invocations: m('Invocations') }, period }),
        p99: m('Duration', 'p99'),
        dropped: f('AsyncEventsDropped'),
        deliveries: new cloudwatch.MathExpression({ expression: 'FILL(dlq, 0) + FILL(destinations, 0)', usingMetrics: { dlq: f('DeadLetterErrors'), destinations: f('DestinationDeliveryFailures') }, period }),
        recursion: f('RecursiveInvocationsDropped'),
        dlqDepth: dlq.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
        dlqAge: dlq.metricApproximateAgeOfOldestMessage({ period, statistic: 'Maximum' }),
      },
    }),
    threshold: 1,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  }).addAlarmAction(new cwActions.SnsAction(topic));
}
