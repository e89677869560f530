/**
 * The cdk-nag findings the HTTP triggers acknowledge themselves (the schedule and event-rule failure
 * queues use `TriggerAcknowledgement.SINK_QUEUE_IS_A_DLQ`), each on the
 * narrowest construct, with the reason (listed in docs/triggers-sync.md). Nothing else is acknowledged.
 *
 * @internal
 */
export const SyncTriggerAcknowledgement = {
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
