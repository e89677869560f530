/// Trigger.firehoseTransformation: an encrypted delivery stream transforming with the live alias into S3, failed records kept and alarmed.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { FunctionCode, ServerlessFunction, Trigger } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsFirehoseTransformationTrigger');
const lake = new s3.Bucket(stack, 'Lake', {
  encryption: s3.BucketEncryption.KMS,
  encryptionKey: new kms.Key(stack, 'LakeKey', { enableKeyRotation: true, removalPolicy: RemovalPolicy.DESTROY }),
  enforceSSL: true,
  versioned: true,
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  removalPolicy: RemovalPolicy.DESTROY,
});
const fn = new ServerlessFunction(stack, 'Transformer', {
  code: FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler')),
  timeout: Duration.minutes(1),
});
fn.addTrigger(Trigger.firehoseTransformation({ destinationBucket: lake, bufferSizeMegabytes: 0.5, bufferInterval: Duration.seconds(30) }));

new IntegTest(app, 'FirehoseTransformationTrigger', { testCases: [stack] });
app.synth();
