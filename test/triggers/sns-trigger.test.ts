import { Match, Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { hardenedTopic, testFunction } from './fixtures';
import { Trigger } from '../../src';
import { nagFindings } from '../helpers/nag';
import { testStack } from '../helpers/template';

describe('Trigger.sns', () => {
  function topic(stack: ReturnType<typeof testStack>, fifo = false): sns.Topic {
    return hardenedTopic(stack, 'Topic', fifo);
  }

  test('subscribes the live alias with a redrive DLQ that SNS may write to; no findings', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const t0 = topic(stack);
    fn.addTrigger(Trigger.sns(t0, { filterPolicy: { kind: sns.SubscriptionFilter.stringFilter({ allowlist: ['order'] }) } }));

    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      Endpoint: { Ref: Match.stringLikeRegexp('FnLiveAlias') },
      TopicArn: { Ref: Match.stringLikeRegexp('^Topic') },
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('FnSnsTopicDeliveryFailureQueue'), 'Arn'] } },
      FilterPolicy: { kind: ['order'] },
    });
    t.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Effect: 'Allow',
          Action: 'sqs:SendMessage',
          Principal: { Service: 'sns.amazonaws.com' },
          Condition: { ArnEquals: { 'aws:SourceArn': { Ref: Match.stringLikeRegexp('^Topic') } } },
        })]),
      },
    });
    t.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'sns.amazonaws.com',
      FunctionName: { Ref: Match.stringLikeRegexp('FnLiveAlias') },
      SourceArn: { Ref: Match.stringLikeRegexp('^Topic') },
    });
    // Delivery failures in the subscription DLQ, function failures in the function's DLQ.
    expect(fn.triggers[0].failureQueues).toEqual([expect.anything(), fn.deadLetterQueue]);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('message-body filter policies set the filter policy scope', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    fn.addTrigger(Trigger.sns(topic(stack), {
      filterPolicyWithMessageBody: { kind: sns.FilterOrPolicy.filter(sns.SubscriptionFilter.stringFilter({ allowlist: ['order'] })) },
    }));
    Template.fromStack(stack).hasResourceProperties('AWS::SNS::Subscription', { FilterPolicyScope: 'MessageBody' });
  });

  test('refuses FIFO topics and two filter scopes', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    expect(() => fn.addTrigger(Trigger.sns(topic(stack, true)))).toThrow(/LBP_SNS_FIFO_TOPIC/);
    const stack2 = testStack();
    const fn2 = testFunction(stack2);
    expect(() => fn2.addTrigger(Trigger.sns(topic(stack2), {
      filterPolicy: {},
      filterPolicyWithMessageBody: {},
    }))).toThrow(/LBP_SNS_FILTER_POLICY/);
  });
});
