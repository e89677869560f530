import { Duration } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { functionStack, template } from './fixtures';
import { Trigger, TriggerSchedule } from '../../src';
import { nagFindings } from '../helpers/nag';

const WEEKDAYS = TriggerSchedule.cron('cron(0 2 ? * MON-FRI *)');

describe('Trigger.schedule wiring', () => {
  const { stack, fn } = functionStack();
  const trigger = Trigger.schedule(WEEKDAYS);
  fn.addTrigger(trigger);
  const t = template(stack);
  const aliasRef = stack.resolve((fn.alias.node.defaultChild as any).ref);
  const queueArn = stack.resolve(trigger.deadLetterQueue.queueArn);

  test('an EventBridge Scheduler schedule invokes the live alias with a bounded retry policy and a DLQ', () => {
    t.resourceCountIs('AWS::Scheduler::Schedule', 1);
    t.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 2 ? * MON-FRI *)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: {
        Arn: aliasRef,
        RoleArn: stack.resolve(trigger.role.roleArn),
        DeadLetterConfig: { Arn: queueArn },
        RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 3600 },
      },
    });
    expect(trigger.schedule.scheduleExpression).toBe('cron(0 2 ? * MON-FRI *)');
  });

  test('the role trusts only Scheduler in this account and holds one customer-managed policy', () => {
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'scheduler.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
        }],
      },
    });
    t.resourceCountIs('AWS::IAM::Policy', 0);
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [stack.resolve((trigger.role.node.defaultChild as any).ref)],
      PolicyDocument: {
        Statement: [
          { Sid: 'InvokeLiveAlias', Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: aliasRef },
          { Sid: 'SendUndeliveredToFailureQueue', Action: 'sqs:SendMessage', Effect: 'Allow', Resource: queueArn },
        ],
      },
    });
    // The schedule waits for the policy (Scheduler checks the role at creation).
    const schedules = t.findResources('AWS::Scheduler::Schedule');
    const policyId = stack.resolve((trigger.role as any).policy.managedPolicyArn).Ref;
    expect(Object.values(schedules)[0].DependsOn).toContain(policyId);
  });

  test('the failure queue keeps messages 14 days, is encrypted, TLS-only and alarmed', () => {
    t.hasResourceProperties('AWS::SQS::Queue', { MessageRetentionPeriod: 1209600, SqsManagedSseEnabled: true });
    t.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Dimensions: [{ Name: 'QueueName', Value: stack.resolve(trigger.deadLetterQueue.queueName) }],
      Threshold: 1,
    });
  });

  test('the trigger reports its failure queue', () => {
    expect(fn.triggers).toHaveLength(1);
    expect(fn.triggers[0].failureQueues).toEqual([trigger.deadLetterQueue]);
    expect(fn.triggers[0].description).toMatch(/cron\(0 2 \? \* MON-FRI \*\) \(UTC\)/);
  });

  test('no Lambda permission is needed (Scheduler invokes through its role)', () => {
    t.resourceCountIs('AWS::Lambda::Permission', 0);
  });

  test('zero unacknowledged cdk-nag findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('Trigger.schedule options', () => {
  test('time zone, flexible window, input, state, group and description are passed through', () => {
    const { stack, fn } = functionStack();
    fn.addTrigger(Trigger.schedule(TriggerSchedule.rate(Duration.hours(1)), {
      timeZone: 'Europe/Paris',
      flexibleTimeWindow: Duration.minutes(15),
      input: { action: 'stop', tag: 'env=dev' },
      enabled: false,
      groupName: 'jobs',
      description: 'hourly',
      retryAttempts: 0,
      maxEventAge: Duration.minutes(1),
    }));
    template(stack).hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 hour)',
      ScheduleExpressionTimezone: 'Europe/Paris',
      FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 15 },
      State: 'DISABLED',
      GroupName: 'jobs',
      Description: 'hourly',
      Target: Match.objectLike({
        Input: '{"action":"stop","tag":"env=dev"}',
        RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 },
      }),
    });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('an existing KMS-encrypted dead-letter queue is used and the role may encrypt for it', () => {
    const { stack, fn } = functionStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    const dlq = new sqs.Queue(stack, 'MyDlq', { encryptionMasterKey: key, retentionPeriod: Duration.days(14), enforceSSL: true });
    const trigger = Trigger.schedule(WEEKDAYS, { deadLetterQueue: dlq });
    fn.addTrigger(trigger);
    const t = template(stack);
    expect(trigger.deadLetterQueue).toBe(dlq);
    // Only the function's own DLQ and the user's queue: no failure queue created for the schedule.
    t.resourceCountIs('AWS::SQS::Queue', 2);
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Sid: 'EncryptForFailureQueue',
          Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
          Effect: 'Allow',
          Resource: stack.resolve(key.keyArn),
        }]),
      },
    });
  });

  test('two schedules on one function get their own resources', () => {
    const { stack, fn } = functionStack();
    fn.addTrigger(Trigger.schedule(WEEKDAYS));
    fn.addTrigger(Trigger.schedule(TriggerSchedule.rate(Duration.minutes(5))));
    template(stack).resourceCountIs('AWS::Scheduler::Schedule', 2);
    expect(fn.node.tryFindChild('Schedule2')).toBeDefined();
  });

  test('a trigger is added to one function only, and its parts exist only once added', () => {
    const { fn } = functionStack();
    const trigger = Trigger.schedule(WEEKDAYS);
    expect(() => trigger.schedule).toThrow(/addTrigger/);
    fn.addTrigger(trigger);
    expect(() => fn.addTrigger(trigger)).toThrow(/one function only/);
  });
});

