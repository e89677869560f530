/// A container-image function built from a Dockerfile in the app (reference workload 7), for ARM64.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { FunctionCode, ServerlessFunction } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsContainerImageFunction');
new ServerlessFunction(stack, 'Renderer', {
  code: FunctionCode.fromImageAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'image')),
  memorySize: 3008,
  timeout: Duration.minutes(2),
});

new IntegTest(app, 'ContainerImageFunction', { testCases: [stack] });
app.synth();
