/**
 * Stable validation error codes. A code is never reused for another rule; the README lists them all.
 * Triggers, observability and patterns add their own codes in their folders with the same `LBP_` prefix.
 *
 * @internal
 */
export const ErrorCodes = {
  MEMORY_SIZE: 'LBP_MEMORY_SIZE',
  TIMEOUT: 'LBP_TIMEOUT',
  EPHEMERAL_STORAGE: 'LBP_EPHEMERAL_STORAGE',
  DESCRIPTION: 'LBP_DESCRIPTION',
  FUNCTION_NAME: 'LBP_FUNCTION_NAME',
  HANDLER: 'LBP_HANDLER',
  ENV_SIZE: 'LBP_ENV_SIZE',
  ENV_KEY: 'LBP_ENV_KEY',
  ENV_RESERVED: 'LBP_ENV_RESERVED',
  ENV_DUPLICATE: 'LBP_ENV_DUPLICATE',
  ENV_SECRET_VALUE: 'LBP_ENV_SECRET_VALUE',
  LAYER_COUNT: 'LBP_LAYER_COUNT',
  LAYER_ARCHITECTURE: 'LBP_LAYER_ARCHITECTURE',
  LAYER_RUNTIME: 'LBP_LAYER_RUNTIME',
  LAYER_ON_IMAGE: 'LBP_LAYER_ON_IMAGE',
  PACKAGE_SIZE: 'LBP_PACKAGE_SIZE',
  IMAGE_SETTING: 'LBP_IMAGE_SETTING',
  RESERVED_CONCURRENCY: 'LBP_RESERVED_CONCURRENCY',
  PROVISIONED_CONCURRENCY: 'LBP_PROVISIONED_CONCURRENCY',
  PROVISIONED_ABOVE_RESERVED: 'LBP_PROVISIONED_ABOVE_RESERVED',
  AUTOSCALING_CAPACITY: 'LBP_AUTOSCALING_CAPACITY',
  AUTOSCALING_TARGET: 'LBP_AUTOSCALING_TARGET',
  RETRY_ATTEMPTS: 'LBP_RETRY_ATTEMPTS',
  MAX_EVENT_AGE: 'LBP_MAX_EVENT_AGE',
  FIFO_DESTINATION: 'LBP_FIFO_DESTINATION',
  PUBLIC_SUBNET: 'LBP_PUBLIC_SUBNET',
  VPC_REQUIRED: 'LBP_VPC_REQUIRED',
  LOG_RETENTION: 'LBP_LOG_RETENTION',
  LAYER_SIZE: 'LBP_LAYER_SIZE',
  LAYER_PATH: 'LBP_LAYER_PATH',
  LAYER_NAME: 'LBP_LAYER_NAME',
  POLICY_SIZE: 'LBP_POLICY_SIZE',
  /** Two event source mappings of one source to one function (app-wide, at synth). */
  DUPLICATE_EVENT_SOURCE: 'LBP_DUPLICATE_EVENT_SOURCE',
  /** Two URLs on one function or alias, however they were created (app-wide, at synth). */
  FUNCTION_URL_DUPLICATE_APP: 'LBP_FUNCTION_URL_DUPLICATE',
  /** Two routes with one key on one HTTP API (app-wide, at synth). */
  HTTP_API_ROUTE_DUPLICATE: 'LBP_HTTP_API_ROUTE_DUPLICATE',
  /** Two rules with one priority on one listener (app-wide, at synth). */
  ALB_PRIORITY_DUPLICATE: 'LBP_ALB_PRIORITY_DUPLICATE',
  /** A function's resource-based policy above 20 KB as permissions accumulate (app-wide, at synth). */
  RESOURCE_POLICY_SIZE: 'LBP_RESOURCE_POLICY_SIZE',
  /** More than 50 user tags on one resource (app-wide, at synth). */
  TAG_COUNT: 'LBP_TAG_COUNT',
  /** A value of the wrong type (e.g. `undefined` in a map, a string for a number) from JavaScript or Python. */
  PROP_TYPE: 'LBP_PROP_TYPE',
  /** aws-cdk-lib refused a value a construct forwards (a check this library does not pre-empt yet). */
  AWS_CDK: 'LBP_AWS_CDK',
} as const;
