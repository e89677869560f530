// Functions
export * from './function/serverless-function';
export * from './function/serverless-function-props';
export * from './function/function-secret';
export * from './code/latest-runtime';

// Code and layers
export * from './code/function-code';
export * from './code/bundling/nodejs-entry-options';
export * from './layers/function-layer';

// Failure handling
export * from './destinations/async-destination';
export * from './destinations/failure-queue';

// Concurrency
export * from './concurrency/provisioned-concurrency';

// Triggers
export * from './triggers/trigger';
export * from './triggers/trigger-factories';
export * from './triggers/trigger-schedule';
export * from './triggers/schedule-trigger';
export * from './triggers/event-rule-trigger';
export * from './triggers/http-api-trigger';
export * from './triggers/function-url-trigger';
export * from './triggers/alb-trigger';
export * from './triggers/sqs-trigger';
export * from './triggers/stream-trigger-options';
export * from './triggers/kinesis-trigger';
export * from './triggers/dynamodb-stream-trigger';
export * from './triggers/s3-trigger';
export * from './triggers/bucket-event-type';
export * from './triggers/sns-trigger';

// Patterns
export * from './patterns/scheduled-job';
export * from './patterns/http-api-function';
export * from './patterns/queue-processor';
export * from './patterns/stream-processor';
export * from './patterns/table-stream-processor';
export * from './patterns/topic-subscriber';
export * from './patterns/bucket-processor';

// Observability
export * from './observability/alarm-options';
export * from './observability/function-metrics';
export * from './observability/function-alarms';
export * from './observability/blueprint-dashboard';

// Safe deployments
export * from './deployment/deployment-options';
export * from './deployment/function-deployment';

// Compliance
export * from './compliance/nag-packs';
export * from './compliance/blueprints';
export * from './compliance/blueprint-stack';
