import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { acknowledge, acknowledgeResourceWildcards } from '../../acknowledgements/acknowledge';
import { FunctionAcknowledgement, ResourceWildcardAcknowledgement } from '../../acknowledgements/acknowledgements';
import { EnhancedMonitoring } from '../enhanced-monitoring';
import { monitoringLayerArn } from './checks/enhanced-monitoring';
import { EXEC_WRAPPER_VARIABLE, OTEL_EXEC_WRAPPER } from './monitoring-layers';

/** What the function adds for its enhanced monitoring. @internal */
export interface EnhancedMonitoringConfig {
  /** The AWS layer (referenced by ARN, not created). */
  readonly layer: lambda.ILayerVersion;
  /** Variables to add to the function's environment. */
  readonly environment: { readonly [name: string]: string };
  /** The library-only policy holding the permissions of the AWS managed policy it replaces. */
  readonly policy: iam.ManagedPolicy;
}

/**
 * The layer, variables and permissions of `enhancedMonitoring` (checked before: the layer exists in the
 * tables). The permissions are those of the AWS managed policy, written as customer-managed statements
 * in a policy only the library writes (AwsSolutions-IAM4 never applies):
 *
 * - Lambda Insights (CloudWatchLambdaInsightsExecutionRolePolicy): `logs:CreateLogGroup` on `*`, and
 *   `logs:CreateLogStream`/`logs:PutLogEvents` on `/aws/lambda-insights` (here: of this account and Region).
 * - Application Signals (CloudWatchLambdaApplicationSignalsExecutionRolePolicy): `logs:CreateLogGroup`,
 *   `CreateLogStream`, `PutLogEvents` on `/aws/application-signals/data` with the same `aws:ResourceAccount`
 *   condition. Its `xray:PutTraceSegments` statement is the stack's X-Ray policy's already (tracing is
 *   active, which the checks require).
 *
 * @internal
 */
export function configureEnhancedMonitoring(
  scope: Construct, role: iam.IRole, monitoring: EnhancedMonitoring | undefined,
  s: { readonly runtime: lambda.Runtime | undefined; readonly architecture: lambda.Architecture },
): EnhancedMonitoringConfig | undefined {
  const stack = Stack.of(scope);
  const arn = monitoringLayerArn(stack.region, monitoring, s);
  if (monitoring === undefined || arn === undefined) {
    return undefined;
  }
  const insights = monitoring === EnhancedMonitoring.LAMBDA_INSIGHTS;
  const logGroup = stack.formatArn({
    service: 'logs',
    resource: 'log-group',
    resourceName: `${insights ? '/aws/lambda-insights' : '/aws/application-signals/data'}:*`,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
  });
  const statements = insights
    ? [
      new iam.PolicyStatement({ sid: 'LambdaInsightsCreateLogGroup', actions: ['logs:CreateLogGroup'], resources: ['*'] }),
      new iam.PolicyStatement({ sid: 'LambdaInsightsWriteLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup] }),
    ]
    : [
      new iam.PolicyStatement({
        sid: 'ApplicationSignalsWriteLogs',
        actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup],
        conditions: { StringEquals: { 'aws:ResourceAccount': '${aws:PrincipalAccount}' } },
      }),
    ];
  const policy = new iam.ManagedPolicy(scope, 'EnhancedMonitoringPolicy', {
    description: insights
      ? `Lambda Insights of ${scope.node.path} (the permissions of CloudWatchLambdaInsightsExecutionRolePolicy)`
      : `Application Signals of ${scope.node.path} (the permissions of CloudWatchLambdaApplicationSignalsExecutionRolePolicy)`,
    roles: [role],
    statements,
  });
  acknowledgeResourceWildcards(policy, ResourceWildcardAcknowledgement.ENHANCED_MONITORING_LOG_GROUP, [logGroup]);
  if (insights) {
    acknowledge(policy, FunctionAcknowledgement.LAMBDA_INSIGHTS_CREATE_LOG_GROUP);
  }
  return {
    layer: lambda.LayerVersion.fromLayerVersionArn(scope, 'EnhancedMonitoringLayer', arn),
    environment: insights ? {} : { [EXEC_WRAPPER_VARIABLE]: OTEL_EXEC_WRAPPER },
    policy,
  };
}
