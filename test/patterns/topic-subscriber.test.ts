import { Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { FunctionCode, TopicSubscriber } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, testStack } from '../helpers/template';

const code = FunctionCode.fromAsset(HANDLER_DIR);

describe('TopicSubscriber', () => {
  test('creates a KMS-encrypted, TLS-only topic and a subscription with a redrive DLQ', () => {
    const stack = testStack();
    const p = new TopicSubscriber(stack, 'Events', { code });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BlueprintKey'), 'Arn'] } });
    t.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
      Topics: [{ Ref: Match.stringLikeRegexp('EventsTopic') }],
    });
    t.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda', RedrivePolicy: Match.anyValue() });
    expect(p.function.triggers[0].failureQueues).toEqual([expect.anything(), p.function.deadLetterQueue]);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('accepts an existing topic and a key of your own; no findings', () => {
    const stack = testStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    new TopicSubscriber(stack, 'A', { code, masterKey: key });
    const topic = new sns.Topic(stack, 'Mine', { masterKey: key, enforceSSL: true });
    const p = new TopicSubscriber(stack, 'B', { code, topic });
    expect(p.topic).toBe(topic);
    Template.fromStack(stack).resourceCountIs('AWS::SNS::Subscription', 2);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('refuses a key with an existing topic, and FIFO topics', () => {
    const stack = testStack();
    const topic = sns.Topic.fromTopicArn(stack, 'I', 'arn:aws:sns:us-east-1:123456789012:t');
    expect(() => new TopicSubscriber(stack, 'T', { code, topic, masterKey: kms.Alias.fromAliasName(stack, 'K', 'alias/k') }))
      .toThrow(/LBP_PATTERN_SOURCE_OPTION/);
    const fifo = sns.Topic.fromTopicArn(stack, 'F', 'arn:aws:sns:us-east-1:123456789012:t.fifo');
    expect(() => new TopicSubscriber(stack, 'T2', { code, topic: fifo })).toThrow(/LBP_SNS_FIFO_TOPIC/);
  });
});
