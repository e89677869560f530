import { Duration, Token } from 'aws-cdk-lib';
import { type AlexaSkillTriggerOptions } from './alexa-skill-trigger';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';
import { seconds } from '../private/duration';
import { ALEXA_SKILL_TRIGGER_ARGUMENTS_SHAPE, ALEXA_SKILL_TRIGGER_SHAPE, checkTriggerArguments } from '../private/option-shapes';

/** How long Alexa waits for a skill's response. @internal */
export const ALEXA_WAIT_SECONDS = 8;

/** `amzn1.ask.skill.` followed by a lower-case UUID, as the Alexa developer console shows it. */
const SKILL_ID = /^amzn1\.ask\.skill\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The checks of an Alexa skill id and {@link AlexaSkillTriggerOptions} (types, the id's form) and of the
 * function's timeout against Alexa's 8-second wait. Creates nothing.
 *
 * @internal
 */
export function validateAlexaSkillTriggerOptions(
  v: Validator, skillId: string, options: AlexaSkillTriggerOptions, fn: { readonly timeout: Duration; readonly node: { readonly path: string } },
): void {
  checkTriggerArguments(v, { skillId }, ALEXA_SKILL_TRIGGER_ARGUMENTS_SHAPE, options, ALEXA_SKILL_TRIGGER_SHAPE);
  const resolved = typeof skillId === 'string' && !Token.isUnresolved(skillId);
  v.failIf(resolved && !SKILL_ID.test(skillId), {
    code: ErrorCodes.LBP_ALEXA_SKILL_ID,
    property: 'skillId',
    value: `"${skillId}"`,
    limit: 'an Alexa skill id is amzn1.ask.skill.<uuid> (lower-case hex); without it any skill could invoke the function',
    fix: 'copy the skill id from the Alexa developer console (Build > Endpoint), e.g. amzn1.ask.skill.12345678-1234-1234-1234-123456789012',
  });
  v.failIf(skillId.length === 0, {
    code: ErrorCodes.LBP_ALEXA_SKILL_ID,
    property: 'skillId',
    value: '""',
    limit: 'a skill id is required: a permission for every skill is never created',
    fix: 'pass the skill id, amzn1.ask.skill.<uuid>',
  });
  const timeout = seconds(fn.timeout);
  v.failIf(timeout !== undefined && timeout > ALEXA_WAIT_SECONDS, {
    code: ErrorCodes.LBP_ALEXA_TIMEOUT,
    property: 'timeout',
    value: `${timeout} seconds on ${fn.node.path}`,
    limit: `Alexa waits at most ${ALEXA_WAIT_SECONDS} seconds for a skill's response; a longer run is answered with an error while the function keeps running`,
    fix: `set the function timeout to ${ALEXA_WAIT_SECONDS} seconds or less, and move slow work to an asynchronous function (progressive responses)`,
  });
}
