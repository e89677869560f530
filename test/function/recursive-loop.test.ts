import { Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { FunctionCode, ServerlessFunction, ServerlessFunctionProps, Trigger } from '../../src';
import { HANDLER_DIR, testStack } from '../helpers/template';

const code = FunctionCode.fromAsset(HANDLER_DIR);
const LOOP = 'cdk-lambda-blueprints:recursiveLoopWrite';
const loopWarnings = (stack: Stack): string[] => Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp(LOOP))
  .map((w) => String(w.entry.data));

function errorOf(props: Partial<ServerlessFunctionProps>): string {
  const stack = testStack();
  try {
    new ServerlessFunction(stack, 'Fn', { code, ...props });
  } catch (e) {
    expect(stack.node.findAll().map((c) => c.node.path).filter((p) => p.startsWith('TestStack/Fn'))).toEqual([]);
    return (e as Error).message;
  }
  throw new Error('expected a validation error');
}

function sourceQueue(stack: Stack, id: string): sqs.Queue {
  return new sqs.Queue(stack, id, {
    visibilityTimeout: Duration.minutes(3),
    deadLetterQueue: { queue: new sqs.Queue(stack, `${id}Dlq`), maxReceiveCount: 5 },
  });
}

describe('recursiveLoop', () => {
  test('TERMINATE by default, written explicitly', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', { code });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', { RecursiveLoop: 'Terminate' });
  });

  test('ALLOW with a reason: Allow, and the reason in an info annotation', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', {
      code, recursiveLoop: lambda.RecursiveLoop.ALLOW, recursiveLoopAllowedReason: 'Paginates by re-queueing itself; stops after the last page.',
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', { RecursiveLoop: 'Allow' });
    const infos = Annotations.fromStack(stack).findInfo('/TestStack/Fn', Match.stringLikeRegexp('recursiveLoopAllowed'));
    expect(infos.map((i) => String(i.entry.data))).toEqual([expect.stringContaining('Reason given: Paginates by re-queueing itself')]);
  });

  test('TERMINATE written by hand: Terminate, no annotation', () => {
    const stack = testStack();
    new ServerlessFunction(stack, 'Fn', { code, recursiveLoop: lambda.RecursiveLoop.TERMINATE });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', { RecursiveLoop: 'Terminate' });
    expect(Annotations.fromStack(stack).findInfo('*', Match.stringLikeRegexp('recursiveLoopAllowed'))).toEqual([]);
  });

  test('ALLOW without a reason, or with a blank one: LBP_RECURSIVE_LOOP_REASON', () => {
    expect(errorOf({ recursiveLoop: lambda.RecursiveLoop.ALLOW })).toMatch(
      /\[LBP_RECURSIVE_LOOP_REASON\] TestStack\/Fn: recursiveLoop is ALLOW without recursiveLoopAllowedReason;.*Fix: set recursiveLoopAllowedReason/);
    expect(errorOf({ recursiveLoop: lambda.RecursiveLoop.ALLOW, recursiveLoopAllowedReason: '  ' })).toContain('[LBP_RECURSIVE_LOOP_REASON]');
  });

  test('a reason without ALLOW: LBP_RECURSIVE_LOOP_REASON', () => {
    expect(errorOf({ recursiveLoopAllowedReason: 'why' })).toMatch(/\[LBP_RECURSIVE_LOOP_REASON\].*recursiveLoopAllowedReason is set while recursiveLoop is TERMINATE/);
    expect(errorOf({ recursiveLoop: lambda.RecursiveLoop.TERMINATE, recursiveLoopAllowedReason: 'why' })).toContain('[LBP_RECURSIVE_LOOP_REASON]');
  });
});

describe('a function granted a write on what triggers it (app-wide warning)', () => {
  test('SQS: sending to its own source queue warns, naming the queue and the fix', () => {
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Fn', { code });
    const queue = sourceQueue(stack, 'Orders');
    fn.addTrigger(Trigger.sqs(queue));
    queue.grantSendMessages(fn);
    const found = loopWarnings(stack);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^TestStack\/Fn is triggered by the SQS queue TestStack\/Orders and its role may sqs:SendMessage to it: each write invokes the function again \(a recursive loop\)/);
    expect(found[0]).toContain('Fix: write to a different queue');
  });

  test('SQS: sending to another queue does not warn', () => {
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Fn', { code });
    fn.addTrigger(Trigger.sqs(sourceQueue(stack, 'Orders')));
    sourceQueue(stack, 'Shipments').grantSendMessages(fn);
    expect(loopWarnings(stack)).toEqual([]);
  });

  test('SQS: a wildcard action (sqs:*) on the source queue warns too', () => {
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Fn', { code });
    const queue = sourceQueue(stack, 'Orders');
    fn.addTrigger(Trigger.sqs(queue));
    queue.grant(fn, 'sqs:*');
    expect(loopWarnings(stack)).toHaveLength(1);
  });

  test('SNS: publishing to its own topic warns; to another topic does not', () => {
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Fn', { code });
    const topic = new sns.Topic(stack, 'Events');
    fn.addTrigger(Trigger.sns(topic));
    new sns.Topic(stack, 'Other').grantPublish(fn);
    expect(loopWarnings(stack)).toEqual([]);
    topic.grantPublish(fn);
    expect(loopWarnings(stack)).toEqual([expect.stringContaining('is triggered by the SNS topic TestStack/Events and its role may sns:Publish to it')]);
  });

  test('S3: writing under the trigger\'s prefix warns; under another prefix does not', () => {
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Fn', { code });
    const bucket = new s3.Bucket(stack, 'Uploads', { enforceSSL: true });
    fn.addTrigger(Trigger.s3(bucket, { prefix: 'incoming/' }));
    bucket.grantPut(fn, 'processed/*');
    expect(loopWarnings(stack)).toEqual([]);
    bucket.grantPut(fn, 'incoming/thumbnails/*');
    expect(loopWarnings(stack)).toEqual([expect.stringMatching(/is triggered by the S3 bucket TestStack\/Uploads \(keys starting with 'incoming\/'\) and its role may s3:PutObject to it.*a prefix the trigger does not match/)]);
  });

  test('S3: a write on every key of a bucket whose trigger has no prefix warns', () => {
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Fn', { code });
    const bucket = new s3.Bucket(stack, 'Uploads', { enforceSSL: true });
    fn.addTrigger(Trigger.s3(bucket));
    bucket.grantPut(fn);
    expect(loopWarnings(stack)).toEqual([expect.stringContaining('(keys of every name)')]);
  });

  test('S3: a write on another bucket does not warn', () => {
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Fn', { code });
    fn.addTrigger(Trigger.s3(new s3.Bucket(stack, 'Uploads', { enforceSSL: true })));
    new s3.Bucket(stack, 'Results', { enforceSSL: true }).grantPut(fn);
    expect(loopWarnings(stack)).toEqual([]);
  });

  test('with recursiveLoop ALLOW and a reason (an intended loop): no warning', () => {
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Fn', {
      code, recursiveLoop: lambda.RecursiveLoop.ALLOW, recursiveLoopAllowedReason: 'Re-queues each page until the last one.',
    });
    const queue = sourceQueue(stack, 'Pages');
    fn.addTrigger(Trigger.sqs(queue));
    queue.grantSendMessages(fn);
    expect(loopWarnings(stack)).toEqual([]);
  });
});
