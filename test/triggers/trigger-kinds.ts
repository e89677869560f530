import { Duration, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { DocumentDbSource, ITrigger, KafkaSource, MqBroker, Trigger, TriggerSchedule } from '../../src';

/**
 * One valid trigger of every kind (a row per `Trigger` factory), with one of its bound-only getters: shared by
 * the tests that must hold for every trigger kind (bound-once, durable functions' `live` alias).
 */
export const TRIGGER_KINDS: Array<[kind: string, make: (stack: Stack) => ITrigger, getter: string]> = [
  ['sqs', (stack) => Trigger.sqs(new sqs.Queue(stack, 'Queue', {
    visibilityTimeout: Duration.minutes(3), deadLetterQueue: { queue: new sqs.Queue(stack, 'Dlq'), maxReceiveCount: 5 },
  })), 'mapping'],
  ['kinesis', (stack) => Trigger.kinesis(new kinesis.Stream(stack, 'Stream')), 'mapping'],
  ['dynamoDbStream', (stack) => Trigger.dynamoDbStream(new dynamodb.Table(stack, 'Table', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING }, stream: dynamodb.StreamViewType.NEW_IMAGE,
  })), 'mapping'],
  ['kafka', () => Trigger.kafka(
    KafkaSource.msk('arn:aws:kafka:us-east-1:123456789012:cluster/orders/abcd1234-abcd-cafe-abab-9876543210ab-4'),
    { topic: 'orders', consumerGroupId: 'orders-fn' },
  ), 'mapping'],
  ['documentDb', (stack) => Trigger.documentDb(
    DocumentDbSource.fromClusterArn('arn:aws:rds:us-east-1:123456789012:cluster:orders'),
    { databaseName: 'shop', credentials: secretsmanager.Secret.fromSecretNameV2(stack, 'DocDbSecret', 'docdb') },
  ), 'mapping'],
  ['mq', (stack) => Trigger.mq(
    MqBroker.activeMq('arn:aws:mq:us-east-1:123456789012:broker:orders:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9'),
    { queue: 'orders', credentials: secretsmanager.Secret.fromSecretNameV2(stack, 'MqUser', 'orders-user') },
  ), 'deadLetterAlarm'],
  ['s3', (stack) => Trigger.s3(new s3.Bucket(stack, 'Bucket', { enforceSSL: true })), 'rule'],
  ['sns', (stack) => Trigger.sns(new sns.Topic(stack, 'Topic')), 'subscription'],
  ['schedule', () => Trigger.schedule(TriggerSchedule.rate(Duration.hours(1))), 'schedule'],
  ['eventRule', () => Trigger.eventRule({ eventPattern: { source: ['my.app'] } }), 'rule'],
  ['httpApi', () => Trigger.httpApi(), 'api'],
  ['restApi', () => Trigger.restApi(), 'api'],
  ['webSocketApi', () => Trigger.webSocketApi({ routes: ['sendMessage'] }), 'api'],
  ['cognito', (stack) => Trigger.cognito(new cognito.UserPool(stack, 'Users'), cognito.UserPoolOperation.PRE_SIGN_UP), 'permission'],
  ['functionUrl', () => Trigger.functionUrl(), 'functionUrl'],
  ['alb', (stack) => Trigger.alb({
    listener: elbv2.ApplicationListener.fromApplicationListenerAttributes(stack, 'Listener', {
      listenerArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2',
      securityGroup: ec2.SecurityGroup.fromSecurityGroupId(stack, 'AlbSg', 'sg-0123456789abcdef0'),
    }),
    priority: 10,
    conditions: [elbv2.ListenerCondition.pathPatterns(['/api/*'])],
  }), 'targetGroup'],
  ['iotRule', () => Trigger.iotRule('SELECT * FROM \'devices/+/telemetry\''), 'rule'],
  ['alexaSkill', () => Trigger.alexaSkill('amzn1.ask.skill.12345678-90ab-cdef-1234-567890abcdef'), 'permission'],
  ['logSubscription', (stack) => Trigger.logSubscription(
    new logs.LogGroup(stack, 'AppLogs', { retention: logs.RetentionDays.ONE_MONTH }), logs.FilterPattern.allEvents(),
  ), 'subscriptionFilter'],
  ['firehoseTransformation', (stack) => Trigger.firehoseTransformation({
    destinationBucket: new s3.Bucket(stack, 'Lake', { enforceSSL: true }),
  }), 'deliveryStream'],
];
