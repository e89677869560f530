/**
 * The cdk-nag findings the schedule, event-rule and HTTP triggers acknowledge themselves, each on the
 * narrowest construct, with the reason (listed in docs/triggers-sync.md). Nothing else is acknowledged.
 *
 * @internal
 */
export const SyncTriggerAcknowledgement = {
  /**
   * AwsSolutions-SQS3 only counts a queue as a dead-letter queue when another queue's redrive policy or
   * a function's DeadLetterConfig points at it; an EventBridge target's or a schedule's DeadLetterConfig
   * is not recognised.
   */
  TARGET_DLQ: {
    ids: ['AwsSolutions-SQS3'],
    reason:
      'This queue IS a dead-letter queue: the DeadLetterConfig of an EventBridge rule target or an EventBridge ' +
      'Scheduler schedule points at it, which AwsSolutions-SQS3 does not recognise (it only looks at queue ' +
      'redrive policies and function DeadLetterConfigs). It keeps failed events 14 days, is encrypted, TLS-only ' +
      'and alarmed.',
  },
  /** A function URL whose user explicitly chose `authType: NONE` and `allowPublicAccess: true`. */
  PUBLIC_FUNCTION_URL: {
    ids: [
      'HIPAA.Security-LambdaFunctionPublicAccessProhibited',
      'NIST.800.53.R5-LambdaFunctionPublicAccessProhibited',
      'PCI.DSS.321-LambdaFunctionPublicAccessProhibited',
    ],
    reason:
      'The user explicitly asked for a public function URL (authType NONE with allowPublicAccess: true): ' +
      'an unauthenticated URL needs a resource policy for Principal "*", which these rules forbid by design. ' +
      'The function must authenticate callers itself; use the default AWS_IAM auth type to avoid this.',
  },
} as const;
