/// Trigger.mq: an Amazon MQ for ActiveMQ queue (failed messages end in ActiveMQ.DLQ after the broker's
/// redeliveries; the alarm watches it on both broker instances) and an Amazon MQ for RabbitMQ queue of a
/// virtual host (its dead-letter exchange routes to `events.dlq`, which the alarm watches). Credentials are
/// Secrets Manager secrets by reference. Lambda has no on-failure destination for Amazon MQ.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { FunctionCode, MqBroker, ServerlessFunction, Trigger } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsMqTrigger');
const code = FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler'));

// The brokers are the account's (an integ test does not create one): their ARNs are placeholders.
const orders = new ServerlessFunction(stack, 'Orders', { code });
orders.addTrigger(Trigger.mq(
  MqBroker.activeMq(`arn:aws:mq:${stack.region}:${stack.account}:broker:orders:b-00000000-0000-0000-0000-000000000001`),
  { queue: 'orders.in', credentials: secretsmanager.Secret.fromSecretNameV2(stack, 'ActiveMqUser', 'orders-broker-user') },
));

const events = new ServerlessFunction(stack, 'Events', { code });
events.addTrigger(Trigger.mq(
  MqBroker.rabbitMq(`arn:aws:mq:${stack.region}:${stack.account}:broker:events:b-00000000-0000-0000-0000-000000000002`),
  {
    queue: 'events',
    virtualHost: 'prod',
    deadLetterQueue: 'events.dlq',
    credentials: secretsmanager.Secret.fromSecretNameV2(stack, 'RabbitMqUser', 'events-broker-user'),
    batchSize: 50,
    maxBatchingWindow: Duration.seconds(5),
  },
));

new IntegTest(app, 'MqTrigger', { testCases: [stack] });
app.synth();
