import { RemovalPolicy } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { checkShape, PropShape } from '../../validation/prop-types';
import { Validator } from '../../validation/validator';

/** The types of the stream trigger options (Kinesis, DynamoDB Streams). @internal */
export const STREAM_TRIGGER_SHAPE: PropShape = {
  batchSize: 'number',
  maxBatchingWindow: 'duration',
  startingPosition: { oneOf: Object.values(lambda.StartingPosition) },
  startingPositionTimestamp: 'number',
  retryAttempts: 'number',
  maxRecordAge: 'duration',
  bisectBatchOnError: 'boolean',
  reportBatchItemFailures: 'boolean',
  parallelizationFactor: 'number',
  tumblingWindow: 'duration',
  filters: { arrayOf: 'object' },
  onFailureQueue: 'construct',
  onFailureTopic: 'construct',
  enabled: 'boolean',
};

/** The types of `SqsTriggerOptions`. @internal */
export const SQS_TRIGGER_SHAPE: PropShape = {
  batchSize: 'number',
  maxBatchingWindow: 'duration',
  maxConcurrency: 'number',
  filters: { arrayOf: 'object' },
  queueHasRedrivePolicy: 'boolean',
  queueVisibilityTimeout: 'duration',
  enabled: 'boolean',
};

/** The types of `S3TriggerOptions`. @internal */
export const S3_TRIGGER_SHAPE: PropShape = {
  eventTypes: { arrayOf: 'string' },
  prefix: 'string',
  suffix: 'string',
  retryAttempts: 'number',
  maxEventAge: 'duration',
  bucketSendsToEventBridge: 'boolean',
};

/** The types of `SnsTriggerOptions`. @internal */
export const SNS_TRIGGER_SHAPE: PropShape = {
  filterPolicy: { mapOf: 'object' }, filterPolicyWithMessageBody: { mapOf: 'object' },
};

/** The types of `ScheduleTriggerOptions`. @internal */
export const SCHEDULE_TRIGGER_SHAPE: PropShape = {
  timeZone: 'string',
  flexibleTimeWindow: 'duration',
  retryAttempts: 'number',
  maxEventAge: 'duration',
  input: 'object',
  description: 'string',
  enabled: 'boolean',
  groupName: 'string',
  deadLetterQueue: 'construct',
};

/** The types of `EventRuleTriggerProps`. @internal */
export const EVENT_RULE_TRIGGER_SHAPE: PropShape = {
  'eventPattern!': 'object',
  'eventBus': 'construct',
  'ruleName': 'string',
  'description': 'string',
  'enabled': 'boolean',
  'input': 'object',
  'retryAttempts': 'number',
  'maxEventAge': 'duration',
  'deadLetterQueue': 'construct',
};

/** The types of `HttpApiTriggerOptions`. @internal */
export const HTTP_API_TRIGGER_SHAPE: PropShape = {
  routes: { arrayOf: 'string' },
  httpApi: 'construct',
  jwtIssuer: 'string',
  jwtAudience: { arrayOf: 'string' },
  authorizer: 'object',
  authorizationScopes: { arrayOf: 'string' },
  throttlingRateLimit: 'number',
  throttlingBurstLimit: 'number',
  corsPreflight: 'object',
  apiName: 'string',
  accessLogRetention: 'number',
  accessLogEncryptionKey: 'construct',
  accessLogRemovalPolicy: { oneOf: Object.values(RemovalPolicy) },
};

/** The types of `RestApiTriggerOptions`. @internal */
export const REST_API_TRIGGER_SHAPE: PropShape = {
  routes: { arrayOf: 'string' },
  cognitoUserPools: { arrayOf: 'construct' },
  authorizer: 'object',
  authorizationScopes: { arrayOf: 'string' },
  allowPublicAccess: 'boolean',
  integrationTimeout: 'duration',
  integrationTimeoutQuotaRaised: 'boolean',
  endpointType: { oneOf: Object.values(apigw.EndpointType) },
  throttlingRateLimit: 'number',
  throttlingBurstLimit: 'number',
  stageName: 'string',
  webAclArn: 'string',
  cloudWatchRole: 'boolean',
  executionLogLevel: { oneOf: Object.values(apigw.MethodLoggingLevel) },
  corsPreflight: 'object',
  apiName: 'string',
  accessLogRetention: 'number',
  accessLogEncryptionKey: 'construct',
  accessLogRemovalPolicy: { oneOf: Object.values(RemovalPolicy) },
};

/** The types of `FunctionUrlTriggerOptions`. @internal */
export const FUNCTION_URL_TRIGGER_SHAPE: PropShape = {
  authType: { oneOf: Object.values(lambda.FunctionUrlAuthType) },
  allowPublicAccess: 'boolean',
  cors: {
    shape: {
      allowCredentials: 'boolean',
      allowedHeaders: { arrayOf: 'string' },
      allowedMethods: { arrayOf: { oneOf: Object.values(lambda.HttpMethod) } },
      allowedOrigins: { arrayOf: 'string' },
      exposedHeaders: { arrayOf: 'string' },
      maxAge: 'duration',
    },
  },
  invokeMode: { oneOf: Object.values(lambda.InvokeMode) },
};

/** The types of `AlbTriggerProps`. @internal */
export const ALB_TRIGGER_SHAPE: PropShape = {
  'listener!': 'construct',
  'priority': 'number',
  'conditions': { arrayOf: 'object' },
  'healthCheck': 'object',
  'multiValueHeadersEnabled': 'boolean',
  'loadBalancerIdleTimeout': 'duration',
  'targetGroupName': 'string',
};

/** The types of `Trigger.cognito`'s arguments (the pool and the operation). @internal */
export const COGNITO_TRIGGER_ARGUMENTS_SHAPE: PropShape = {
  'userPool!': 'construct',
  'operation!': { shape: { 'operationName!': 'string' } },
};

/** The types of `CognitoTriggerOptions`. @internal */
export const COGNITO_TRIGGER_SHAPE: PropShape = {
  lambdaVersion: { oneOf: Object.values(cognito.LambdaVersion) },
  kmsKey: 'construct',
};

/** The types of `Trigger.alexaSkill`'s argument (the skill id). @internal */
export const ALEXA_SKILL_TRIGGER_ARGUMENTS_SHAPE: PropShape = {
  'skillId!': 'string',
};

/**
 * The types of `AlexaSkillTriggerOptions` (the kinds are listed here, not imported, so this file does
 * not depend on the trigger that uses it). @internal
 */
export const ALEXA_SKILL_TRIGGER_SHAPE: PropShape = {
  skillKind: { oneOf: ['CUSTOM', 'SMART_HOME'] },
};

/**
 * Checks the types of a trigger's positional arguments (e.g. the pool and the operation) and of its
 * options into `v`, and throws at once, listing both, when one is wrong (the other checks assume the
 * types).
 *
 * @internal
 */
export function checkTriggerArguments(
  v: Validator, args: { [name: string]: unknown }, argsShape: PropShape, options: unknown, shape: PropShape,
): void {
  const argsOk = checkShape(v, '', args, argsShape);
  const optionsOk = checkShape(v, '', options ?? {}, shape);
  if (!argsOk || !optionsOk) {
    v.throwIfAny();
  }
}

/**
 * Checks the types of a trigger's options into `v` and throws at once when one is wrong (the other
 * checks assume the types).
 *
 * @internal
 */
export function checkTriggerOptions(v: Validator, options: unknown, shape: PropShape): void {
  if (!checkShape(v, '', options ?? {}, shape)) {
    v.throwIfAny();
  }
}
