import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as amazonmq from 'aws-cdk-lib/aws-amazonmq';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { LIVE_ALIAS_NAME_REF, testFunction } from './fixtures';
import { MqBroker, MqEngine, MqTriggerOptions, Trigger } from '../../src';
import { nagFindings } from '../helpers/nag';
import { testStack } from '../helpers/template';

const ACTIVE_ARN = 'arn:aws:mq:us-east-1:123456789012:broker:orders:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9';
const RABBIT_ARN = 'arn:aws:mq:us-east-1:123456789012:broker:events:b-9876a5b6-78cd-901e-2fgh-3i45j6k178l9';
const ACTIVE = MqBroker.activeMq(ACTIVE_ARN);
const RABBIT = MqBroker.rabbitMq(RABBIT_ARN);

function secret(stack: Stack, id = 'BrokerUser'): secretsmanager.ISecret {
  return secretsmanager.Secret.fromSecretCompleteArn(stack, id, `arn:aws:secretsmanager:us-east-1:123456789012:secret:${id}-AbCdEf`);
}

/** Every statement of every policy in the template. */
function policyStatements(t: Template): any[] {
  const policies = { ...t.findResources('AWS::IAM::ManagedPolicy'), ...t.findResources('AWS::IAM::Policy') };
  return Object.values(policies).flatMap((p: any) => p.Properties.PolicyDocument.Statement);
}

