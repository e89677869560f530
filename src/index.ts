// Functions
export * from './function/serverless-function';
export * from './function/serverless-function-props';
export * from './function/enhanced-monitoring';
export * from './function/code-signing-options';
export * from './function/function-secret';
export * from './function/managed-instances-options';
export * from './function/durable-options';
export * from './code/latest-runtime';

// Code and layers
export * from './code/function-code';
export * from './code/bundling/nodejs-entry-options';
export * from './code/python/python-installer';
export * from './code/python/python-install-options';
export * from './code/python/python-project-options';
export * from './layers/function-layer';
export * from './code/python/python-requirements-layer-options';

// Powertools for AWS Lambda
export * from './powertools/powertools-options';
export * from './powertools/idempotency-table';

// Failure handling
export * from './destinations/async-destination';
export * from './destinations/failure-queue';

// Concurrency
export * from './concurrency/provisioned-concurrency';

// Triggers
export * from './function/trigger-contract';
export * from './triggers/trigger-factories';
export * from './triggers/schedule/trigger-schedule';
export * from './triggers/schedule/schedule-trigger';
export * from './triggers/event-rule/event-rule-trigger';
export * from './triggers/http-api/http-api-trigger';
export * from './triggers/function-url/function-url-trigger';
export * from './triggers/alb/alb-trigger';
export * from './triggers/rest-api/rest-api-trigger';
export * from './triggers/cognito/cognito-trigger';
export * from './triggers/websocket-api/websocket-api-trigger';
export * from './triggers/kafka/kafka-trigger';
export * from './triggers/documentdb/documentdb-trigger';
export * from './triggers/mq/mq-trigger';
export * from './triggers/sqs/sqs-trigger';
export * from './triggers/stream/stream-trigger-options';
export * from './triggers/stream/kinesis-trigger';
export * from './triggers/stream/dynamodb-stream-trigger';
export * from './triggers/s3/s3-trigger';
export * from './triggers/s3/bucket-event-type';
export * from './triggers/sns/sns-trigger';
export * from './triggers/iot-rule/iot-rule-trigger';
export * from './triggers/alexa-skill/alexa-skill-trigger';
export * from './triggers/log-subscription/log-subscription-trigger';
export * from './triggers/firehose-transformation/firehose-transformation-trigger';

// Patterns
export * from './patterns/blueprint-pattern-props';
export * from './patterns/scheduled-job';
export * from './patterns/http-api-function';
export * from './patterns/queue-processor';
export * from './patterns/stream-processor';
export * from './patterns/kafka-consumer';
export * from './patterns/table-stream-processor';
export * from './patterns/topic-subscriber';
export * from './patterns/bucket-processor';
export * from './patterns/blueprint-pattern-props';
export * from './patterns/rest-api-function';

// Observability
export * from './observability/alarm-options';
export * from './observability/function-metrics';
export * from './observability/function-alarms';
export * from './observability/monitoring-mode';
export * from './dashboard/blueprint-dashboard';

// Safe deployments
export * from './deployment/deployment-options';
export * from './deployment/function-deployment';

// Scale
export * from './scale/function-group';

// Compliance
export * from './compliance/nag-packs';
export * from './compliance/blueprints';
export * from './compliance/user-decisions';
export * from './compliance/blueprint-stack';
export * from './edge/edge-function';

// The blueprint report
export * from './report/blueprint-report';
