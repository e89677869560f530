/// Trigger.s3: native EventBridge notifications (no custom resource), a rule with DLQ and retry policy.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { FunctionCode, ServerlessFunction, Trigger } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsS3Trigger');
const bucket = new s3.Bucket(stack, 'Uploads', { enforceSSL: true, versioned: true });
const fn = new ServerlessFunction(stack, 'Thumbnailer', { code: FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler')) });
fn.addTrigger(Trigger.s3(bucket, { prefix: 'uploads/', suffix: '.jpg' }));

new IntegTest(app, 'S3Trigger', { testCases: [stack] });
app.synth();
