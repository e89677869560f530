import { PROP_SHAPES } from '../../validation/prop-shapes.generated';
import { checkShape, PropShape } from '../../validation/prop-types';
import { Validator } from '../../validation/validator';

/** The types of the stream trigger options (Kinesis, DynamoDB Streams). @internal */
export const STREAM_TRIGGER_SHAPE: PropShape = PROP_SHAPES.StreamTriggerOptions;

/** The types of `SqsTriggerOptions`. @internal */
export const SQS_TRIGGER_SHAPE: PropShape = PROP_SHAPES.SqsTriggerOptions;

/** The types of `S3TriggerOptions`. @internal */
export const S3_TRIGGER_SHAPE: PropShape = PROP_SHAPES.S3TriggerOptions;

/** The types of `SnsTriggerOptions`. @internal */
export const SNS_TRIGGER_SHAPE: PropShape = PROP_SHAPES.SnsTriggerOptions;

/** The types of `ScheduleTriggerOptions`. @internal */
export const SCHEDULE_TRIGGER_SHAPE: PropShape = PROP_SHAPES.ScheduleTriggerOptions;

/** The types of `EventRuleTriggerProps`. @internal */
export const EVENT_RULE_TRIGGER_SHAPE: PropShape = PROP_SHAPES.EventRuleTriggerProps;

/** The types of `HttpApiTriggerOptions`. @internal */
export const HTTP_API_TRIGGER_SHAPE: PropShape = PROP_SHAPES.HttpApiTriggerOptions;

/** The types of `RestApiTriggerOptions`. @internal */
export const REST_API_TRIGGER_SHAPE: PropShape = PROP_SHAPES.RestApiTriggerOptions;

/** The types of `FunctionUrlTriggerOptions`. @internal */
export const FUNCTION_URL_TRIGGER_SHAPE: PropShape = PROP_SHAPES.FunctionUrlTriggerOptions;

/** The types of `AlbTriggerProps`. @internal */
export const ALB_TRIGGER_SHAPE: PropShape = PROP_SHAPES.AlbTriggerProps;

/** The types of `Trigger.cognito`'s arguments (the pool and the operation). @internal */
export const COGNITO_TRIGGER_ARGUMENTS_SHAPE: PropShape = {
  'userPool!': 'construct',
  'operation!': { shape: { 'operationName!': 'string' } },
};

/** The types of `CognitoTriggerOptions`. @internal */
export const COGNITO_TRIGGER_SHAPE: PropShape = PROP_SHAPES.CognitoTriggerOptions;

/** The types of `Trigger.alexaSkill`'s argument (the skill id). @internal */
export const ALEXA_SKILL_TRIGGER_ARGUMENTS_SHAPE: PropShape = {
  'skillId!': 'string',
};

/** The types of `AlexaSkillTriggerOptions`. @internal */
export const ALEXA_SKILL_TRIGGER_SHAPE: PropShape = PROP_SHAPES.AlexaSkillTriggerOptions;

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
