import { Duration } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { testFunction } from './fixtures';
import { AlexaSkillKind, Trigger } from '../../src';
import { nagFindings } from '../helpers/nag';
import { testStack } from '../helpers/template';

const SKILL = 'amzn1.ask.skill.12345678-90ab-cdef-1234-567890abcdef';

describe('Trigger.alexaSkill', () => {
  test('a permission for the one skill on the live alias, a note that failures are not kept; no findings', () => {
    const stack = testStack();
    const fn = testFunction(stack, { timeout: Duration.seconds(8) });
    const trigger = Trigger.alexaSkill(SKILL);
    fn.addTrigger(trigger);

    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Lambda::Permission', 1);
    t.hasResource('AWS::Lambda::Permission', {
      Properties: {
        Action: 'lambda:InvokeFunction',
        Principal: 'alexa-appkit.amazon.com',
        EventSourceToken: SKILL,
        FunctionName: { Ref: Match.stringLikeRegexp('FnLiveAlias') },
      },
      Metadata: { checkov: { skip: [{ id: 'CKV_AWS_364', comment: Match.stringLikeRegexp('no SourceArn or SourceAccount') }] } },
    });
    expect(trigger.permission.eventSourceToken).toBe(SKILL);
    expect(fn.triggers[0].failureQueues).toBeUndefined();
    Annotations.fromStack(stack).hasInfo('/TestStack/Fn/AlexaSkill', Match.stringLikeRegexp('synchronously .* no failure queue'));
    expect(nagFindings(stack)).toEqual([]);
  });

  test('smart home skills are invoked by alexa-connectedhome', () => {
    const stack = testStack();
    const fn = testFunction(stack, { timeout: Duration.seconds(5) });
    fn.addTrigger(Trigger.alexaSkill(SKILL, { skillKind: AlexaSkillKind.SMART_HOME }));
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Permission', { Principal: 'alexa-connectedhome.amazon.com', EventSourceToken: SKILL });
  });

  test.each([
    ['empty', ''],
    ['no prefix', '12345678-90ab-cdef-1234-567890abcdef'],
    ['an application id of another product', 'amzn1.echo-sdk-ams.app.12345678-90ab-cdef-1234-567890abcdef'],
    ['upper-case hex', 'amzn1.ask.skill.12345678-90AB-CDEF-1234-567890ABCDEF'],
    ['a wildcard', 'amzn1.ask.skill.*'],
  ])('refuses a skill id that is %s (no permission is created)', (_name, skillId) => {
    const stack = testStack();
    const fn = testFunction(stack, { timeout: Duration.seconds(3) });
    expect(() => fn.addTrigger(Trigger.alexaSkill(skillId))).toThrow(/LBP_ALEXA_SKILL_ID/);
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::Permission', 0);
  });

  test('refuses a function timeout above the 8 s Alexa waits, accepts 8 s', () => {
    const stack = testStack();
    const slow = testFunction(stack, { timeout: Duration.seconds(9) }, 'Slow');
    expect(() => slow.addTrigger(Trigger.alexaSkill(SKILL))).toThrow(/LBP_ALEXA_TIMEOUT[\s\S]*9 seconds/);
    testFunction(stack, { timeout: Duration.seconds(8) }, 'JustInTime').addTrigger(Trigger.alexaSkill(SKILL));
  });

  test('one function per trigger; the permission needs addTrigger first', () => {
    const stack = testStack();
    const trigger = Trigger.alexaSkill(SKILL);
    expect(() => trigger.permission).toThrow(/\[LBP_TRIGGER_NOT_ADDED\].*fn\.addTrigger\(trigger\) first/);
    testFunction(stack, { timeout: Duration.seconds(3) }).addTrigger(trigger);
    expect(() => testFunction(stack, { timeout: Duration.seconds(3) }, 'Other').addTrigger(trigger)).toThrow(/one function only/);
  });

  describe('wrongly typed values from JavaScript or Python (LBP_PROP_TYPE, naming the property)', () => {
    const attempt = (skillId: unknown, options?: unknown) => {
      const stack = testStack();
      const fn = testFunction(stack, { timeout: Duration.seconds(3) });
      let error: any;
      try {
        fn.addTrigger(Trigger.alexaSkill(skillId as string, options as any));
      } catch (e) {
        error = e;
      }
      // Nothing half-made: no permission, no trigger scope left under the function.
      Template.fromStack(stack).resourceCountIs('AWS::Lambda::Permission', 0);
      expect(fn.node.tryFindChild('AlexaSkill')).toBeUndefined();
      return error;
    };

    test.each([
      ['undefined skill id', undefined, undefined, 'skillId', /it must be a string \(required\)/],
      ['a number for the skill id', 12345, undefined, 'skillId', /it must be a string/],
      ['an unknown skill kind', SKILL, { skillKind: 'FLASH_BRIEFING' }, 'skillKind', /one of CUSTOM, SMART_HOME/],
      ['a number for the skill kind', SKILL, { skillKind: 1 }, 'skillKind', /one of CUSTOM, SMART_HOME/],
      ['options that are not an object', SKILL, 'CUSTOM', 'props', /an object of properties/],
    ])('%s', (_name, skillId, options, property, limit) => {
      const error = attempt(skillId, options);
      expect(error?.name).toBe('BlueprintValidationError');
      expect(error.problems.map((p: any) => [p.code, p.property])).toEqual([['LBP_PROP_TYPE', property]]);
      expect(error.problems[0].limit).toMatch(limit);
    });

    test('a wrong skill id and a wrong kind are reported together', () => {
      const error = attempt(null, { skillKind: 'custom' });
      expect(error.problems.map((p: any) => p.property)).toEqual(['skillId', 'skillKind']);
    });

    test('the shape lists exactly the AlexaSkillKind values', () => {
      // The shape spells the kinds out (no import cycle); this keeps them in step with the enum.
      const { ALEXA_SKILL_TRIGGER_SHAPE } = jest.requireActual('../../src/triggers/private/option-shapes');
      expect(ALEXA_SKILL_TRIGGER_SHAPE.skillKind.oneOf).toEqual(Object.values(AlexaSkillKind));
    });
  });
});
