import { Duration } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import { functionStack, template } from './fixtures';
import { Trigger } from '../../src';
import { nagFindings } from '../helpers/nag';

const PATTERN: events.EventPattern = { source: ['orders.app'], detailType: ['OrderPlaced'] };

describe('Trigger.eventRule wiring (default bus)', () => {
  const { stack, fn } = functionStack();
  const trigger = Trigger.eventRule({ eventPattern: PATTERN });
  fn.addTrigger(trigger);
  const t = template(stack);
  const aliasRef = stack.resolve((fn.alias.node.defaultChild as any).ref);

  test('the rule targets the live alias with a DLQ and a bounded retry policy', () => {
    t.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { 'source': ['orders.app'], 'detail-type': ['OrderPlaced'] },
      State: 'ENABLED',
      Targets: [{
        Arn: aliasRef,
        Id: Match.anyValue(),
        DeadLetterConfig: { Arn: stack.resolve(trigger.deadLetterQueue.queueArn) },
        RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 21600 },
      }],
    });
    // No EventBusName: the account's default bus.
    expect(Object.values(t.findResources('AWS::Events::Rule'))[0].Properties.EventBusName).toBeUndefined();
  });

  test('the Lambda permission is scoped to the rule', () => {
    t.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      FunctionName: aliasRef,
      SourceArn: stack.resolve(trigger.rule.ruleArn),
    });
  });

  test('only this rule may send to the failure queue, which is TLS-only, kept 14 days and alarmed', () => {
    t.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Action: 'sqs:SendMessage',
            Principal: { Service: 'events.amazonaws.com' },
            Condition: { ArnEquals: { 'aws:SourceArn': stack.resolve(trigger.rule.ruleArn) } },
          }),
        ]),
      },
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Dimensions: [{ Name: 'QueueName', Value: stack.resolve(trigger.deadLetterQueue.queueName) }],
    });
    expect(fn.triggers[0].failureQueues).toEqual([trigger.deadLetterQueue]);
  });

  test('zero unacknowledged cdk-nag findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('Trigger.eventRule options', () => {
  test('a custom bus, input, name and retry policy', () => {
    const { stack, fn } = functionStack();
    const bus = new events.EventBus(stack, 'Bus');
    fn.addTrigger(Trigger.eventRule({
      eventPattern: PATTERN,
      eventBus: bus,
      ruleName: 'orders-placed',
      input: events.RuleTargetInput.fromObject({ kind: 'order' }),
      retryAttempts: 185,
      maxEventAge: Duration.hours(24),
      enabled: false,
    }));
    template(stack).hasResourceProperties('AWS::Events::Rule', {
      EventBusName: stack.resolve(bus.eventBusName),
      Name: 'orders-placed',
      State: 'DISABLED',
      Targets: [Match.objectLike({
        Input: '{"kind":"order"}',
        RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 },
      })],
    });
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('Trigger.eventRule validation', () => {
  const add = (props: object) => () => {
    const { fn } = functionStack();
    fn.addTrigger(Trigger.eventRule({ eventPattern: PATTERN, ...props }));
  };

  test('an empty pattern fails with LBP_EVENT_PATTERN', () => {
    expect(add({ eventPattern: {} })).toThrow(/LBP_EVENT_PATTERN.*at least one field/);
    expect(add({ eventPattern: { source: ['a'] } })).not.toThrow();
  });

  test('an empty array at any depth of the pattern fails with LBP_EVENT_PATTERN naming its path, every one in one error', () => {
    expect(add({ eventPattern: { source: [] } })).toThrow(/\[LBP_EVENT_PATTERN\] TestStack\/Fn\/EventRule: eventPattern\.source is \[\] \(an empty array\); EventBridge refuses an empty array/);
    const nested = add({ eventPattern: { source: ['a'], detail: { 'state': [], 'size': [{ numeric: [] }], 'user-id': [{ 'anything-but': [] }] } } });
    expect(nested).toThrow(/eventPattern\.detail\.state is \[\]/);
    expect(nested).toThrow(/eventPattern\.detail\.size\[0\]\.numeric is \[\]/);
    expect(nested).toThrow(/eventPattern\.detail\["user-id"\]\[0\]\["anything-but"\] is \[\]/);
    expect(add({ eventPattern: { source: ['a'], detail: { state: ['running'], size: [{ numeric: ['>', 0] }] } } })).not.toThrow();
  });

  test('retry attempts are 0-185', () => {
    expect(add({ retryAttempts: 186 })).toThrow(/LBP_TARGET_RETRY_ATTEMPTS/);
    expect(add({ retryAttempts: 1.5 })).toThrow(/LBP_TARGET_RETRY_ATTEMPTS.*whole number/);
    expect(add({ retryAttempts: 0 })).not.toThrow();
  });

  test('maximum event age is 60-86400 seconds', () => {
    expect(add({ maxEventAge: Duration.seconds(59) })).toThrow(/LBP_TARGET_MAX_EVENT_AGE/);
    expect(add({ maxEventAge: Duration.days(2) })).toThrow(/LBP_TARGET_MAX_EVENT_AGE.*172800 seconds/);
    expect(add({ maxEventAge: Duration.seconds(60) })).not.toThrow();
  });
});
