import { Annotations, Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ALEXA_WAIT_SECONDS, validateAlexaSkillTriggerOptions } from './alexa-skill-checks';
import { acknowledge } from '../../acknowledgements/acknowledge';
import { InvocationAcknowledgement } from '../../acknowledgements/acknowledgements';
import { AnnotationIds } from '../../validation/annotation-ids';
import { Validator } from '../../validation/validator';
import { TriggerBinding } from '../private/binding';
import { triggerScope } from '../private/trigger-scope';
import { ITrigger, ITriggerTarget, TriggerConfig } from '../trigger';

/**
 * The kind of Alexa skill that calls the function, which decides the service that invokes it.
 */
export enum AlexaSkillKind {
  /** A custom skill (Alexa Skills Kit, `alexa-appkit.amazon.com`). */
  CUSTOM = 'CUSTOM',
  /** A smart home skill (`alexa-connectedhome.amazon.com`). */
  SMART_HOME = 'SMART_HOME',
}

const PRINCIPALS: { [kind in AlexaSkillKind]: string } = {
  [AlexaSkillKind.CUSTOM]: 'alexa-appkit.amazon.com',
  [AlexaSkillKind.SMART_HOME]: 'alexa-connectedhome.amazon.com',
};


/**
 * Options of an Alexa skill trigger.
 */
export interface AlexaSkillTriggerOptions {
  /**
   * Which kind of skill invokes the function.
   *
   * @default AlexaSkillKind.CUSTOM
   */
  readonly skillKind?: AlexaSkillKind;
}

/**
 * Lets one Alexa skill, and only it, invoke the function's `live` alias: the permission carries the
 * skill id as its `EventSourceToken`, so a permission open to every skill is never created. Set the
 * alias ARN as the skill's endpoint in the Alexa developer console or the ASK CLI.
 *
 * Alexa invokes synchronously and waits at most 8 seconds, with no retry and no failure sink: a
 * failed request is answered with an error to the user. The trigger refuses a function timeout
 * above 8 seconds and notes this at synth.
 *
 * Create it with `Trigger.alexaSkill(skillId)`.
 */
export class AlexaSkillTrigger implements ITrigger {
  private readonly skillId: string;
  private readonly options: AlexaSkillTriggerOptions;
  private readonly binding = new TriggerBinding<lambda.CfnPermission>('AlexaSkillTrigger');

  /**
   * @param skillId the skill's id, `amzn1.ask.skill.<uuid>`
   * @param options the kind of skill
   */
  constructor(skillId: string, options: AlexaSkillTriggerOptions = {}) {
    this.skillId = skillId;
    this.options = options;
  }

  /** The permission for the skill (available once the trigger was added to a function). */
  public get permission(): lambda.CfnPermission {
    return this.binding.resources('permission');
  }

  /** @inheritdoc */
  public bind(target: ITriggerTarget): TriggerConfig {
    this.binding.claim(target);
    const skillId = this.skillId;
    const scope = triggerScope(target, 'AlexaSkill');
    const v = new Validator(scope);
    validateAlexaSkillTriggerOptions(v, skillId, this.options, target);
    const resolved = typeof skillId === 'string' && !Token.isUnresolved(skillId);
    v.throwIfAny();

    const kind = this.options.skillKind ?? AlexaSkillKind.CUSTOM;
    const permission = new lambda.CfnPermission(scope, 'InvokePermission', {
      action: 'lambda:InvokeFunction',
      functionName: target.alias.functionArn,
      principal: PRINCIPALS[kind],
      eventSourceToken: skillId,
    });
    acknowledge(permission, InvocationAcknowledgement.ALEXA_PERMISSION_SOURCE);
    Annotations.of(scope).addInfoV2(AnnotationIds.ALEXA_FAILURES_NOT_KEPT,
      `Alexa invokes ${target.node.path} synchronously (at most ${ALEXA_WAIT_SECONDS} s, no retries): a failed request ` +
      'is answered with an error to the user and kept nowhere. Watch the function\'s error alarm; there is no failure queue.');

    this.binding.record(target, permission);
    return { description: `Alexa skill ${resolved ? skillId : '(token)'}` };
  }
}
