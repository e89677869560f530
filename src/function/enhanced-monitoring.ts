/**
 * The CloudWatch monitoring a function may add on top of its logs, metrics, alarms and X-Ray traces
 * (see docs/enhanced-monitoring.md). Each adds one AWS-published layer (pinned in the library, for
 * the function's architecture and Region) and the permissions of its AWS managed policy as
 * customer-managed statements, so no AWS managed policy is attached (cdk-nag AwsSolutions-IAM4).
 */
export enum EnhancedMonitoring {
  /**
   * CloudWatch Lambda Insights: the Lambda Insights extension layer (version 1.0.498.0) for the
   * function's architecture, and the permissions of `CloudWatchLambdaInsightsExecutionRolePolicy`.
   * Zip functions of any runtime.
   */
  LAMBDA_INSIGHTS = 'LAMBDA_INSIGHTS',

  /**
   * CloudWatch Application Signals: the AWS Lambda Layer for OpenTelemetry of the runtime's family
   * (Node.js, Python or Java), `AWS_LAMBDA_EXEC_WRAPPER=/opt/otel-instrument`, active X-Ray tracing,
   * and the permissions of `CloudWatchLambdaApplicationSignalsExecutionRolePolicy`.
   */
  APPLICATION_SIGNALS = 'APPLICATION_SIGNALS',
}
