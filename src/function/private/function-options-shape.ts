import { RemovalPolicy } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DEPLOYMENT_OPTIONS_SHAPE } from '../../deployment/private/deployment-options-shape';
import { FUNCTION_OPTIONS_SHAPE_ALARMS } from '../../observability/private/function-alarms-shape';
import { PropShape } from '../../validation/prop-types';

/**
 * The types of `ServerlessFunctionOptions` (checked before anything else, so a wrongly typed value
 * from JavaScript or Python is a coded error, never a `TypeError`). Reused by the patterns under
 * `functionOptions`.
 *
 * @internal
 */
export const FUNCTION_OPTIONS_SHAPE: PropShape = {
  handler: 'string',
  runtime: 'object',
  architecture: 'object',
  memorySize: 'number',
  timeout: 'duration',
  ephemeralStorageSize: 'size',
  description: 'string',
  functionName: 'string',
  environment: 'stringMap',
  secrets: { mapOf: 'object' },
  layers: { arrayOf: 'object' },
  initialPolicy: { arrayOf: 'object' },
  logRetention: 'number',
  logRemovalPolicy: { oneOf: Object.values(RemovalPolicy) },
  logEncryptionKey: 'construct',
  applicationLogLevel: { oneOf: Object.values(lambda.ApplicationLogLevel) },
  systemLogLevel: { oneOf: Object.values(lambda.SystemLogLevel) },
  tracing: { oneOf: Object.values(lambda.Tracing) },
  snapStart: 'boolean',
  alarmTopic: 'construct',
  alarms: { shape: FUNCTION_OPTIONS_SHAPE_ALARMS },
  deployment: { shape: DEPLOYMENT_OPTIONS_SHAPE },
  retryAttempts: 'number',
  maxEventAge: 'duration',
  deadLetterQueue: 'construct',
  onFailure: 'object',
  onSuccess: 'object',
  reservedConcurrentExecutions: 'number',
  provisionedConcurrency: {
    shape: {
      'minCapacity!': 'number',
      'maxCapacity': 'number',
      'utilizationTarget': 'number',
      'schedules': { arrayOf: { shape: { 'name!': 'string', 'schedule!': 'object', 'minCapacity': 'number', 'maxCapacity': 'number', 'timeZone': 'object' } } },
    },
  },
  vpc: 'construct',
  vpcSubnets: 'object',
  securityGroups: { arrayOf: 'construct' },
};

/** The types of `ServerlessFunctionProps`. @internal */
export const FUNCTION_PROPS_SHAPE: PropShape = { ...FUNCTION_OPTIONS_SHAPE, 'code!': 'object' };

/** The settings the option checks look at (undefined: not set, or an unresolved token). @internal */
export interface FunctionOptionSettings {
  readonly memorySize: number | undefined;
  readonly timeoutSeconds: number | undefined;
  readonly ephemeralStorageMb: number | undefined;
}
