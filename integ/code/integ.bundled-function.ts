/// A ServerlessFunction whose code is a TypeScript entry bundled in process with esbuild
/// (FunctionCode.fromNodejsEntry). The asset hash in the snapshot is the hash of the bundle itself,
/// so the snapshot is the same on every synth and every clone.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import { FunctionCode, ServerlessFunction } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const fixtures = path.join(__dirname, '..', '..', 'test', 'fixtures', 'bundling');
const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsBundledFunction');
new ServerlessFunction(stack, 'Alpha', {
  code: FunctionCode.fromNodejsEntry(path.join(fixtures, 'alpha.ts')),
});
new ServerlessFunction(stack, 'Beta', {
  code: FunctionCode.fromNodejsEntry(path.join(fixtures, 'beta.ts'), { handlerExport: 'main', sourceMap: true }),
});

new IntegTest(app, 'BundledFunction', { testCases: [stack] });
app.synth();
