/**
 * Stable validation error codes of `EdgeFunction` (Lambda@Edge). A code is never reused for another
 * rule; the README lists them all.
 *
 * @internal
 */
export const EdgeErrorCodes = {
  /** The stack is not in us-east-1 (or its Region is unknown at synth). */
  EDGE_REGION: 'LBP_EDGE_REGION',
  /** An architecture other than x86_64. */
  EDGE_ARCHITECTURE: 'LBP_EDGE_ARCHITECTURE',
  /** Environment variables or secrets (which are passed as variables). */
  EDGE_ENVIRONMENT: 'LBP_EDGE_ENVIRONMENT',
  /** A dead-letter queue, async destinations, retry attempts or event age (asynchronous settings). */
  EDGE_ASYNC: 'LBP_EDGE_ASYNC',
  /** A VPC, subnets or security groups. */
  EDGE_VPC: 'LBP_EDGE_VPC',
  /** Layers. */
  EDGE_LAYERS: 'LBP_EDGE_LAYERS',
  /** Provisioned or reserved concurrency. */
  EDGE_CONCURRENCY: 'LBP_EDGE_CONCURRENCY',
  /** Container image code. */
  EDGE_IMAGE: 'LBP_EDGE_IMAGE',
  /** A runtime other than Node.js or Python. */
  EDGE_RUNTIME: 'LBP_EDGE_RUNTIME',
  /** Active X-Ray tracing. */
  EDGE_TRACING: 'LBP_EDGE_TRACING',
  /** Alias-based settings: a CodeDeploy deployment, alarms on the alias. */
  EDGE_ALIAS_FEATURES: 'LBP_EDGE_ALIAS_FEATURES',
  /** Ephemeral storage above 512 MB. */
  EDGE_EPHEMERAL_STORAGE: 'LBP_EDGE_EPHEMERAL_STORAGE',
  /** Memory above 128 MB for a viewer event. */
  EDGE_MEMORY: 'LBP_EDGE_MEMORY',
  /** Timeout above 5 s (viewer events) or 30 s (origin events). */
  EDGE_TIMEOUT: 'LBP_EDGE_TIMEOUT',
  /** The zipped package above 1 MB (viewer events) or 50 MB (origin events). */
  EDGE_PACKAGE_SIZE: 'LBP_EDGE_PACKAGE_SIZE',
  /** No event type, a repeated one, an association for an undeclared event, or a body on a response event. */
  EDGE_EVENT_TYPE: 'LBP_EDGE_EVENT_TYPE',
} as const;
