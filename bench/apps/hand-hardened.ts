/// The resources of one default ServerlessFunction, written by hand with aws-cdk-lib L2s (for the
/// "library vs by hand" ratios of the synth and scale benchmarks), with the same template content: the same
/// properties and values (descriptions, alarm description and metric labels, log levels, one-year retention,
/// retained DLQ with its redrive-allow policy, ...) and the same acknowledgements a careful author adds by hand to
/// get a clean cdk-nag / checkov / cfn-lint run (`cdk_nag`, `checkov`, `cfn-lint` resource metadata, and
/// `Validations.acknowledge` for cdk-nag 3), with the same reasons. Per function: role + one managed policy, an
/// encrypted log group, a 14-day TLS-only DLQ, the function (RecursiveLoop Terminate), its version and `live`
/// alias, and one metric-math alarm over the same 10 metrics (RecursiveInvocationsDropped included); per stack:
/// one X-Ray managed policy shared by the roles of the stack; in the top-level stack: the KMS key and the alarm
/// topic. Construct ids follow the library's, so that logical ids have the same length.
/// `npx ts-node -P tsconfig.check.json bench/lib/compare-content.ts <libDir> <handDir>` checks that only names differ.
import { ArnFormat, CfnResource, Duration, IResource, RemovalPolicy, Size, Stack, Validations } from 'aws-cdk-lib';
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

const DLQ_REASON = 'This queue is the terminal failure sink of an event path (a dead-letter queue): it keeps failed events for 14 days, '
  + 'is encrypted and alarmed; a redrive policy on it would only move the problem to another queue.';
const XRAY_REASON = 'Every statement of this policy allows only actions that do not support resource-level permissions, on Resource *: '
  + 'X-Ray PutTraceSegments/PutTelemetryRecords, the VPC network-interface actions Lambda and its event source pollers need '
  + '(ec2:CreateNetworkInterface, DescribeNetworkInterfaces, DescribeSubnets, DescribeVpcs, DescribeSecurityGroups, DeleteNetworkInterface, '
  + 'AssignPrivateIpAddresses, UnassignPrivateIpAddresses) and dynamodb:ListStreams. The library routes a statement here only when every '
  + 'action is one of these, on Resource * alone, without condition; every other statement, including all of yours and every grant, lands '
  + "in the role's other policy, which carries no acknowledgement.";

function cfn(resource: IResource): CfnResource {
  return resource.node.defaultChild as CfnResource;
}

/** The KMS key (log groups and the alarm topic) and the alarm topic of the top-level stack, created on first use. */
function alarmTopic(root: Stack): sns.Topic {
  const existing = root.node.tryFindChild('BlueprintAlarmTopic') as sns.Topic | undefined;
  if (existing) {
    return existing;
  }
  const key = new kms.Key(root, 'BlueprintKey', {
    enableKeyRotation: true,
    description: `cdk-lambda-blueprints: log group and alarm topic encryption for ${root.stackName}`,
  });
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowCloudWatchLogsToEncryptLogGroups',
    principals: [new iam.ServicePrincipal(`logs.${root.region}.amazonaws.com`)],
    actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
    resources: ['*'],
    conditions: {
      ArnLike: {
        'kms:EncryptionContext:aws:logs:arn': root.formatArn({ service: 'logs', resource: 'log-group', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
      },
    },
  }));
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowCloudWatchAlarmsToPublishToEncryptedTopics',
    principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
    actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
    resources: ['*'],
    conditions: { StringEquals: { 'aws:SourceAccount': root.account } },
  }));
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'DenyGrantsExceptForAwsResources',
    effect: iam.Effect.DENY,
    principals: [new iam.AnyPrincipal()],
    actions: ['kms:CreateGrant'],
    resources: ['*'],
    conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
  }));
  return new sns.Topic(root, 'BlueprintAlarmTopic', { masterKey: key, enforceSSL: true, displayName: 'cdk-lambda-blueprints alarms' });
}

/** The X-Ray write policy of the stack of `scope` (IAM allows these actions on Resource * only), created on first use. */
function xrayPolicy(scope: Construct): iam.ManagedPolicy {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild('BlueprintXRayWritePolicy') as iam.ManagedPolicy | undefined;
  if (existing) {
    return existing;
  }
  const policy = new iam.ManagedPolicy(stack, 'BlueprintXRayWritePolicy', {
    description: 'X-Ray trace writes of the traced functions of this stack (IAM only allows them on Resource *)',
    statements: [new iam.PolicyStatement({ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] })],
  });
  Validations.of(policy).acknowledge({ id: 'AwsSolutions-IAM5[Resource::*]', reason: XRAY_REASON });
  cfn(policy).addMetadata('cdk_nag', { rules_to_suppress: [{ reason: XRAY_REASON, id: 'AwsSolutions-IAM5', applies_to: ['Resource::*'] }] });
  return policy;
}

