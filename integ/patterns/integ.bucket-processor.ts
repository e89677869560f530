/// BucketProcessor (reference workload 1): S3 upload -> image function through EventBridge, failures kept in DLQs.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import { FunctionCode, BucketProcessor, BucketEventType } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsBucketProcessor');
new BucketProcessor(stack, 'Images', {
  code: FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler')),
  triggerOptions: { eventTypes: [BucketEventType.OBJECT_CREATED], prefix: 'uploads/', suffix: '.jpg' },
});

new IntegTest(app, 'BucketProcessor', { testCases: [stack] });
app.synth();
