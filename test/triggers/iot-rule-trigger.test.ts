import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { testFunction } from './fixtures';
import { IotSqlVersion, Trigger } from '../../src';
import { nagFindings } from '../helpers/nag';
import { testStack } from '../helpers/template';

describe('Trigger.iotRule', () => {
  test('a rule invoking the live alias, SQL version set, error action into an alarmed FailureQueue; no findings', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const trigger = Trigger.iotRule('SELECT * FROM \'devices/+/telemetry\' WHERE temperature > 50');
    fn.addTrigger(trigger);

    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::IoT::TopicRule', {
      TopicRulePayload: {
        Sql: 'SELECT * FROM \'devices/+/telemetry\' WHERE temperature > 50',
        AwsIotSqlVersion: '2016-03-23',
        RuleDisabled: false,
        Actions: [{ Lambda: { FunctionArn: { Ref: Match.stringLikeRegexp('FnLiveAlias') } } }],
        ErrorAction: {
          Sqs: {
            QueueUrl: { Ref: Match.stringLikeRegexp('FnIotRuleErrorQueue') },
            RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('FnIotRuleErrorActionRole'), 'Arn'] },
            UseBase64: false,
          },
        },
      },
    });
    t.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'iot.amazonaws.com',
      FunctionName: { Ref: Match.stringLikeRegexp('FnLiveAlias') },
      SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FnIotRule[0-9A-F]{8}$'), 'Arn'] },
      SourceAccount: '123456789012',
    });
    // The error-action role may only send to the error queue, from a customer-managed policy.
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({
          Principal: { Service: 'iot.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
        })],
      },
    });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: [{
          Sid: 'SendToErrorQueue',
          Effect: 'Allow',
          Action: 'sqs:SendMessage',
          Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('FnIotRuleErrorQueue'), 'Arn'] },
        }],
      },
      Roles: [{ Ref: Match.stringLikeRegexp('FnIotRuleErrorActionRole') }],
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('FnIotRuleErrorQueue'), 'QueueName'] } }],
      AlarmActions: Match.anyValue(),
    });
    expect(trigger.rule.topicRulePayload).toBeDefined();
    expect(trigger.errorQueue).toBe(fn.triggers[0].failureQueues![0]);
    expect(trigger.permission.principal).toBe('iot.amazonaws.com');
    expect(trigger.errorActionRole).toBeDefined();
    // Rule errors in the error queue, function failures in the function's DLQ.
    expect(fn.triggers[0].failureQueues).toEqual([trigger.errorQueue, fn.deadLetterQueue]);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('a given error queue, SQL version, name and disabled state are used', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const queue = new sqs.Queue(stack, 'Errors', { enforceSSL: true, retentionPeriod: Duration.days(14) });
    const trigger = Trigger.iotRule('SELECT temperature FROM \'a/b\'', {
      errorQueue: queue, sqlVersion: IotSqlVersion.BETA, ruleName: 'telemetry_rule_1', enabled: false,
    });
    fn.addTrigger(trigger);
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::IoT::TopicRule', {
      RuleName: 'telemetry_rule_1',
      TopicRulePayload: Match.objectLike({ AwsIotSqlVersion: 'beta', RuleDisabled: true, ErrorAction: { Sqs: Match.objectLike({ QueueUrl: { Ref: Match.stringLikeRegexp('^Errors') } }) } }),
    });
    expect(trigger.errorQueue).toBe(queue);
    t.resourceCountIs('AWS::SQS::Queue', 2); // the given queue and the function's DLQ
  });

  test('a KMS-encrypted error queue: the role may use its key, nothing more', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const key = new kms.Key(stack, 'QueueKey', { enableKeyRotation: true });
    const queue = new sqs.Queue(stack, 'Encrypted', { encryptionMasterKey: key, enforceSSL: true });
    fn.addTrigger(Trigger.iotRule('SELECT * FROM \'a\'', { errorQueue: queue }));
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: [
          Match.objectLike({ Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Encrypted'), 'Arn'] } }),
          Match.objectLike({ Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^QueueKey'), 'Arn'] } }),
        ],
      },
      Roles: [{ Ref: Match.stringLikeRegexp('FnIotRuleErrorActionRole') }],
    });
  });

  test.each([
    ['not a SELECT', 'DELETE FROM \'a\''],
    ['no quoted topic', 'SELECT * FROM a/b'],
    ['empty topic', 'SELECT * FROM \'\''],
    ['8 slashes', 'SELECT * FROM \'a/b/c/d/e/f/g/h/i\''],
    ['257-byte topic', `SELECT * FROM '${'t'.repeat(257)}'`],
  ])('refuses SQL: %s', (_name, sql) => {
    const stack = testStack();
    const fn = testFunction(stack);
    expect(() => fn.addTrigger(Trigger.iotRule(sql))).toThrow(/LBP_IOT_SQL/);
    // Nothing was created under the function for the refused trigger.
    expect(fn.node.tryFindChild('IotRule')).toBeUndefined();
  });

  test('accepts the topic limits exactly: 7 slashes, 256 bytes', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    fn.addTrigger(Trigger.iotRule('SELECT * FROM \'a/b/c/d/e/f/g/h\''));
    fn.addTrigger(Trigger.iotRule(`SELECT * FROM '${'t'.repeat(256)}'`));
    Template.fromStack(stack).resourceCountIs('AWS::IoT::TopicRule', 2);
  });

  test('refuses rule names with hyphens or over 128 characters, accepts 128', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    expect(() => fn.addTrigger(Trigger.iotRule('SELECT * FROM \'a\'', { ruleName: 'my-rule' }))).toThrow(/LBP_IOT_RULE_NAME[\s\S]*my_rule/);
    expect(() => fn.addTrigger(Trigger.iotRule('SELECT * FROM \'a\'', { ruleName: 'r'.repeat(129) }))).toThrow(/LBP_IOT_RULE_NAME/);
    fn.addTrigger(Trigger.iotRule('SELECT * FROM \'a\'', { ruleName: 'r'.repeat(128) }));
  });

  test('refuses a FIFO error queue', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const fifo = new sqs.Queue(stack, 'Fifo', { fifo: true });
    expect(() => fn.addTrigger(Trigger.iotRule('SELECT * FROM \'a\'', { errorQueue: fifo }))).toThrow(/LBP_IOT_ERROR_QUEUE/);
  });

  test('one function per trigger; properties need addTrigger first', () => {
    const stack = testStack();
    const trigger = Trigger.iotRule('SELECT * FROM \'a\'');
    expect(() => trigger.rule).toThrow(/\[LBP_TRIGGER_NOT_ADDED\].*fn\.addTrigger\(trigger\) first/);
    testFunction(stack).addTrigger(trigger);
    expect(() => testFunction(stack, {}, 'Other').addTrigger(trigger)).toThrow(/one function only/);
  });
});
