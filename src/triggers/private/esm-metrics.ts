import * as lambda from 'aws-cdk-lib/aws-lambda';

/**
 * The metrics every event source mapping of the library publishes: `EventCount` (polled, filtered,
 * invoked, failed, dropped events, dimension `EventSourceMappingUUID`), which the function's
 * `eventSourceFailures` alarm reads. `ErrorCount` and `KafkaMetrics` are Kafka-only (Lambda API
 * EventSourceMappingMetricsConfig), so SQS and stream mappings turn on `EventCount` alone.
 *
 * @internal
 */
export const ESM_METRICS: lambda.MetricsConfig = { metrics: [lambda.MetricType.EVENT_COUNT] };
