/// StreamProcessor (reference workload 2): Kinesis -> analytics function, bisect-on-error, on-failure queue.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import { FunctionCode, StreamProcessor } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsStreamProcessor');
new StreamProcessor(stack, 'Clicks', { code: FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler')) });

new IntegTest(app, 'StreamProcessor', { testCases: [stack] });
app.synth();
