/// Trigger.kafka: an MSK topic read with IAM (kafka-cluster actions scoped to cluster, topic and group),
/// provisioned pollers with bounded retries and record age, a FailureQueue on failure; and a
/// self-managed cluster in on-demand mode with SASL/SCRAM credentials by reference, a FailureQueue on failure
/// (Lambda caps its retries at 10 when an on-failure destination is set); and a self-managed cluster inside a
/// VPC (VPC_SUBNET / VPC_SECURITY_GROUP, the network-interface actions in the role's library policy) with
/// filters encrypted by the stack's library key. Every mapping has metrics, WARN system logs and an OffsetLag alarm.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { FunctionCode, KafkaSource, ServerlessFunction, Trigger } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsKafkaTrigger');
const code = FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler'));

// The clusters are the account's (an integ test does not create one): their ARN and brokers are placeholders.
const orders = new ServerlessFunction(stack, 'Orders', { code });
orders.addTrigger(Trigger.kafka(
  KafkaSource.msk(`arn:aws:kafka:${stack.region}:${stack.account}:cluster/orders/00000000-0000-0000-0000-000000000000-1`),
  { topic: 'orders', consumerGroupId: 'orders-fn', provisionedPollers: { minimumPollers: 1, maximumPollers: 4 }, maxRecordAge: Duration.hours(6) },
));

const audit = new ServerlessFunction(stack, 'Audit', { code });
audit.addTrigger(Trigger.kafka(KafkaSource.selfManaged(['broker1.example.com:9096', 'broker2.example.com:9096']), {
  topic: 'audit',
  secret: secretsmanager.Secret.fromSecretNameV2(stack, 'KafkaCredentials', 'AmazonMSK_audit'),
}));

// The brokers' VPC and the pollers' security group are the account's (imported placeholders).
const brokersVpc = ec2.Vpc.fromVpcAttributes(stack, 'BrokersVpc', {
  vpcId: 'vpc-0bbbbbbbbbbbbbbb1',
  availabilityZones: ['us-east-1a', 'us-east-1b'],
  privateSubnetIds: ['subnet-0bbbbbbbbbbbbbbb1', 'subnet-0bbbbbbbbbbbbbbb2'],
  privateSubnetRouteTableIds: ['rtb-0bbbbbbbbbbbbbbb1', 'rtb-0bbbbbbbbbbbbbbb2'],
});
const clicks = new ServerlessFunction(stack, 'Clicks', { code });
clicks.addTrigger(Trigger.kafka(KafkaSource.selfManaged(['kafka1.internal:9096']), {
  topic: 'clicks',
  secret: secretsmanager.Secret.fromSecretNameV2(stack, 'ClicksCredentials', 'AmazonMSK_clicks'),
  vpc: brokersVpc,
  securityGroup: ec2.SecurityGroup.fromSecurityGroupId(stack, 'PollersSg', 'sg-0bbbbbbbbbbbbbbb1'),
  filters: [lambda.FilterCriteria.filter({ value: { kind: lambda.FilterRule.isEqual('click') } })],
  maxOffsetLag: 50000,
}));

new IntegTest(app, 'KafkaTrigger', { testCases: [stack] });
app.synth();