describe('Trigger.schedule validation', () => {
  const add = (options: object) => () => {
    const { fn } = functionStack();
    fn.addTrigger(Trigger.schedule(WEEKDAYS, options));
  };

  test('time zone must be an IANA name', () => {
    expect(add({ timeZone: 'Mars/Olympus' })).toThrow(/LBP_SCHEDULE_TIME_ZONE.*Europe\/Paris/);
    expect(add({ timeZone: 'America/New_York' })).not.toThrow();
  });

  test('flexible window is 1-1440 whole minutes', () => {
    expect(add({ flexibleTimeWindow: Duration.hours(25) })).toThrow(/LBP_SCHEDULE_FLEXIBLE_WINDOW.*1500 minutes/);
    expect(add({ flexibleTimeWindow: Duration.seconds(30) })).toThrow(/LBP_SCHEDULE_FLEXIBLE_WINDOW/);
    expect(add({ flexibleTimeWindow: Duration.seconds(90) })).toThrow(/LBP_SCHEDULE_FLEXIBLE_WINDOW.*whole number/);
    expect(add({ flexibleTimeWindow: Duration.minutes(1) })).not.toThrow();
    expect(add({ flexibleTimeWindow: Duration.minutes(1440) })).not.toThrow();
  });

  test('retry attempts are 0-185', () => {
    expect(add({ retryAttempts: 186 })).toThrow(/LBP_TARGET_RETRY_ATTEMPTS.*186/);
    expect(add({ retryAttempts: -1 })).toThrow(/LBP_TARGET_RETRY_ATTEMPTS/);
    expect(add({ retryAttempts: 185 })).not.toThrow();
    expect(add({ retryAttempts: 0 })).not.toThrow();
  });

  test('maximum event age is 60-86400 seconds', () => {
    expect(add({ maxEventAge: Duration.seconds(59) })).toThrow(/LBP_TARGET_MAX_EVENT_AGE.*59 seconds/);
    expect(add({ maxEventAge: Duration.seconds(86401) })).toThrow(/LBP_TARGET_MAX_EVENT_AGE/);
    expect(add({ maxEventAge: Duration.seconds(60) })).not.toThrow();
    expect(add({ maxEventAge: Duration.hours(24) })).not.toThrow();
  });

  test('input is at most 8,192 characters', () => {
    expect(add({ input: { data: 'x'.repeat(8200) } })).toThrow(/LBP_SCHEDULE_INPUT/);
    expect(add({ input: { d: 'x'.repeat(8192 - 8) } })).not.toThrow();
  });

  test('the error names the construct path', () => {
    expect(add({ retryAttempts: 500 })).toThrow(/TestStack\/Fn\/Schedule: retryAttempts is 500/);
  });
});
