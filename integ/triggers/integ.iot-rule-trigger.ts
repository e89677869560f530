/// Trigger.iotRule: a topic rule (SQL 2016-03-23) invoking the live alias, its error action into an alarmed FailureQueue.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import { FunctionCode, ServerlessFunction, Trigger } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsIotRuleTrigger');
const fn = new ServerlessFunction(stack, 'Telemetry', { code: FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler')) });
fn.addTrigger(Trigger.iotRule('SELECT *, topic(2) AS device FROM \'devices/+/telemetry\' WHERE temperature > 50', { ruleName: 'blueprints_hot_devices' }));

new IntegTest(app, 'IotRuleTrigger', { testCases: [stack] });
app.synth();