describe('Trigger.mq', () => {
  test('ActiveMQ: the ESM with the queue and BASIC_AUTH, scoped grants, an alarm on ActiveMQ.DLQ of both instances; no findings', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const trigger = Trigger.mq(ACTIVE, { queue: 'orders.in', credentials: secret(stack) });
    fn.addTrigger(trigger);

    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: LIVE_ALIAS_NAME_REF,
      EventSourceArn: ACTIVE_ARN,
      Queues: ['orders.in'],
      BatchSize: 100,
      SourceAccessConfigurations: [{ Type: 'BASIC_AUTH', URI: Match.stringLikeRegexp('^arn:aws:secretsmanager:.*:secret:BrokerUser') }],
      DestinationConfig: Match.absent(),
      StartingPosition: Match.absent(),
    });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 1,
      AlarmActions: Match.anyValue(),
      Metrics: Match.arrayWith([
        Match.objectLike({ MetricStat: Match.objectLike({ Metric: { Namespace: 'AWS/AmazonMQ', MetricName: 'QueueSize', Dimensions: [{ Name: 'Broker', Value: 'orders-1' }, { Name: 'Queue', Value: 'ActiveMQ.DLQ' }] } }) }),
        Match.objectLike({ MetricStat: Match.objectLike({ Metric: { Namespace: 'AWS/AmazonMQ', MetricName: 'QueueSize', Dimensions: [{ Name: 'Broker', Value: 'orders-2' }, { Name: 'Queue', Value: 'ActiveMQ.DLQ' }] } }) }),
      ]),
    });
    expect(trigger.mapping).toBeDefined();
    expect(trigger.deadLetterAlarm).toBeDefined();
    const config = fn.triggers[0];
    expect(config.failureQueues).toEqual([]);
    expect(config.readsStream).toBe(false);
    expect(config.eventSourceMappings).toEqual([trigger.mapping]);
    expect(config.description).toMatch(/ActiveMQ\.DLQ/);

    const statements = policyStatements(t);
    expect(statements.filter((s) => [s.Action].flat().includes('mq:DescribeBroker')).map((s) => s.Resource)).toEqual([ACTIVE_ARN]);
    expect(statements.some((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue')
      && JSON.stringify(s.Resource).includes('BrokerUser'))).toBe(true);
    const eni = statements.find((s) => [s.Action].flat().includes('ec2:CreateNetworkInterface'));
    expect(eni.Resource).toBe('*');
    const roles = t.findResources('AWS::IAM::Role');
    for (const role of Object.values(roles) as any[]) {
      expect(JSON.stringify(role.Properties.ManagedPolicyArns ?? [])).not.toMatch(/AWSLambdaMQExecutionRole/);
    }
    const mapping = Object.values(t.findResources('AWS::Lambda::EventSourceMapping'))[0] as any;
    // The mapping waits for the role's policies (DescribeBroker and the secret; the network-interface actions).
    expect(mapping.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/RolePolicy/), expect.stringMatching(/ResourceStarPolicy/)]));
    expect(nagFindings(stack)).toEqual([]);
  });

  test('RabbitMQ: the virtual host, batching, filters, and an alarm on the named dead-letter queue; no findings', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    fn.addTrigger(Trigger.mq(RABBIT, {
      queue: 'events',
      credentials: secret(stack),
      virtualHost: 'prod',
      deadLetterQueue: 'events.dlq',
      batchSize: 10000,
      maxBatchingWindow: Duration.seconds(300),
      filters: [lambda.FilterCriteria.filter({ data: { kind: lambda.FilterRule.isEqual('order') } })],
      enabled: false,
    }));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      Queues: ['events'],
      BatchSize: 10000,
      MaximumBatchingWindowInSeconds: 300,
      Enabled: false,
      FilterCriteria: { Filters: [{ Pattern: Match.anyValue() }] },
      // Filters name fields and values of the messages: encrypted with the stack's key.
      KmsKeyArn: Match.anyValue(),
      MetricsConfig: Match.absent(),
      SourceAccessConfigurations: [
        { Type: 'BASIC_AUTH', URI: Match.anyValue() },
        { Type: 'VIRTUAL_HOST', URI: 'prod' },
      ],
    });
    // No EventCount metrics for an MQ mapping, so no failed/dropped-events alarm that would never see data.
    expect(fn.alarms.eventSourceFailures).toEqual([]);
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/AmazonMQ',
      MetricName: 'MessageCount',
      Dimensions: [{ Name: 'Broker', Value: 'events' }, { Name: 'Queue', Value: 'events.dlq' }, { Name: 'VirtualHost', Value: 'prod' }],
      Threshold: 1,
    });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('from a CfnBroker: the ARN and name are references, the engine is read', () => {
    const stack = testStack();
    const broker = new amazonmq.CfnBroker(stack, 'Broker', {
      brokerName: 'inbox',
      engineType: 'rabbitmq',
      deploymentMode: 'SINGLE_INSTANCE',
      hostInstanceType: 'mq.t3.micro',
      publiclyAccessible: false,
      autoMinorVersionUpgrade: true,
      engineVersion: '3.13',
      users: [{ username: 'u', password: 'p' }],
    });
    const mq = MqBroker.fromCfnBroker(broker);
    expect(mq.engine).toBe(MqEngine.RABBITMQ);
    const fn = testFunction(stack);
    fn.addTrigger(Trigger.mq(mq, { queue: 'inbox', credentials: secret(stack), deadLetterQueue: 'inbox.dlq' }));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', { EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('Broker'), 'Arn'] } });
    t.hasResourceProperties('AWS::CloudWatch::Alarm', { Dimensions: Match.arrayWith([{ Name: 'Broker', Value: 'inbox' }, { Name: 'VirtualHost', Value: '/' }]) });
  });

  test('a token broker ARN: the name for the metric is split from it at deploy time', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const arn = new lambda.CfnFunction(stack, 'Stand-in', { code: {}, role: 'r' }).attrArn; // any token
    fn.addTrigger(Trigger.mq(MqBroker.activeMq(arn), { queue: 'q', credentials: secret(stack) }));
    expect(JSON.stringify(Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm'))).toMatch(/Fn::Split/);
  });

  test.each<[string, Partial<MqTriggerOptions> & { broker?: MqBroker }]>([
    ['batch 1', { batchSize: 1 }],
    ['window 0 s', { maxBatchingWindow: Duration.seconds(0) }],
    ['a 1,000-character queue', { queue: 'q'.repeat(1000) }],
    ['a 200-character virtual host', { broker: RABBIT, virtualHost: 'v'.repeat(200), deadLetterQueue: 'dlq' }],
  ])('accepts %s', (_name, { broker, ...options }) => {
    const stack = testStack();
    const fn = testFunction(stack);
    expect(() => fn.addTrigger(Trigger.mq(broker ?? ACTIVE, { queue: 'orders', credentials: secret(stack), ...options }))).not.toThrow();
  });

  test.each<[string, Partial<MqTriggerOptions> & { broker?: MqBroker }, string]>([
    ['a bad broker ARN', { broker: MqBroker.activeMq('arn:aws:mq:us-east-1:123456789012:configuration:c-1234') }, 'LBP_MQ_BROKER'],
    ['a broker ARN of another service', { broker: MqBroker.rabbitMq('arn:aws:sqs:us-east-1:123456789012:broker:x:y'), deadLetterQueue: 'd' }, 'LBP_MQ_BROKER'],
    ['an empty queue', { queue: '' }, 'LBP_MQ_QUEUE'],
    ['a 1,001-character queue', { queue: 'q'.repeat(1001) }, 'LBP_MQ_QUEUE'],
    ['no credentials', { credentials: undefined }, 'LBP_MQ_CREDENTIALS'],
    ['a virtual host on ActiveMQ', { virtualHost: '/' }, 'LBP_MQ_VIRTUAL_HOST'],
    ['a bad virtual host', { broker: RABBIT, virtualHost: 'prod host', deadLetterQueue: 'dlq' }, 'LBP_MQ_VIRTUAL_HOST'],
    ['a 201-character virtual host', { broker: RABBIT, virtualHost: 'v'.repeat(201), deadLetterQueue: 'dlq' }, 'LBP_MQ_VIRTUAL_HOST'],
    ['batch 0', { batchSize: 0 }, 'LBP_MQ_BATCH_SIZE'],
    ['batch 10001', { batchSize: 10001 }, 'LBP_MQ_BATCH_SIZE'],
    ['window 301 s', { maxBatchingWindow: Duration.seconds(301) }, 'LBP_BATCHING_WINDOW'],
    ['RabbitMQ without a dead-letter queue', { broker: RABBIT }, 'LBP_MQ_DEAD_LETTER_QUEUE'],
    ['the source queue as dead-letter queue', { deadLetterQueue: 'orders' }, 'LBP_MQ_DEAD_LETTER_QUEUE'],
    ['an empty dead-letter queue', { deadLetterQueue: '' }, 'LBP_MQ_DEAD_LETTER_QUEUE'],
    ['a RabbitMQ dead-letter queue without metrics', { broker: RABBIT, deadLetterQueue: 'dead letters' }, 'LBP_MQ_DEAD_LETTER_QUEUE'],
  ])('refuses %s', (_name, { broker, ...options }, code) => {
    const stack = testStack();
    const fn = testFunction(stack);
    const before = stack.node.findAll().length;
    expect(() => fn.addTrigger(Trigger.mq(broker ?? ACTIVE, { queue: 'orders', credentials: secret(stack), ...options } as MqTriggerOptions)))
      .toThrow(new RegExp(code));
    // nothing half-made: only the trigger's (empty) scope and the imported secret were added
    expect(stack.node.findAll().filter((c) => c.node.id === 'EventSourceMapping')).toHaveLength(0);
    expect(stack.node.findAll().length).toBeLessThanOrEqual(before + 2);
  });

  test('refuses a broker that is not an MqBroker and a CfnBroker whose engine is a token', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    expect(() => fn.addTrigger(Trigger.mq('arn' as any, { queue: 'q', credentials: secret(stack) }))).toThrow(/LBP_MQ_BROKER/);
    const broker = new amazonmq.CfnBroker(stack, 'Broker', {
      brokerName: 'b',
      engineType: new lambda.CfnFunction(stack, 'Stand-in', { code: {}, role: 'r' }).attrArn,
      deploymentMode: 'SINGLE_INSTANCE',
      hostInstanceType: 'mq.t3.micro',
      publiclyAccessible: false,
      autoMinorVersionUpgrade: true,
      engineVersion: '5.18',
      users: [],
    });
    expect(() => fn.addTrigger(Trigger.mq(MqBroker.fromCfnBroker(broker), { queue: 'q', credentials: secret(stack, 'S2') }))).toThrow(/LBP_MQ_BROKER/);
  });
});
