import { Duration, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { FunctionCode, ScheduledJob, TriggerSchedule } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, testStack } from '../helpers/template';

const WEEKDAYS_AT_2 = TriggerSchedule.cron('cron(0 2 ? * MON-FRI *)');

describe('ScheduledJob (reference workload 4: stop tagged EC2 instances on weekdays at 02:00)', () => {
  const stack = testStack();
  const job = new ScheduledJob(stack, 'StopDevInstances', {
    code: FunctionCode.fromAsset(HANDLER_DIR),
    schedule: WEEKDAYS_AT_2,
    triggerOptions: { timeZone: 'Europe/Paris' },
    functionOptions: {
      timeout: Duration.minutes(5),
      initialPolicy: [
        new iam.PolicyStatement({
          sid: 'StopDevInstances',
          actions: ['ec2:StopInstances'],
          // A literal ARN: a finding id holding `<AWS::Partition>` has two '::' and cannot be acknowledged.
          resources: ['arn:aws:ec2:us-east-1:123456789012:instance/*'],
          conditions: { StringEquals: { 'aws:ResourceTag/env': 'dev' } },
        }),
        new iam.PolicyStatement({ sid: 'FindInstances', actions: ['ec2:DescribeInstances'], resources: ['*'] }),
      ],
    },
  });
  // The user's own wildcards (instances are chosen by tag at run time; Describe* has no resource
  // level permissions) are the user's to acknowledge, on the user's policy.
  for (const id of [
    'AwsSolutions-IAM5[Resource::arn:aws:ec2:us-east-1:123456789012:instance/*]',
    'AwsSolutions-IAM5[Resource::*]',
  ]) {
    Validations.of(job.function.policy).acknowledge({ id, reason: 'Instances are selected by the env=dev tag condition; ec2:DescribeInstances has no resource-level permissions.' });
  }
  const t = Template.fromStack(stack);
  const aliasRef = stack.resolve((job.function.alias.node.defaultChild as any).ref);

  test('the schedule fires on weekdays at 02:00 Paris time and invokes the live alias', () => {
    t.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 2 ? * MON-FRI *)',
      ScheduleExpressionTimezone: 'Europe/Paris',
      Target: Match.objectLike({ Arn: aliasRef, DeadLetterConfig: { Arn: stack.resolve(job.scheduleDeadLetterQueue.queueArn) } }),
    });
    expect(job.schedule.scheduleExpression).toBe('cron(0 2 ? * MON-FRI *)');
  });

  test('the function may stop only instances tagged env=dev', () => {
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Sid: 'StopDevInstances',
          Action: 'ec2:StopInstances',
          Effect: 'Allow',
          Resource: 'arn:aws:ec2:us-east-1:123456789012:instance/*',
          Condition: { StringEquals: { 'aws:ResourceTag/env': 'dev' } },
        }]),
      },
    });
  });

  test('both failure paths end in 14-day, encrypted, alarmed queues', () => {
    expect(job.deadLetterQueue).toBe(job.function.deadLetterQueue);
    expect(job.scheduleDeadLetterQueue).not.toBe(job.deadLetterQueue);
    t.resourcePropertiesCountIs('AWS::SQS::Queue', { MessageRetentionPeriod: 1209600, SqsManagedSseEnabled: true }, 2);
    // The schedule's queue has its own depth and age alarms; the function's DLQ is read by the function's combined alarm.
    t.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1 }, 1);
    t.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateAgeOfOldestMessage' }, 1);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Metrics: Match.arrayWith([Match.objectLike({ Id: 'dlqDepth' }), Match.objectLike({ Id: 'dlqAge' })]),
    });
    expect(job.function.triggers[0].failureQueues).toEqual([job.scheduleDeadLetterQueue]);
  });

  test('the schedule role is separate from the function role and only invokes the alias', () => {
    expect(job.scheduleRole).not.toBe(job.function.role);
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'InvokeLiveAlias', Resource: aliasRef })]) },
    });
  });

  test('zero unacknowledged cdk-nag findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('ScheduledJob defaults and errors', () => {
  test('the defaults alone are clean', () => {
    const stack = testStack();
    new ScheduledJob(stack, 'Job', { code: FunctionCode.fromAsset(HANDLER_DIR), schedule: TriggerSchedule.rate(Duration.hours(1)) });
    Template.fromStack(stack).hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(1 hour)', ScheduleExpressionTimezone: 'UTC' });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('an invalid expression fails at synth with the schedule path', () => {
    const stack = testStack();
    expect(() => new ScheduledJob(stack, 'Job', { code: FunctionCode.fromAsset(HANDLER_DIR), schedule: TriggerSchedule.cron('0 2 * * MON-FRI') }))
      .toThrow(/\[LBP_SCHEDULE_CRON\] TestStack\/Job: schedule .*cron\(0 2 \? \* MON-FRI \*\)/);
  });

  test('the retry policy can be widened to the service maximum', () => {
    const stack = testStack();
    const job = new ScheduledJob(stack, 'Job', {
      code: FunctionCode.fromAsset(HANDLER_DIR),
      schedule: WEEKDAYS_AT_2,
      triggerOptions: { retryAttempts: 185, maxEventAge: Duration.hours(24) },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Scheduler::Schedule', {
      Target: Match.objectLike({ RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 } }),
    });
    expect(job.trigger.when.expressionString).toBe('cron(0 2 ? * MON-FRI *)');
  });
});
