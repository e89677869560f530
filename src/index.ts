// Functions
export * from './function/serverless-function';
export * from './function/serverless-function-props';
export * from './function/function-secret';
export * from './function/latest-runtime';

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
