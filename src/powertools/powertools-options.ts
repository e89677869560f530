import { IdempotencyTable } from './idempotency-table';

/**
 * Powertools for AWS Lambda wiring of a {@link ServerlessFunction}: its environment, the official layer for the
 * function's runtime and architecture at a version pinned by this library, and optionally an idempotency table.
 * The log level stays the function's own `applicationLogLevel`: Powertools' Logger reads `AWS_LAMBDA_LOG_LEVEL`,
 * which Lambda sets from it, before `POWERTOOLS_LOG_LEVEL`. See docs/powertools.md.
 */
export interface PowertoolsOptions {
  /**
   * The service name (`POWERTOOLS_SERVICE_NAME`), added to every log line, metric and trace.
   *
   * @default - the function's `functionName` when set, else its construct id
   */
  readonly serviceName?: string;

  /**
   * The CloudWatch namespace of the metrics Powertools emits (`POWERTOOLS_METRICS_NAMESPACE`).
   *
   * @default - the service name
   */
  readonly metricsNamespace?: string;

  /**
   * Whether the official Powertools layer is added (Node.js and Python). Without it, ship Powertools in the code
   * (a bundled Node.js entry then keeps `@aws-lambda-powertools/*` in its bundle); Java and .NET functions, for
   * which Powertools publishes no layer, need `false`.
   *
   * @default true
   */
  readonly layer?: boolean;

  /**
   * The layer version to use instead of the one this library pins for the Region: a whole number from 1 to the
   * pinned version (a newer one is unknown to the library, and may not exist).
   *
   * @default - the version pinned for the function's Region (see docs/powertools.md)
   */
  readonly layerVersion?: number;

  /**
   * An idempotency table the function keeps its records in: the function gets its four item actions and the use
   * of its key, and the `IDEMPOTENCY_TABLE_NAME` variable names it.
   *
   * @default - none
   */
  readonly idempotencyTable?: IdempotencyTable;
}
