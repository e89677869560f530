/// A function with a layer of shared code, compatibility checked at synth, log group on a user key.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { FunctionCode, FunctionLayer, LatestRuntime, ServerlessFunction } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsLayerFunction');
const fixtures = path.join(__dirname, '..', '..', 'test', 'fixtures');
const layer = new FunctionLayer(stack, 'SharedLibs', {
  path: path.join(fixtures, 'layer'),
  compatibleRuntimes: [LatestRuntime.NODEJS],
  description: 'Shared helpers for image processing',
});
new ServerlessFunction(stack, 'Thumbnails', {
  code: FunctionCode.fromAsset(path.join(fixtures, 'handler')),
  layers: [layer],
  logEncryptionKey: new kms.Key(stack, 'LogKey', { enableKeyRotation: true, description: 'Thumbnails logs' }),
});

new IntegTest(app, 'LayerFunction', { testCases: [stack] });
app.synth();
