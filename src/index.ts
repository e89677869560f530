// Functions
export * from './function/serverless-function';
export * from './function/serverless-function-props';
export * from './function/function-secret';
export * from './function/latest-runtime';

// Code and layers
export * from './code/function-code';
export * from './layers/function-layer';

// Failure handling
export * from './destinations/async-destination';
export * from './destinations/failure-queue';

// Concurrency
export * from './concurrency/provisioned-concurrency';

// Triggers
export * from './triggers/trigger';
export * from './triggers/trigger-factories';
export * from './triggers/sqs-trigger';
export * from './triggers/stream-trigger-options';
export * from './triggers/kinesis-trigger';
export * from './triggers/dynamodb-stream-trigger';
export * from './triggers/s3-trigger';
export * from './triggers/bucket-event-type';
export * from './triggers/sns-trigger';

// Patterns
export * from './patterns/queue-processor';
export * from './patterns/stream-processor';
export * from './patterns/table-stream-processor';
export * from './patterns/topic-subscriber';
export * from './patterns/bucket-processor';
