/// The default ServerlessFunction: what one line of user code deploys.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import { FunctionCode, ServerlessFunction } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsDefaultFunction');
new ServerlessFunction(stack, 'Default', {
  code: FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler')),
});

new IntegTest(app, 'DefaultFunction', { testCases: [stack] });
app.synth();
