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
