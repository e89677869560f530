/// Trigger.sns: a subscription of the live alias with its own redrive DLQ and a filter policy.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { FunctionCode, ServerlessFunction, Trigger } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsSnsTrigger');
const topic = new sns.Topic(stack, 'Events', { enforceSSL: true });
const fn = new ServerlessFunction(stack, 'Subscriber', { code: FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler')) });
fn.addTrigger(Trigger.sns(topic, { filterPolicy: { kind: sns.SubscriptionFilter.stringFilter({ allowlist: ['order'] }) } }));

new IntegTest(app, 'SnsTrigger', { testCases: [stack] });
app.synth();