export function handHardened(root: Stack, scope: Construct, id: string, handlerDir: string): void {
  const name = `${scope.node.path}/${id}`;
  const topic = alarmTopic(root);
  const key = root.node.findChild('BlueprintKey') as kms.Key;
  const role = new iam.Role(scope, `${id}Role`, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), description: `the function ${name}` });
  const policy = new iam.ManagedPolicy(scope, `${id}RolePolicy`, { roles: [role], description: `Every grant and statement of the function ${name}` });
  const xray = xrayPolicy(scope);
  xray.attachToRole(role);
  const logGroup = new logs.LogGroup(scope, `${id}LogGroup`, { retention: logs.RetentionDays.ONE_YEAR, encryptionKey: key });
  policy.addStatements(new iam.PolicyStatement({ sid: 'WriteOwnLogGroup', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
  const dlq = new sqs.Queue(scope, `${id}DeadLetterQueue`, {
    retentionPeriod: Duration.days(14),
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    redriveAllowPolicy: { redrivePermission: sqs.RedrivePermission.ALLOW_ALL },
    removalPolicy: RemovalPolicy.RETAIN,
  });
  Validations.of(dlq).acknowledge({ id: 'Serverless-SQSRedrivePolicy', reason: DLQ_REASON });
  cfn(dlq).addMetadata('cdk_nag', { rules_to_suppress: [{ reason: DLQ_REASON, id: 'Serverless-SQSRedrivePolicy' }] });
  cfn(dlq).addMetadata('cfn-lint', { config: { ignore_checks: ['ES6000'] } });
  cfn(dlq).addMetadata('checkov', {
    skip: [{
      id: 'CKV_AWS_27',
      comment: 'cdk-lambda-blueprints: The queue is encrypted at rest with SSE-SQS (SqsManagedSseEnabled), which the check does not recognise (it only looks for KmsMasterKey...',
    }],
  });
  policy.addStatements(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [dlq.queueArn] }));
  const fn = new lambda.Function(scope, `${id}Function`, {
    code: lambda.Code.fromAsset(handlerDir),
    handler: 'index.handler',
    runtime: LatestRuntime.NODEJS,
    architecture: lambda.Architecture.ARM_64,
    memorySize: 1024,
    ephemeralStorageSize: Size.mebibytes(512),
    timeout: Duration.seconds(30),
    // Every permission is in the managed policies above; an immutable view keeps aws-cdk-lib from adding
    // an inline DefaultPolicy for the DLQ and X-Ray grants (as the library's FunctionRole does).
    role: role.withoutPolicyUpdates(),
    logGroup,
    loggingFormat: lambda.LoggingFormat.JSON,
    applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
    systemLogLevelV2: lambda.SystemLogLevel.INFO,
    tracing: lambda.Tracing.ACTIVE,
    deadLetterQueue: dlq,
    recursiveLoop: lambda.RecursiveLoop.TERMINATE,
  });
  cfn(fn).addMetadata('checkov', { skip: [{ id: 'CKV_AWS_173', comment: 'cdk-lambda-blueprints: Lambda encrypts environment variables at rest with an AWS managed key.' }] });
  cfn(fn).addMetadata('cfn-lint', { config: { ignore_checks: ['WS1004', 'W3005'] } });
  // The function and its version wait for the role and both of its policies.
  fn.node.addDependency(role, policy, xray);
  const alias = new lambda.Alias(scope, `${id}LiveAlias`, { aliasName: 'live', version: fn.currentVersion });
  const period = Duration.minutes(5);
  const m = (metric: string, statistic = 'Sum') => alias.metric(metric, { statistic, period });
  const f = (metric: string) => fn.metric(metric, { statistic: 'Sum', period });
  new cloudwatch.Alarm(scope, `${id}AlarmsCombined`, {
    alarmDescription: `${name}: a failure signal crossed its threshold in the last 5 minutes (error rate >= 1 %; throttle rate >= 1 %; `
      + 'p99 duration >= 80 % of the 30 seconds timeout (24000 ms); asynchronous events dropped >= 1; failed deliveries to the dead-letter '
      + 'queue or destinations >= 1; invocations dropped in a recursive loop >= 1; failed events waiting in the dead-letter queue >= 1; '
      + 'oldest message in the dead-letter queue >= 864000 s (SQS deletes it after 14 days)). The alarm value counts the signals past '
      + 'their threshold; the function dashboard shows which.',
    metric: new cloudwatch.MathExpression({
      expression: '(FILL(errorRate, 0) >= 1) + (FILL(throttleRate, 0) >= 1) + (FILL(p99, 0) >= 24000) + (FILL(dropped, 0) >= 1)'
        + ' + (FILL(deliveries, 0) >= 1) + (FILL(recursion, 0) >= 1) + (FILL(dlqDepth, 0) >= 1) + (FILL(dlqAge, 0) >= 864000)',
      label: 'Signals past their threshold',
      period,
      usingMetrics: {
        errorRate: new cloudwatch.MathExpression({
          expression: '100 * errors / invocations', label: 'Error rate (%)', usingMetrics: { errors: m('Errors'), invocations: m('Invocations') }, period,
        }),
        throttleRate: new cloudwatch.MathExpression({
          expression: '100 * throttles / (invocations + throttles)',
          label: 'Throttle rate (%)',
          usingMetrics: { throttles: m('Throttles'), invocations: m('Invocations') },
          period,
        }),
        p99: m('Duration', 'p99'),
        dropped: f('AsyncEventsDropped'),
        deliveries: new cloudwatch.MathExpression({
          expression: 'FILL(dlq, 0) + FILL(destinations, 0)',
          label: 'Failed deliveries to the DLQ and destinations',
          usingMetrics: { dlq: f('DeadLetterErrors'), destinations: f('DestinationDeliveryFailures') },
          period,
        }),
        recursion: f('RecursiveInvocationsDropped'),
        dlqDepth: dlq.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
        dlqAge: dlq.metricApproximateAgeOfOldestMessage({ period, statistic: 'Maximum' }),
      },
    }),
    threshold: 1,
    evaluationPeriods: 1,
    datapointsToAlarm: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  }).addAlarmAction(new cwActions.SnsAction(topic));
}
