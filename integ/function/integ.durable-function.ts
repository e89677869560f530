/// Lambda's newer function modes (issue 22): a durable order workflow started from an SQS queue through the
/// `live` alias, whose role checkpoints its own executions only; and a thumbnail function guarded against a
/// recursive loop (it writes under a prefix its S3 trigger does not match, RecursiveLoop Terminate, and
/// RecursiveInvocationsDropped in its combined alarm).
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { FunctionCode, ServerlessFunction, Trigger } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsDurableFunction');
const code = FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler'));

const workflow = new ServerlessFunction(stack, 'OrderWorkflow', {
  code,
  runtime: lambda.Runtime.NODEJS_24_X,
  durable: { executionTimeout: Duration.days(7), retention: Duration.days(30) },
});
const orders = new sqs.Queue(stack, 'Orders', {
  enforceSSL: true,
  visibilityTimeout: Duration.minutes(3),
  deadLetterQueue: { queue: new sqs.Queue(stack, 'OrdersDlq', { enforceSSL: true, retentionPeriod: Duration.days(14) }), maxReceiveCount: 5 },
});
workflow.addTrigger(Trigger.sqs(orders));

const uploads = new s3.Bucket(stack, 'Uploads', { enforceSSL: true, versioned: true });
const thumbnails = new ServerlessFunction(stack, 'Thumbnails', { code, recursiveLoop: lambda.RecursiveLoop.TERMINATE });
thumbnails.addTrigger(Trigger.s3(uploads, { prefix: 'incoming/' }));
// Results go under a prefix the trigger does not match: no loop, no warning.
uploads.grantPut(thumbnails, 'thumbnails/*');

new IntegTest(app, 'DurableFunction', { testCases: [stack] });
app.synth();
