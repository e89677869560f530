/// Trigger.alexaSkill: a permission on the live alias restricted to one skill id (EventSourceToken).
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { FunctionCode, ServerlessFunction, Trigger } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsAlexaSkillTrigger');
const fn = new ServerlessFunction(stack, 'Skill', {
  code: FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler')),
  timeout: Duration.seconds(7),
});
fn.addTrigger(Trigger.alexaSkill('amzn1.ask.skill.12345678-90ab-cdef-1234-567890abcdef'));

new IntegTest(app, 'AlexaSkillTrigger', { testCases: [stack] });
app.synth();
