import { Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { hardenedBucket, hardenedTopic, LIVE_ALIAS_NAME_REF, testFunction } from './fixtures';
import { FailureQueue, KafkaAuthentication, KafkaSource, KafkaTriggerOptions, Trigger } from '../../src';
import { nagFindings } from '../helpers/nag';
import { testStack } from '../helpers/template';

const CLUSTER = 'arn:aws:kafka:us-east-1:123456789012:cluster/orders/abcd1234-abcd-cafe-abab-9876543210ab-4';
const MSK = KafkaSource.msk(CLUSTER);
const BROKERS = KafkaSource.selfManaged(['b1.example.com:9096', 'b2.example.com:9096']);
const BASE: KafkaTriggerOptions = { topic: 'orders', consumerGroupId: 'orders-fn' };

function secret(stack: Stack, id = 'KafkaSecret'): secretsmanager.ISecret {
  return secretsmanager.Secret.fromSecretCompleteArn(stack, id, `arn:aws:secretsmanager:us-east-1:123456789012:secret:AmazonMSK_${id}-AbCdEf`);
}

/** Every Resource of every statement of every policy in the template. */
function policyStatements(t: Template): any[] {
  const policies = { ...t.findResources('AWS::IAM::ManagedPolicy'), ...t.findResources('AWS::IAM::Policy') };
  return Object.values(policies).flatMap((p: any) => p.Properties.PolicyDocument.Statement);
}

describe('Trigger.kafka', () => {
  test('MSK with IAM: the ESM, a FailureQueue on failure, kafka-cluster actions scoped to cluster, topic and group; no findings', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const trigger = Trigger.kafka(MSK, BASE);
    fn.addTrigger(trigger);

    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: LIVE_ALIAS_NAME_REF,
      EventSourceArn: CLUSTER,
      Topics: ['orders'],
      AmazonManagedKafkaEventSourceConfig: { ConsumerGroupId: 'orders-fn' },
      BatchSize: 100,
      StartingPosition: 'TRIM_HORIZON',
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('FailureQueue'), 'Arn'] } } },
      SourceAccessConfigurations: Match.absent(),
      MaximumRetryAttempts: Match.absent(),
    });
    t.hasResourceProperties('AWS::SQS::Queue', { MessageRetentionPeriod: 1209600, SqsManagedSseEnabled: true });
    expect(trigger.failureQueue).toBeDefined();
    expect(fn.triggers[0].failureQueues).toHaveLength(1);
    expect(fn.triggers[0].readsStream).toBe(false);
    t.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { MetricName: 'IteratorAge' }, 0);

    const statements = policyStatements(t);
    const kafka = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('kafka')));
    expect(kafka.map((s) => s.Resource)).toEqual([
      CLUSTER,
      CLUSTER,
      'arn:aws:kafka:us-east-1:123456789012:topic/orders/abcd1234-abcd-cafe-abab-9876543210ab-4/orders',
      'arn:aws:kafka:us-east-1:123456789012:group/orders/abcd1234-abcd-cafe-abab-9876543210ab-4/orders-fn',
    ]);
    expect(statements.filter((s) => s.Resource === '*' && [s.Action].flat().some((a: string) => a.startsWith('kafka')))).toEqual([]);
    const roles = t.findResources('AWS::IAM::Role');
    for (const role of Object.values(roles) as any[]) {
      expect(JSON.stringify(role.Properties.ManagedPolicyArns ?? [])).not.toMatch(/AWSLambdaMSKExecutionRole/);
    }
    expect(nagFindings(stack)).toEqual([]);
  });

  test('a token cluster ARN: topic and group ARNs are built with Fn::Split', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const arn = new lambda.CfnFunction(stack, 'Stand-in', { code: {}, role: 'r' }).attrArn; // any token
    fn.addTrigger(Trigger.kafka(KafkaSource.msk(arn), BASE));
    const statements = policyStatements(Template.fromStack(stack));
    expect(JSON.stringify(statements)).toMatch(/:topic\//);
    expect(JSON.stringify(statements)).toMatch(/Fn::Split/);
  });

  test('self-managed with SASL/SCRAM: the secret by reference, read access granted, no kafka actions', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    fn.addTrigger(Trigger.kafka(BROKERS, { topic: 'orders', secret: secret(stack) }));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      SelfManagedEventSource: { Endpoints: { KafkaBootstrapServers: ['b1.example.com:9096', 'b2.example.com:9096'] } },
      SourceAccessConfigurations: [{ Type: 'SASL_SCRAM_512_AUTH', URI: Match.stringLikeRegexp('^arn:aws:secretsmanager') }],
    });
    const statements = policyStatements(t);
    expect(statements.some((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue'))).toBe(true);
    expect(statements.some((s) => [s.Action].flat().some((a: string) => a.startsWith('kafka')))).toBe(false);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('MSK with mTLS and SCRAM-256 self-managed with a root CA', () => {
    const stack = testStack();
    testFunction(stack).addTrigger(Trigger.kafka(MSK, { topic: 'orders', authentication: KafkaAuthentication.MTLS, secret: secret(stack) }));
    testFunction(stack, {}, 'Fn2').addTrigger(Trigger.kafka(BROKERS, {
      topic: 'orders', authentication: KafkaAuthentication.SASL_SCRAM_256, secret: secret(stack, 'S2'), rootCaCertificate: secret(stack, 'Ca'),
    }));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      SourceAccessConfigurations: [{ Type: 'CLIENT_CERTIFICATE_TLS_AUTH', URI: Match.anyValue() }],
    });
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      SourceAccessConfigurations: [{ Type: 'SASL_SCRAM_256_AUTH', URI: Match.anyValue() }, { Type: 'SERVER_ROOT_CA_CERTIFICATE', URI: Match.anyValue() }],
    });
  });

  test('provisioned mode: pollers, bounded retries and age, bisect and partial batches by default; tuning passes through', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    fn.addTrigger(Trigger.kafka(MSK, {
      ...BASE,
      provisionedPollers: { minimumPollers: 1, maximumPollers: 2000, pollerGroupName: 'orders_pollers' },
      batchSize: 10000,
      maxBatchingWindow: Duration.seconds(300),
      startingPosition: lambda.StartingPosition.AT_TIMESTAMP,
      startingPositionTimestamp: 1700000000,
      filters: [lambda.FilterCriteria.filter({ value: { kind: lambda.FilterRule.isEqual('click') } })],
    }));
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      ProvisionedPollerConfig: { MinimumPollers: 1, MaximumPollers: 2000, PollerGroupName: 'orders_pollers' },
      MaximumRetryAttempts: 3,
      MaximumRecordAgeInSeconds: 86400,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 10000,
      MaximumBatchingWindowInSeconds: 300,
      StartingPosition: 'AT_TIMESTAMP',
      StartingPositionTimestamp: 1700000000,
      FilterCriteria: { Filters: [{ Pattern: '{"value":{"kind":["click"]}}' }] },
    });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('boundaries pass: retries 0 and 10000, age 60 s and 7 days, pollers 200 = 200, batch 1, window 0', () => {
    const stack = testStack();
    testFunction(stack).addTrigger(Trigger.kafka(MSK, {
      ...BASE,
      provisionedPollers: { minimumPollers: 200, maximumPollers: 200 },
      retryAttempts: 0,
      maxRecordAge: Duration.seconds(60),
      batchSize: 1,
      maxBatchingWindow: Duration.seconds(0),
    }));
    testFunction(stack, {}, 'Fn2').addTrigger(Trigger.kafka(MSK, {
      topic: 't'.repeat(249), consumerGroupId: 'g'.repeat(200), provisionedPollers: {}, retryAttempts: 10000, maxRecordAge: Duration.days(7), bisectBatchOnError: false,
    }));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', { MaximumRetryAttempts: 0, MaximumRecordAgeInSeconds: 60, BatchSize: 1 });
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', { MaximumRetryAttempts: 10000, MaximumRecordAgeInSeconds: 604800, BisectBatchOnFunctionError: false });
  });

  test('a user queue, topic, bucket or Kafka topic is the on-failure destination', () => {
    const stack = testStack();
    const q = new FailureQueue(stack, 'Mine', { purpose: 'mine' }).queue;
    const fnQ = testFunction(stack, {}, 'FnQ');
    fnQ.addTrigger(Trigger.kafka(MSK, { ...BASE, onFailureQueue: q }));
    testFunction(stack, {}, 'FnT').addTrigger(Trigger.kafka(MSK, { ...BASE, consumerGroupId: 't', onFailureTopic: hardenedTopic(stack) }));
    testFunction(stack, {}, 'FnB').addTrigger(Trigger.kafka(MSK, { ...BASE, consumerGroupId: 'b', onFailureBucket: hardenedBucket(stack) }));
    const fnK = testFunction(stack, {}, 'FnK');
    fnK.addTrigger(Trigger.kafka(MSK, { ...BASE, consumerGroupId: 'k', onFailureKafkaTopic: 'orders-dlt' }));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Mine'), 'Arn'] } } },
    });
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', { DestinationConfig: { OnFailure: { Destination: { Ref: Match.stringLikeRegexp('^Topic') } } } });
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Bucket'), 'Arn'] } } },
    });
    const bucketPolicy = Object.values(t.findResources('AWS::IAM::ManagedPolicy')).find((p: any) => /failed Kafka records/.test(p.Properties.Description)) as any;
    expect(bucketPolicy.Properties.PolicyDocument.Statement.map((st: any) => st.Action)).toEqual(['s3:PutObject', 's3:ListBucket', ['kms:Encrypt', 'kms:GenerateDataKey']]);
    expect(JSON.stringify(policyStatements(t))).not.toMatch(/s3:GetObject|s3:DeleteObject/);
    t.hasResourceProperties('AWS::Lambda::EventSourceMapping', { DestinationConfig: { OnFailure: { Destination: 'kafka://orders-dlt' } } });
    expect(fnQ.triggers[0].failureQueues).toEqual([q]);
    expect(fnK.triggers[0].failureQueues).toEqual([]);
    expect(JSON.stringify(policyStatements(t))).toMatch(/topic\/orders\/abcd1234-abcd-cafe-abab-9876543210ab-4\/orders-dlt/);
  });

  test('a bucket or a Kafka topic as destination leaves no findings (the object wildcard acknowledged on a library-only policy)', () => {
    const stack = testStack();
    testFunction(stack, {}, 'FnB').addTrigger(Trigger.kafka(MSK, { ...BASE, onFailureBucket: hardenedBucket(stack) }));
    testFunction(stack, {}, 'FnK').addTrigger(Trigger.kafka(MSK, { ...BASE, consumerGroupId: 'k', onFailureKafkaTopic: 'orders-dlt' }));
    expect(nagFindings(stack)).toEqual([]);
  });

  const PROV = { provisionedPollers: {} };
  test.each<[string, Partial<KafkaTriggerOptions> & { source?: KafkaSource }, string]>([
    ['a bad cluster ARN', { source: KafkaSource.msk('arn:aws:kafka:us-east-1:123456789012:topic/orders/x/y') }, 'LBP_KAFKA_SOURCE'],
    ['no brokers', { source: KafkaSource.selfManaged([]), consumerGroupId: undefined }, 'LBP_KAFKA_SOURCE'],
    ['a broker without port', { source: KafkaSource.selfManaged(['b1.example.com']) }, 'LBP_KAFKA_SOURCE'],
    ['a bad topic', { topic: 'orders!' }, 'LBP_KAFKA_TOPIC'],
    ['a 250-character topic', { topic: 'a'.repeat(250) }, 'LBP_KAFKA_TOPIC'],
    ['the source topic as Kafka destination', { onFailureKafkaTopic: 'orders' }, 'LBP_KAFKA_TOPIC'],
    ['a bad consumer group', { consumerGroupId: 'a b' }, 'LBP_KAFKA_CONSUMER_GROUP'],
    ['a 201-character consumer group', { consumerGroupId: 'g'.repeat(201) }, 'LBP_KAFKA_CONSUMER_GROUP'],
    ['IAM without consumer group', { consumerGroupId: undefined }, 'LBP_KAFKA_CONSUMER_GROUP'],
    ['batch 0', { batchSize: 0 }, 'LBP_KAFKA_BATCH_SIZE'],
    ['batch 10001', { batchSize: 10001 }, 'LBP_KAFKA_BATCH_SIZE'],
    ['window 301 s', { maxBatchingWindow: Duration.seconds(301) }, 'LBP_BATCHING_WINDOW'],
    ['AT_TIMESTAMP without timestamp', { startingPosition: lambda.StartingPosition.AT_TIMESTAMP }, 'LBP_KAFKA_STARTING_POSITION'],
    ['a timestamp without AT_TIMESTAMP', { startingPositionTimestamp: 1700000000 }, 'LBP_KAFKA_STARTING_POSITION'],
    ['IAM on self-managed', { source: BROKERS, authentication: KafkaAuthentication.IAM }, 'LBP_KAFKA_AUTHENTICATION'],
    ['SCRAM-256 on MSK', { authentication: KafkaAuthentication.SASL_SCRAM_256 }, 'LBP_KAFKA_AUTHENTICATION'],
    ['self-managed without secret', { source: BROKERS }, 'LBP_KAFKA_AUTHENTICATION'],
    ['mTLS without secret', { authentication: KafkaAuthentication.MTLS }, 'LBP_KAFKA_AUTHENTICATION'],
    ['min pollers 0', { provisionedPollers: { minimumPollers: 0 } }, 'LBP_KAFKA_POLLERS'],
    ['min pollers 201', { provisionedPollers: { minimumPollers: 201, maximumPollers: 2000 } }, 'LBP_KAFKA_POLLERS'],
    ['max pollers 0', { provisionedPollers: { maximumPollers: 0 } }, 'LBP_KAFKA_POLLERS'],
    ['max pollers 2001', { provisionedPollers: { maximumPollers: 2001 } }, 'LBP_KAFKA_POLLERS'],
    ['min above max', { provisionedPollers: { minimumPollers: 5, maximumPollers: 4 } }, 'LBP_KAFKA_POLLERS'],
    ['a bad poller group', { provisionedPollers: { pollerGroupName: 'bad group' } }, 'LBP_KAFKA_POLLERS'],
    ['retries without provisioned mode', { retryAttempts: 3 }, 'LBP_KAFKA_PROVISIONED_MODE'],
    ['record age without provisioned mode', { maxRecordAge: Duration.hours(1) }, 'LBP_KAFKA_PROVISIONED_MODE'],
    ['bisect without provisioned mode', { bisectBatchOnError: true }, 'LBP_KAFKA_PROVISIONED_MODE'],
    ['infinite retries', { ...PROV, retryAttempts: -1 }, 'LBP_KAFKA_RETRY_ATTEMPTS'],
    ['10001 retries', { ...PROV, retryAttempts: 10001 }, 'LBP_KAFKA_RETRY_ATTEMPTS'],
    ['record age 59 s', { ...PROV, maxRecordAge: Duration.seconds(59) }, 'LBP_KAFKA_MAX_RECORD_AGE'],
    ['record age 7 days + 1 s', { ...PROV, maxRecordAge: Duration.seconds(604801) }, 'LBP_KAFKA_MAX_RECORD_AGE'],
    ['maxOffsetLag 0', { maxOffsetLag: 0 }, 'LBP_KAFKA_OFFSET_LAG'],
    ['maxOffsetLag 1,000,000,001', { maxOffsetLag: 1_000_000_001 }, 'LBP_KAFKA_OFFSET_LAG'],
  ])('refuses %s', (_name, { source, ...options }, code) => {
    const stack = testStack();
    const fn = testFunction(stack);
    expect(() => fn.addTrigger(Trigger.kafka(source ?? MSK, { ...BASE, ...options } as KafkaTriggerOptions))).toThrow(new RegExp(code));
  });

  test('refuses secrets with IAM, a root CA on MSK, two destinations and FIFO destinations', () => {
    const stack = testStack();
    const fn = testFunction(stack);
    const s = secret(stack);
    expect(() => fn.addTrigger(Trigger.kafka(MSK, { ...BASE, secret: s }))).toThrow(/LBP_KAFKA_AUTHENTICATION/);
    expect(() => fn.addTrigger(Trigger.kafka(MSK, { ...BASE, authentication: KafkaAuthentication.MTLS, secret: s, rootCaCertificate: s })))
      .toThrow(/LBP_KAFKA_AUTHENTICATION/);
    const q = new sqs.Queue(stack, 'Q');
    const bucket = new s3.Bucket(stack, 'B');
    expect(() => fn.addTrigger(Trigger.kafka(MSK, { ...BASE, onFailureQueue: q, onFailureBucket: bucket }))).toThrow(/LBP_KAFKA_ON_FAILURE/);
    expect(() => fn.addTrigger(Trigger.kafka(MSK, { ...BASE, onFailureQueue: new sqs.Queue(stack, 'Fifo', { fifo: true }) })))
      .toThrow(/LBP_KAFKA_ON_FAILURE/);
    expect(() => fn.addTrigger(Trigger.kafka(MSK, { ...BASE, onFailureTopic: new sns.Topic(stack, 'FifoTopic', { fifo: true }) })))
      .toThrow(/LBP_KAFKA_ON_FAILURE/);
    expect(() => fn.addTrigger(Trigger.kafka('arn' as any, BASE))).toThrow(/LBP_KAFKA_SOURCE/);
    expect(() => fn.addTrigger(Trigger.kafka(MSK, undefined as any))).toThrow(/topic/);
  });

  describe('network, observability and encryption', () => {
    const NETWORK = ['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeVpcs',
      'ec2:DeleteNetworkInterface', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups'];
    const sinkWarnings = (stack: Stack) => {
      (stack.node.root as any).synth();
      return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('clusterVpcSinkEndpointMissing'));
    };
    function isolatedVpc(stack: Stack): ec2.Vpc {
      return new ec2.Vpc(stack, 'ClusterVpc', { natGateways: 0, subnetConfiguration: [{ name: 'Brokers', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    }

    test('MSK: the network-interface actions on * land in the library-only policy; metrics, WARN logs, the mapping reported, an OffsetLag alarm', () => {
      const stack = testStack();
      const fn = testFunction(stack);
      const trigger = Trigger.kafka(MSK, BASE);
      fn.addTrigger(trigger);
      const t = Template.fromStack(stack);
      const network = policyStatements(t).filter((s) => s.Resource === '*' && [s.Action].flat().includes('ec2:CreateNetworkInterface'));
      expect(network).toHaveLength(1);
      expect([network[0].Action].flat().sort()).toEqual([...NETWORK].sort());
      t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        MetricsConfig: { Metrics: ['EventCount', 'ErrorCount', 'KafkaMetrics'] },
        LoggingConfig: { SystemLogLevel: 'WARN' },
        KmsKeyArn: Match.absent(),
      });
      expect(fn.triggers[0].eventSourceMappings).toEqual([trigger.mapping]);
      t.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Lambda',
        MetricName: 'OffsetLag',
        Dimensions: [{ Name: 'FunctionName', Value: Match.anyValue() }],
        Statistic: 'Maximum',
        Period: 300,
        EvaluationPeriods: 3,
        Threshold: 10000,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [Match.anyValue()],
      });
      expect(trigger.offsetLagAlarm).toBeDefined();
      expect(nagFindings(stack)).toEqual([]);
    });

    test('maxOffsetLag 1 and 1,000,000,000 pass; logLevel passes through', () => {
      const stack = testStack();
      testFunction(stack).addTrigger(Trigger.kafka(MSK, { ...BASE, maxOffsetLag: 1, logLevel: lambda.EventSourceMappingLogLevel.DEBUG }));
      testFunction(stack, {}, 'Fn2').addTrigger(Trigger.kafka(MSK, { ...BASE, maxOffsetLag: 1_000_000_000 }));
      const t = Template.fromStack(stack);
      t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'OffsetLag', Threshold: 1 });
      t.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'OffsetLag', Threshold: 1_000_000_000 });
      t.hasResourceProperties('AWS::Lambda::EventSourceMapping', { LoggingConfig: { SystemLogLevel: 'DEBUG' } });
    });

    test('self-managed in a VPC: VPC_SUBNET and VPC_SECURITY_GROUP, the network-interface actions; over the internet: none', () => {
      const stack = testStack();
      const vpc = isolatedVpc(stack);
      vpc.addInterfaceEndpoint('Sqs', { service: ec2.InterfaceVpcEndpointAwsService.SQS });
      const sg = new ec2.SecurityGroup(stack, 'PollerSg', { vpc });
      testFunction(stack).addTrigger(Trigger.kafka(BROKERS, { topic: 'orders', secret: secret(stack), vpc, securityGroup: sg }));
      const t = Template.fromStack(stack);
      const esm: any = Object.values(t.findResources('AWS::Lambda::EventSourceMapping'))[0];
      const types = esm.Properties.SourceAccessConfigurations.map((c: any) => c.Type);
      expect(types).toEqual(['SASL_SCRAM_512_AUTH', 'VPC_SECURITY_GROUP', ...vpc.isolatedSubnets.map(() => 'VPC_SUBNET')]);
      expect(vpc.isolatedSubnets.length).toBeGreaterThan(0);
      expect(policyStatements(t).some((s) => [s.Action].flat().includes('ec2:CreateNetworkInterface'))).toBe(true);
      // The VPC and security group are the test's (the user's); the trigger's resources have no finding.
      expect(nagFindings(stack).filter((f) => !/\/(ClusterVpc|PollerSg)\//.test(f.path))).toEqual([]);
      expect(sinkWarnings(stack)).toHaveLength(0);

      const internet = testStack('Internet');
      testFunction(internet).addTrigger(Trigger.kafka(BROKERS, { topic: 'orders', secret: secret(internet) }));
      expect(policyStatements(Template.fromStack(internet)).some((s) => [s.Action].flat().includes('ec2:CreateNetworkInterface'))).toBe(false);
    });

    test('the sink from the cluster VPC: a coded warning without an endpoint for its service; none with it, for a Kafka topic or an imported VPC', () => {
      const withoutSqs = testStack();
      const sg = (stack: Stack, vpc: ec2.IVpc) => new ec2.SecurityGroup(stack, 'PollerSg', { vpc });
      const v1 = isolatedVpc(withoutSqs);
      testFunction(withoutSqs).addTrigger(Trigger.kafka(BROKERS, { topic: 'orders', secret: secret(withoutSqs), vpc: v1, securityGroup: sg(withoutSqs, v1) }));
      const found = sinkWarnings(withoutSqs);
      expect(found).toHaveLength(1);
      expect(JSON.stringify(found[0].entry.data)).toMatch(/no sqs endpoint.*interface endpoint/);

      const topicSink = testStack('TopicSink');
      const v2 = isolatedVpc(topicSink);
      v2.addInterfaceEndpoint('Sqs', { service: ec2.InterfaceVpcEndpointAwsService.SQS });
      testFunction(topicSink).addTrigger(Trigger.kafka(MSK, { ...BASE, vpc: v2, onFailureTopic: hardenedTopic(topicSink) }));
      expect(JSON.stringify(sinkWarnings(topicSink)[0].entry.data)).toMatch(/no sns endpoint/);

      const withSns = testStack('WithSns');
      const v3 = isolatedVpc(withSns);
      v3.addInterfaceEndpoint('Sns', { service: ec2.InterfaceVpcEndpointAwsService.SNS });
      testFunction(withSns).addTrigger(Trigger.kafka(MSK, { ...BASE, vpc: v3, onFailureTopic: hardenedTopic(withSns) }));
      expect(sinkWarnings(withSns)).toHaveLength(0);

      const kafkaSink = testStack('KafkaSink');
      testFunction(kafkaSink).addTrigger(Trigger.kafka(MSK, { ...BASE, vpc: isolatedVpc(kafkaSink), onFailureKafkaTopic: 'orders-dlt' }));
      expect(sinkWarnings(kafkaSink)).toHaveLength(0);

      const imported = testStack('Imported');
      const vpc = ec2.Vpc.fromVpcAttributes(imported, 'Imported', { vpcId: 'vpc-1234', availabilityZones: ['us-east-1a'], isolatedSubnetIds: ['subnet-1'] });
      testFunction(imported).addTrigger(Trigger.kafka(MSK, { ...BASE, vpc }));
      expect(sinkWarnings(imported)).toHaveLength(0);
    });

    test('filters are encrypted with the stack\'s library key, which lets lambda.amazonaws.com decrypt them; no findings', () => {
      const stack = testStack();
      testFunction(stack).addTrigger(Trigger.kafka(MSK, {
        ...BASE, filters: [lambda.FilterCriteria.filter({ value: { kind: lambda.FilterRule.isEqual('click') } })],
      }));
      const t = Template.fromStack(stack);
      const keys = t.findResources('AWS::KMS::Key');
      const [keyId, key] = Object.entries(keys).find(([id]) => id.startsWith('BlueprintKey'))! as [string, any];
      t.hasResourceProperties('AWS::Lambda::EventSourceMapping', { KmsKeyArn: { 'Fn::GetAtt': [keyId, 'Arn'] } });
      expect(key.Properties.KeyPolicy.Statement.some((s: any) => s.Principal?.Service === 'lambda.amazonaws.com'
        && [s.Action].flat().includes('kms:Decrypt'))).toBe(true);
      expect(nagFindings(stack)).toEqual([]);
    });

    test('a KMS-encrypted topic as onFailureTopic: no unacknowledged findings', () => {
      const stack = testStack();
      const topic = new sns.Topic(stack, 'EncryptedTopic', { masterKey: new kms.Key(stack, 'TopicKey', { enableKeyRotation: true }), enforceSSL: true });
      testFunction(stack).addTrigger(Trigger.kafka(MSK, { ...BASE, onFailureTopic: topic }));
      const statements = policyStatements(Template.fromStack(stack));
      const kmsActions = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('kms:'))).flatMap((s) => [s.Action].flat());
      expect(kmsActions.sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
      expect(statements.some((s) => [s.Action].flat().includes('sns:Publish'))).toBe(true);
      expect(nagFindings(stack)).toEqual([]);
    });

    test.each<[string, Partial<KafkaTriggerOptions> & { source?: KafkaSource }]>([
      ['vpcSubnets on MSK', { vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } }],
      ['securityGroup without vpc (self-managed)', { source: BROKERS, authentication: KafkaAuthentication.SASL_SCRAM_512 }],
      ['a self-managed vpc without securityGroup', { source: BROKERS }],
    ])('refuses %s (LBP_KAFKA_VPC)', (name, { source, ...options }) => {
      const stack = testStack();
      const vpc = isolatedVpc(stack);
      const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc });
      const extra = name.startsWith('securityGroup') ? { securityGroup: sg } : name.startsWith('a self-managed') ? { vpc } : {};
      const fn = testFunction(stack);
      const base = source ? { topic: 'orders', secret: secret(stack) } : BASE;
      expect(() => fn.addTrigger(Trigger.kafka(source ?? MSK, { ...base, ...options, ...extra } as KafkaTriggerOptions))).toThrow(/LBP_KAFKA_VPC/);
      expect(stack.node.findAll().some((c) => c.node.id === 'EventSourceMapping')).toBe(false);
    });

    test('refuses a selection of subnets the VPC does not have (LBP_KAFKA_VPC); one that it has passes', () => {
      const stack = testStack();
      const vpc = isolatedVpc(stack);
      const securityGroup = new ec2.SecurityGroup(stack, 'Sg', { vpc });
      const fn = testFunction(stack);
      const options = { topic: 'orders', secret: secret(stack), vpc, securityGroup };
      expect(() => fn.addTrigger(Trigger.kafka(BROKERS, { ...options, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } })))
        .toThrow(/LBP_KAFKA_VPC/);
      expect(() => fn.addTrigger(Trigger.kafka(BROKERS, { ...options, vpcSubnets: { subnets: [] } }))).toThrow(/LBP_KAFKA_VPC/);
      expect(stack.node.findAll().some((c) => c.node.id === 'EventSourceMapping')).toBe(false);
      fn.addTrigger(Trigger.kafka(BROKERS, { ...options, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } }));
      expect(Template.fromStack(stack).findResources('AWS::Lambda::EventSourceMapping')).not.toEqual({});
    });
  });
});
