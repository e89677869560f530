/**
 * The cdk-nag findings `EdgeFunction` acknowledges on its own function and policy, each with the
 * reason (listed in docs/lambda-edge.md). Nothing else is acknowledged.
 *
 * @internal
 */
export const EdgeAcknowledgement = {
  /** Lambda@Edge is invoked synchronously by CloudFront and does not support dead-letter queues. */
  NO_DLQ: {
    ids: ['Serverless-LambdaDLQ', 'HIPAA.Security-LambdaDLQ', 'NIST.800.53.R5-LambdaDLQ'],
    checkov: ['CKV_AWS_116'],
    reason:
      'A Lambda@Edge function is invoked synchronously by CloudFront: a failure is returned to the viewer as a ' +
      '502/503, there is no asynchronous event to keep, and Lambda@Edge does not support dead-letter queues.',
  },
  /** Lambda@Edge does not support X-Ray active tracing. */
  NO_TRACING: {
    ids: ['Serverless-LambdaTracing'],
    cfnLint: ['WS1000'],
    reason: 'Lambda@Edge does not support AWS X-Ray active tracing on replicated functions.',
  },
  /** Lambda@Edge cannot run in a VPC. */
  NO_VPC: {
    ids: ['HIPAA.Security-LambdaInsideVPC', 'NIST.800.53.R5-LambdaInsideVPC', 'PCI.DSS.321-LambdaInsideVPC'],
    checkov: ['CKV_AWS_117'],
    reason:
      'Lambda@Edge runs in CloudFront locations in every Region and cannot be attached to a VPC ("Configuring ' +
      'the Lambda function to access resources inside your VPC" is not supported).',
  },
  /** Lambda@Edge shares the Regional concurrency; concurrency settings are not supported. */
  NO_CONCURRENCY: {
    ids: ['HIPAA.Security-LambdaConcurrency', 'NIST.800.53.R5-LambdaConcurrency'],
    checkov: ['CKV_AWS_115'],
    reason:
      'Lambda@Edge functions share the Regional concurrency of each Region they run in; reserved and ' +
      'provisioned concurrency are not supported for replicated functions.',
  },
} as const;
