/// Trigger.sqs on a queue with a redrive DLQ: partial batch responses, the live alias as target.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { FailureQueue, FunctionCode, ServerlessFunction, Trigger } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsSqsTrigger');
const dlq = new FailureQueue(stack, 'OrdersDlq', { purpose: 'orders that failed 5 times' });
const queue = new sqs.Queue(stack, 'Orders', {
  enforceSSL: true,
  visibilityTimeout: Duration.seconds(180),
  deadLetterQueue: { queue: dlq.queue, maxReceiveCount: 5 },
});
const fn = new ServerlessFunction(stack, 'Worker', { code: FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler')) });
fn.addTrigger(Trigger.sqs(queue, { batchSize: 10 }));

new IntegTest(app, 'SqsTrigger', { testCases: [stack] });
app.synth();
