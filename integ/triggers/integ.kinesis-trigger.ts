/// Trigger.kinesis: bounded retries and record age, bisect-on-error, a FailureQueue on failure.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import { FunctionCode, ServerlessFunction, Trigger } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsKinesisTrigger');
const stream = new kinesis.Stream(stack, 'Clicks', { encryption: kinesis.StreamEncryption.MANAGED, streamMode: kinesis.StreamMode.ON_DEMAND });
const fn = new ServerlessFunction(stack, 'Analytics', { code: FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler')) });
fn.addTrigger(Trigger.kinesis(stream, { parallelizationFactor: 2 }));

new IntegTest(app, 'KinesisTrigger', { testCases: [stack] });
app.synth();
