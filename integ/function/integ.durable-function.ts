/// Lambda's newer function modes (issue 22): a durable order workflow started from an SQS queue through the
/// `live` alias, whose role checkpoints its own executions only; and a router guarded against a recursive loop
/// (it sends to a queue other than the one that triggers it, RecursiveLoop Terminate written explicitly, and
/// RecursiveInvocationsDropped in its combined alarm).
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { FailureQueue, FunctionCode, ServerlessFunction, Trigger } from '../../src';
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

const queue = (id: string) => new sqs.Queue(stack, id, {
  enforceSSL: true,
  encryption: sqs.QueueEncryption.SQS_MANAGED,
  visibilityTimeout: Duration.minutes(3),
  deadLetterQueue: { queue: new FailureQueue(stack, `${id}Dlq`, { purpose: `messages of ${id} that failed 5 times` }).queue, maxReceiveCount: 5 },
});
workflow.addTrigger(Trigger.sqs(queue('Orders')));

const router = new ServerlessFunction(stack, 'Router', { code, recursiveLoop: lambda.RecursiveLoop.TERMINATE });
router.addTrigger(Trigger.sqs(queue('Incoming')));
// It forwards to another queue: no loop, no warning.
queue('Outgoing').grantSendMessages(router);

new IntegTest(app, 'DurableFunction', { testCases: [stack] });
app.synth();
