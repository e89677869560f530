import { App, Duration, RemovalPolicy, Size, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { IConstruct } from 'constructs';
import { AlexaSkillKind, AsyncDestination, BlueprintDashboard, Blueprints, BlueprintStack, BucketProcessor, DocumentDbFullDocument, DocumentDbSource, EdgeFunction, FunctionAlarms, FunctionDeployment, FunctionSecret, KafkaAuthentication, KafkaSource, MqBroker, NagPackName, FailureQueue, FunctionCode, FunctionGroup, FunctionLayer, HttpApiFunction, QueueProcessor, RestApiFunction, ScheduledJob, ServerlessFunction, StreamProcessor, TableStreamProcessor, TopicSubscriber, Trigger, TriggerSchedule } from '../../src';
import { BlueprintValidationError } from '../../src/validation/blueprint-error';
import { HANDLER_DIR } from '../helpers/template';

/**
 * Generative test: seeded random props (valid, at the limits, past them, and of the wrong type as
 * JavaScript and Python callers can pass them) over every public construct and every trigger. Each
 * run either synthesizes or throws BlueprintValidationError, never another error, and a failed run
 * leaves the tree as it was. A refusal the library leaves to aws-cdk-lib (`LBP_AWS_CDK`) fails the run
 * unless it is listed, with its reason, in CAUGHT_BY_AWS_CDK_ONLY. (FunctionLayer.fromPythonRequirements and FunctionCode.fromPythonProject
 * need pip and are not fuzzed here; test/code/python and test/layers cover their errors.)
 */

// Park-Miller minimal standard generator: small, deterministic, no bitwise operators.
function rng(seed: number): () => number {
  let state = seed % 2147483647;
  return () => {
    state = (state * 48271) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

const random = rng(20261201);
function pick<T>(values: T[]): T {
  return values[Math.floor(random() * values.length)];
}
/** How often a set value is a bad one, chosen per run: some runs are all valid, some mostly bad. */
let badRate = 0;
/** Unset half the time; otherwise a good value, or (at the run's bad rate) a bad one. */
function gen<T>(good: T[], bad: unknown[]): T | undefined {
  if (random() < 0.5) {
    return undefined;
  }
  return (good.length === 0 || random() < badRate ? pick(bad.length > 0 ? bad : good) : pick(good)) as T;
}

const WRONG = [null, '12', 'x', true, {}, [], NaN];
const num = (good: number[], bad: number[] = []): any => gen(good, [...bad, -1, 1e9, ...WRONG]);
const dur = (good: Duration[], bad: Duration[] = []): any => gen(good, [...bad, Duration.millis(1500), Duration.days(30), 30, '30s', null]);
const str = (good: string[], bad: string[] = []): any => gen(good, [...bad, '', 'x'.repeat(300), 5, null]);
/** A Kafka trigger's VPC options: none, a self-managed cluster's VPC with its security group, or (bad) a half or MSK-refused set. */
function kafkaVpc(s: Stack, msk: boolean, bad: boolean): { vpc?: ec2.IVpc; vpcSubnets?: ec2.SubnetSelection; securityGroup?: ec2.ISecurityGroup } {
  if (random() < 0.5) {
    return {};
  }
  const vpc = ec2.Vpc.fromVpcAttributes(s, 'KVpc', {
    vpcId: 'vpc-1', availabilityZones: ['us-east-1a'], privateSubnetIds: ['subnet-1'], privateSubnetRouteTableIds: ['rtb-1'],
  });
  const securityGroup = ec2.SecurityGroup.fromSecurityGroupId(s, 'KSg', 'sg-1');
  if (bad) {
    return pick<any>([
      { securityGroup },
      { vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } },
      { vpc, vpcSubnets: {}, securityGroup: msk ? securityGroup : undefined },
    ]);
  }
  return msk ? { vpc } : { vpc, securityGroup };
}
const bool = (): any => gen([true, false], ['true', 1, null]);
const alarm = (): any => gen<unknown>([
  { threshold: num([1, 50, 100], [0, 101]) },
  {
    period: dur([Duration.seconds(10), Duration.seconds(30), Duration.minutes(1), Duration.hours(1)], [Duration.seconds(45), Duration.seconds(20)]),
    evaluationPeriods: num([1, 5, 24], [1441]),
  },
  { datapointsToAlarm: num([1, 3], [6]), evaluationPeriods: num([5]) },
  { enabled: bool() },
], ['on', null, { threshold: '5' }]);

function functionOptions(): any {
  return {
    memorySize: num([128, 10240, 1769], [127, 10241, 129.5]),
    timeout: dur([Duration.seconds(1), Duration.minutes(15)], [Duration.minutes(16)]),
    ephemeralStorageSize: gen([Size.mebibytes(512), Size.gibibytes(10)], [Size.mebibytes(511), Size.mebibytes(10241), 512, null]),
    description: str(['a function', 'x'.repeat(256)], ['x'.repeat(257)]),
    functionName: str(['orders-fn', 'x'.repeat(64)], ['x'.repeat(65), 'bad name!']),
    handler: str(['index.handler']),
    environment: gen([{ TABLE: 'orders' }, { BIG: 'x'.repeat(4000) }], [
      { X: undefined }, { X: null }, { X: 5 }, { '1BAD': 'x' }, { AWS_REGION: 'x' }, { BIG: 'x'.repeat(5000) }, 'TABLE=orders', null,
    ]),
    retryAttempts: num([0, 2], [3]),
    maxEventAge: dur([Duration.minutes(1), Duration.hours(6)], [Duration.seconds(59), Duration.hours(7)]),
    reservedConcurrentExecutions: num([0, 10, 100], [1.5]),
    onFailure: gen<unknown>([undefined], [AsyncDestination.queue(null as any), AsyncDestination.topic('arn' as any), 'queue']),
    secrets: gen<unknown>([undefined], [{ DB: FunctionSecret.fromSecretsManager(undefined as any) }, { DB: 'secret' }]),
    provisionedConcurrency: gen([{ minCapacity: 1 }, { minCapacity: 2, maxCapacity: 5, utilizationTarget: 0.7 }], [
      { minCapacity: 0 }, { minCapacity: 3, maxCapacity: 2 }, { minCapacity: 1, utilizationTarget: 0.95 }, { minCapacity: undefined }, { minCapacity: '2' }, null,
    ]),
    alarms: gen([
      { errors: alarm(), duration: alarm() },
      { deadLetterQueueAge: alarm() },
      { throttles: alarm(), iteratorAge: alarm(), enabled: bool() },
    ], [{ deadLetterQueueAge: { threshold: pick([1_209_601, 0, -5, '600']) } }, 'all', null]),
    deployment: gen([{ rollbackOnAlarms: true }, {}], ['canary', null, { rollbackOnAlarms: 'yes' }]),
  };
}

function code(): any {
  return random() < badRate
    ? pick<unknown>([undefined, null, 'index.js', {}])
    : pick([FunctionCode.fromAsset(HANDLER_DIR), FunctionCode.fromInline('exports.handler = async () => {};')]);
}

/** A stack (one per run, so the runs do not interact) with the sources the runs need. */
function newStack(app: App, n: number): Stack {
  return new Stack(app, `Run${n}`, { env: { account: '123456789012', region: 'us-east-1' } });
}

function snapshot(scopes: IConstruct[]): string[] {
  return scopes.flatMap((s) => s.node.findAll().map((c) => c.node.path)).sort();
}

type Run = { name: string; build: (stack: Stack) => { scopes: IConstruct[]; act: () => void } };

const CONSTRUCTS: Run[] = [
  { name: 'ServerlessFunction', build: (s) => ({ scopes: [s], act: () => new ServerlessFunction(s, 'Fn', { code: code(), ...functionOptions() }) }) },
  {
    name: 'FunctionLayer',
    build: (s) => ({
      scopes: [s],
      act: () => new FunctionLayer(s, 'Layer', {
        path: random() < badRate ? pick<any>(['/no/such/dir', undefined, 5]) : `${__dirname}/../fixtures/layer`,
        layerVersionName: str(['my-layer', 'x'.repeat(140)], ['my layer', 'x'.repeat(141)]),
        description: str(['a layer', 'x'.repeat(256)], ['x'.repeat(257)]),
        removalPolicy: gen([RemovalPolicy.DESTROY], ['gone']),
      }),
    }),
  },
  {
    name: 'FailureQueue',
    build: (s) => ({ scopes: [s], act: () => new FailureQueue(s, 'Q', { purpose: 'orders', fifo: bool(), ageAlarm: alarm() }) }),
  },
  {
    name: 'QueueProcessor',
    build: (s) => ({
      scopes: [s],
      act: () => new QueueProcessor(s, 'P', {
        code: code(),
        functionOptions: functionOptions(),
        maxReceiveCount: num([1, 5, 1000], [0, 1001]),
        retentionPeriod: dur([Duration.days(14), Duration.minutes(1)], [Duration.days(15), Duration.seconds(59)]),
        fifo: bool(),
        triggerOptions: gen(
          [{ batchSize: num([1, 10]) }, { batchSize: 10000, maxBatchingWindow: Duration.seconds(300) }, { maxConcurrency: num([2, 1000]) },
            { provisionedPollers: { minimumPollers: num([2, 200]), maximumPollers: 2000 } }],
          [{ batchSize: 11 }, { maxBatchingWindow: Duration.seconds(301) }, { maxConcurrency: 1001 }, null, 'fast',
            { provisionedPollers: { minimumPollers: 1 } }, { provisionedPollers: { maximumPollers: 2001 } },
            { maxConcurrency: 5, provisionedPollers: {} }],
        ),
      }),
    }),
  },
  {
    name: 'BucketProcessor',
    build: (s) => ({
      scopes: [s],
      act: () => new BucketProcessor(s, 'P', {
        code: code(),
        functionOptions: functionOptions(),
        readObjects: bool(),
        triggerOptions: gen([{ prefix: 'in/', suffix: '.jpg' }, { retryAttempts: num([0, 185]) }, { maxEventAge: dur([Duration.minutes(1), Duration.hours(24)]) }],
          [{ retryAttempts: 186 }, { maxEventAge: Duration.hours(25) }, { prefix: 5 }, null]),
      }),
    }),
  },
  {
    name: 'StreamProcessor',
    build: (s) => ({
      scopes: [s],
      act: () => new StreamProcessor(s, 'P', {
        code: code(),
        functionOptions: functionOptions(),
        shardCount: num([1, 2], [0]),
        retentionPeriod: dur([Duration.hours(24), Duration.days(365)], [Duration.hours(23), Duration.days(366)]),
        triggerOptions: gen([{ batchSize: num([1, 10000]) }, { parallelizationFactor: num([1, 10]) }, { retryAttempts: num([0, 10000]) }],
          [{ batchSize: 10001 }, { parallelizationFactor: 11 }, { retryAttempts: -1 }, null]),
      }),
    }),
  },
  {
    name: 'TableStreamProcessor',
    build: (s) => ({
      scopes: [s],
      act: () => new TableStreamProcessor(s, 'P', {
        code: code(),
        functionOptions: functionOptions(),
        partitionKey: gen([{ name: 'pk', type: dynamodb.AttributeType.STRING }], [{ name: 'pk' }, 'pk']),
        triggerOptions: gen([{ batchSize: num([1, 1000]) }, { tumblingWindow: dur([Duration.seconds(900)]) }],
          [{ batchSize: 10001 }, { tumblingWindow: Duration.seconds(901) }, null]),
      }),
    }),
  },
  {
    name: 'TopicSubscriber',
    build: (s) => ({
      scopes: [s],
      act: () => new TopicSubscriber(s, 'P', {
        code: code(),
        functionOptions: functionOptions(),
        triggerOptions: gen([{ filterPolicy: { kind: sns.SubscriptionFilter.stringFilter({ allowlist: ['a'] }) } }], [{ filterPolicy: 'kind=a' }, null]),
      }),
    }),
  },
  {
    name: 'ScheduledJob',
    build: (s) => ({
      scopes: [s],
      act: () => new ScheduledJob(s, 'P', {
        code: code(),
        functionOptions: functionOptions(),
        schedule: random() < badRate
          ? pick<any>([TriggerSchedule.cron('0 2 * * 1-5'), TriggerSchedule.cron('cron(0 0 30 2 ? *)'), TriggerSchedule.rate(Duration.seconds(30)),
            TriggerSchedule.expression('every day'), undefined, 'cron(0 2 * * ? *)'])
          : pick([TriggerSchedule.cron('cron(0 2 ? * MON-FRI *)'), TriggerSchedule.rate(Duration.minutes(5))]),
        triggerOptions: gen([{ timeZone: 'Europe/Berlin' }, { flexibleTimeWindow: dur([Duration.minutes(1), Duration.hours(24)]) }, { retryAttempts: num([0, 185]) }],
          [{ timeZone: 'Mars/Olympus' }, { flexibleTimeWindow: Duration.hours(25) }, { retryAttempts: 186 }, null]),
      }),
    }),
  },
  {
    name: 'HttpApiFunction',
    build: (s) => ({
      scopes: [s],
      act: () => new HttpApiFunction(s, 'P', {
        code: code(),
        functionOptions: functionOptions(),
        triggerOptions: gen([{ routes: ['GET /items'] }, { throttlingRateLimit: num([1, 10000]), throttlingBurstLimit: num([1, 5000]) }],
          [{ routes: ['GET /items', 'GET /items'] }, { routes: ['FETCH /x'] }, { routes: 'GET /items' }, { throttlingRateLimit: -1 }, null]),
      }),
    }),
  },
  {
    name: 'RestApiFunction',
    build: (s) => ({
      scopes: [s],
      act: () => new RestApiFunction(s, 'P', {
        code: code(),
        functionOptions: functionOptions(),
        triggerOptions: gen([{ routes: ['GET /items/{id}'] }, { throttlingRateLimit: num([1, 10000]), throttlingBurstLimit: num([1, 5000]) },
          { integrationTimeout: dur([Duration.seconds(29)]) }, { stageName: str(['prod', 'x'.repeat(128)]) }],
        [{ routes: ['GET /items', 'GET /items'] }, { routes: ['FETCH /x'] }, { routes: 'GET /items' }, { throttlingRateLimit: -1 },
          { integrationTimeout: Duration.seconds(30) }, { stageName: 'bad stage!' }, { endpointType: 'EDGY' }, null]),
      }),
    }),
  },
  {
    name: 'EdgeFunction',
    build: (s) => ({
      scopes: [s],
      act: () => new EdgeFunction(s, 'Edge', {
        code: code(),
        eventTypes: random() < badRate
          ? pick<any>([[], undefined, 'viewer-request', [cloudfront.LambdaEdgeEventType.VIEWER_REQUEST, cloudfront.LambdaEdgeEventType.VIEWER_REQUEST], ['nope']])
          : pick([
            [cloudfront.LambdaEdgeEventType.VIEWER_REQUEST],
            [cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST, cloudfront.LambdaEdgeEventType.ORIGIN_RESPONSE],
          ]),
        memorySize: num([128], [129, 10241]),
        timeout: dur([Duration.seconds(1), Duration.seconds(5)], [Duration.seconds(31)]),
        description: str(['an edge function']),
        environment: gen<any>([undefined], [{ A: 'b' }]),
      }),
    }),
  },
  {
    name: 'FunctionGroup',
    build: (s) => ({
      scopes: [s],
      act: () => new FunctionGroup(s, 'G', { shards: num([1, 10, 100], [0, 101, 2.5]) }),
    }),
  },
  {
    name: 'BlueprintDashboard',
    build: (s) => {
      const f = fn(s);
      return {
        scopes: [s],
        act: () => new BlueprintDashboard(s, 'D', {
          functions: gen<any>([[f]], [[undefined], f, 'Fn', null]),
          dashboardName: str(['orders', 'x'.repeat(255)], ['x'.repeat(256), 'my dash!']),
          period: dur([Duration.seconds(10), Duration.minutes(5)], [Duration.seconds(7), Duration.seconds(90)]),
        }),
      };
    },
  },
  {
    name: 'FunctionAlarms',
    build: (s) => {
      const f = fn(s);
      return {
        scopes: [s],
        act: () => new FunctionAlarms(s, 'A', {
          function: gen<any>([f.unqualifiedFunction], ['fn', null]) ?? f.unqualifiedFunction,
          alias: gen<any>([f.alias], [{}, 5]) ?? f.alias,
          timeout: dur([Duration.seconds(30)], [30 as any]) ?? Duration.seconds(30),
          alarmTopic: f.alarmTopic,
          options: gen<any>([{ errors: alarm() }], ['on', null]),
        }),
      };
    },
  },
  {
    name: 'FunctionDeployment',
    build: (s) => {
      const f = fn(s);
      return {
        scopes: [s],
        act: () => new FunctionDeployment(s, 'Dep', {
          function: gen<any>([f.unqualifiedFunction], ['fn', null]) ?? f.unqualifiedFunction,
          alias: gen<any>([f.alias], [{}, 'live']) ?? f.alias,
          rollbackOnAlarms: bool(),
          functionAlarms: gen<any>([[]], ['all', [null]]),
        }),
      };
    },
  },
  {
    name: 'BlueprintStack',
    build: (s) => {
      const app = s.node.root;
      return {
        scopes: [app],
        act: () => new BlueprintStack(app, `${s.node.id}Blueprint`, {
          stackName: str(['Orders-1'], ['1orders', 'my stack', 'x'.repeat(129)]),
          description: str(['orders'], ['x'.repeat(1025)]),
          nagPacks: gen<any>([[NagPackName.SERVERLESS]], [['X'], 'SERVERLESS', [null]]),
          userDecisions: gen<any>([{ noVpc: 'internal batch jobs only' }], [{ noVpc: 'short' }, { noVpc: 5 }, 'none']),
          tags: gen<any>([{ team: 'orders' }], [{ team: 5 }, 'team=orders']),
          dashboard: bool(),
        }),
      };
    },
  },
  {
    name: 'Blueprints.applyTo',
    build: (s) => ({
      scopes: [s.node.root],
      act: () => Blueprints.applyTo(gen<any>([s], [null, 'app']) ?? s, {
        nagPacks: gen<any>([[NagPackName.AWS_SOLUTIONS]], [5, ['X']]),
        resourceBudget: bool(),
        costReport: bool(),
        hardenPlainFunctions: bool(),
      }),
    }),
  },
  {
    name: 'FunctionGroup.addFunction',
    build: (s) => {
      const group = new FunctionGroup(s, 'G', { shards: 4 });
      return { scopes: [s], act: () => group.addFunction(pick(['a', 'b', 'c']), { code: code(), ...functionOptions() }) };
    },
  },
];

function fn(s: Stack, timeout?: Duration): ServerlessFunction {
  return new ServerlessFunction(s, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR), timeout });
}

const LISTENER_ARN = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2';

const TRIGGERS: Run[] = [
  ['sqs', (s: Stack) => Trigger.sqs(new sqs.Queue(s, 'Q', {
    deadLetterQueue: { queue: new sqs.Queue(s, 'D'), maxReceiveCount: 5 },
    visibilityTimeout: random() < badRate ? Duration.seconds(10) : Duration.minutes(5),
  }), {
    batchSize: num([1, 10], [11]),
    maxBatchingWindow: dur([Duration.seconds(1)], [Duration.seconds(301)]),
    maxConcurrency: num([2], [1]),
    enabled: bool(),
  })],
  ['s3', (s: Stack) => Trigger.s3(new s3.Bucket(s, 'B'), { prefix: str(['in/']), retryAttempts: num([0], [186]), eventTypes: gen<any>([['OBJECT_CREATED']], ['created', []]) })],
  ['sns', (s: Stack) => Trigger.sns(new sns.Topic(s, 'T'), { filterPolicy: gen<any>([{ a: sns.SubscriptionFilter.existsFilter() }], [{ a: 'x' }, null]) })],
  ['kinesis', (s: Stack) => Trigger.kinesis(new kinesis.Stream(s, 'K'), {
    batchSize: num([1], [10001]),
    startingPosition: gen<any>([lambda.StartingPosition.LATEST], ['NOW']),
    maxRecordAge: dur([Duration.seconds(60)], [Duration.seconds(59)]),
    tumblingWindow: dur([Duration.seconds(60)], [Duration.seconds(901)]),
  })],
  ['kafka', (s: Stack) => {
    const msk = random() < 0.7;
    const bad = () => random() < badRate;
    const pollers = gen<any>([{ minimumPollers: 1, maximumPollers: 2000 }, {}], [{ minimumPollers: 0 }, { maximumPollers: 2001 }, { minimumPollers: 5, maximumPollers: 4 }, 'on']);
    const provisioned = pollers !== undefined || bad();
    return Trigger.kafka(msk
      ? KafkaSource.msk(bad() ? pick(['arn:aws:kafka:us-east-1:123456789012:topic/x/y', 'x']) : 'arn:aws:kafka:us-east-1:123456789012:cluster/orders/abcd-4')
      : KafkaSource.selfManaged(bad() ? pick<any>([[], ['b1'], 'b1:9096', [null]]) : ['b1.example.com:9096']), {
      topic: bad() ? pick<any>(['orders!', '', 5, undefined]) : 'orders',
      consumerGroupId: bad() ? pick<any>(['a b', 'x'.repeat(201), undefined]) : 'orders-fn',
      authentication: msk ? gen<any>([KafkaAuthentication.IAM], ['SASL_SCRAM_256', 'PLAIN', 5]) : gen<any>([KafkaAuthentication.SASL_SCRAM_512, KafkaAuthentication.MTLS], ['IAM']),
      secret: msk === bad() ? secretsmanager.Secret.fromSecretNameV2(s, 'KS', 'kafka') : undefined,
      batchSize: num([1, 10000], [0, 10001]),
      maxBatchingWindow: dur([Duration.seconds(0)], [Duration.seconds(301)]),
      startingPosition: gen<any>([lambda.StartingPosition.LATEST], ['NOW', lambda.StartingPosition.AT_TIMESTAMP]),
      provisionedPollers: pollers,
      retryAttempts: provisioned ? num([0, 10000], [10001]) : undefined,
      maxRecordAge: provisioned ? dur([Duration.seconds(60)], [Duration.seconds(59)]) : undefined,
      onFailureKafkaTopic: random() < 0.3 ? str(['orders-dlt'], ['orders']) : undefined,
      onFailureQueue: random() < 0.3 ? gen<any>([new sqs.Queue(s, 'KQ')], [new sqs.Queue(s, 'KF', { fifo: true }), 'queue']) : undefined,
      maxOffsetLag: gen<any>([1, 10000, 1_000_000_000], [0, 1_000_000_001, 1.5, ...WRONG]),
      logLevel: gen<any>([lambda.EventSourceMappingLogLevel.DEBUG, lambda.EventSourceMappingLogLevel.WARN], ['LOUD', 5]),
      ...kafkaVpc(s, msk, bad()),
    });
  }],
  ['documentDb', (s: Stack) => {
    const bad = () => random() < badRate;
    return Trigger.documentDb(DocumentDbSource.fromClusterArn(bad()
      ? pick(['arn:aws:rds:us-east-1:123456789012:db:orders-1', 'arn:aws:kafka:us-east-1:123456789012:cluster/x/y', 'x'])
      : 'arn:aws:rds:us-east-1:123456789012:cluster:orders'), {
      databaseName: bad() ? pick<any>(['', 'd'.repeat(64), 'shop.eu', 'a$', 5, undefined]) : pick(['shop', 'd'.repeat(63)]),
      collectionName: gen<any>(['orders', 'c'.repeat(57)], ['', 'c'.repeat(58), 'system.views', 'a$b', 7]),
      fullDocument: gen<any>([DocumentDbFullDocument.DEFAULT, DocumentDbFullDocument.UPDATE_LOOKUP], ['WhenAvailable', 1]),
      credentials: bad() ? pick<any>([undefined, 'arn:aws:secretsmanager:us-east-1:123456789012:secret:x']) : secretsmanager.Secret.fromSecretNameV2(s, 'DS', 'docdb'),
      batchSize: num([1, 10000], [0, 10001, 2.5]),
      maxBatchingWindow: dur([Duration.seconds(0), Duration.seconds(300)], [Duration.seconds(301)]),
      startingPosition: gen<any>([lambda.StartingPosition.LATEST, lambda.StartingPosition.TRIM_HORIZON], ['NOW', lambda.StartingPosition.AT_TIMESTAMP]),
      startingPositionTimestamp: random() < 0.2 ? num([1700000000], [0, -1]) : undefined,
      clusterParameterGroupName: gen<any>(['default.docdb5.0'], ['my_group', '1group', 3]),
      subnetGroupName: gen<any>(['orders subnets'], ['a/b', 's'.repeat(256)]),
      enabled: bool(),
    });
  }],
  ['mq', (s: Stack) => {
    const rabbit = random() < 0.5;
    const bad = () => random() < badRate;
    const arn = bad()
      ? pick(['arn:aws:mq:us-east-1:123456789012:configuration:c-1', 'arn:aws:sqs:us-east-1:123456789012:broker:x:y', 'x'])
      : 'arn:aws:mq:us-east-1:123456789012:broker:orders:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9';
    const broker = bad() ? pick<any>(['broker', undefined]) : rabbit ? MqBroker.rabbitMq(arn) : MqBroker.activeMq(arn);
    return Trigger.mq(broker, {
      queue: bad() ? pick<any>(['', 'q'.repeat(1001), 5, undefined]) : pick(['orders', 'q'.repeat(1000)]),
      credentials: bad() ? pick<any>([undefined, 'secret']) : secretsmanager.Secret.fromSecretNameV2(s, 'MS', 'mq-user'),
      virtualHost: rabbit ? str(['prod', 'v'.repeat(200)], ['a b', 'v'.repeat(201)]) : gen<any>([], ['/']),
      deadLetterQueue: rabbit ? (bad() ? pick<any>([undefined, 'orders', 'dead letters', '']) : 'orders.dlq') : str(['ActiveMQ.DLQ'], ['orders', '']),
      batchSize: num([1, 10000], [0, 10001]),
      maxBatchingWindow: dur([Duration.seconds(0), Duration.seconds(300)], [Duration.seconds(301)]),
      enabled: bool(),
    });
  }],
  ['dynamoDbStream', (s: Stack) => Trigger.dynamoDbStream(new dynamodb.Table(s, 'Tb', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    stream: random() < badRate ? undefined : dynamodb.StreamViewType.NEW_IMAGE,
  }), { batchSize: num([1], [10001]), parallelizationFactor: num([1], [11]) })],
  ['schedule', (_s: Stack) => Trigger.schedule(random() < badRate
    ? pick([TriggerSchedule.cron('0 2 * * 1-5'), TriggerSchedule.cron('cron(0 0 31 2 ? *)')])
    : pick([TriggerSchedule.cron('cron(0 2 ? * MON-FRI *)'), TriggerSchedule.rate(Duration.minutes(1))]),
  { timeZone: str(['UTC'], ['Nowhere/City']), groupName: str(['jobs'], ['bad group!']), retryAttempts: num([0], [186]), maxEventAge: dur([Duration.minutes(1)], [Duration.seconds(59)]) })],
  ['eventRule', (_s: Stack) => Trigger.eventRule({
    eventPattern: random() < badRate ? pick<any>([{}, undefined, 'my.app']) : { source: ['my.app'] },
    ruleName: str(['orders-rule'], ['bad rule!']),
    retryAttempts: num([0], [186]),
    maxEventAge: dur([Duration.minutes(1)], [Duration.hours(25)]),
  })],
  ['httpApi', (_s: Stack) => Trigger.httpApi({
    routes: gen<any>([['GET /a']], [['GET /a', 'GET /a'], ['BAD'], 'GET /a']),
    throttlingRateLimit: num([1], [-1]),
    apiName: str(['api']),
    corsPreflight: gen<any>([{ allowOrigins: ['https://x.example'] }], [{ allowOrigins: ['*'], allowCredentials: true }, 'cors']),
  })],
  ['functionUrl', (_s: Stack) => Trigger.functionUrl({
    authType: gen<any>([lambda.FunctionUrlAuthType.AWS_IAM], [lambda.FunctionUrlAuthType.NONE, 'OPEN']),
    allowPublicAccess: bool(),
    cors: gen<any>([{ allowedOrigins: ['https://x.example'] }], [{ allowedOrigins: ['*'], allowCredentials: true }, { allowedOrigins: ['https://x.example'], maxAge: Duration.seconds(86401) }, 'cors']),
  })],
  ['alb', (s: Stack) => {
    const listener = elbv2.ApplicationListener.fromApplicationListenerAttributes(s, 'L', {
      listenerArn: LISTENER_ARN,
      securityGroup: ec2.SecurityGroup.fromSecurityGroupId(s, 'Sg', 'sg-0123456789abcdef0'),
    });
    return Trigger.alb({
      listener,
      priority: random() < badRate ? pick<any>([50001, 0, undefined, '1']) : pick([1, 50000]),
      conditions: random() < badRate ? pick<any>([[], undefined]) : [elbv2.ListenerCondition.pathPatterns(['/a'])],
      targetGroupName: str(['tg', 'x'.repeat(32)], ['bad_tg', 'x'.repeat(33), '-tg']),
    });
  }],
  ['restApi', (_s: Stack) => Trigger.restApi({
    routes: gen<any>([['GET /a']], [['GET /a', 'GET /a'], ['BAD'], 'GET /a']),
    throttlingRateLimit: num([1], [-1]),
    stageName: str(['prod'], ['bad stage!']),
  })],
  ['webSocketApi', (_s: Stack) => Trigger.webSocketApi({
    routes: gen<any>([['$default', 'sendMessage']], [['$connect', '$connect'], ['']]),
    throttlingRateLimit: num([1], [-1]),
    stageName: str(['prod'], ['bad stage!']),
  })],
  ['iotRule', (_s: Stack) => Trigger.iotRule(random() < badRate ? pick(['', 'SELECT *', 'DELETE FROM \'a\'']) : 'SELECT * FROM \'devices/+/telemetry\'', {
    ruleName: str(['telemetry_rule'], ['bad-rule!']),
    enabled: bool(),
  })],
  ['alexaSkill', (_s: Stack) => Trigger.alexaSkill(random() < badRate
    ? pick<any>(['skill', 'amzn1.ask.skill.xyz', '', undefined, null, 12345])
    : 'amzn1.ask.skill.12345678-90ab-cdef-1234-567890abcdef', {
    skillKind: gen<any>([AlexaSkillKind.CUSTOM, AlexaSkillKind.SMART_HOME], ['FLASH_BRIEFING', 1, null]),
  })],
  ['cognito', (s: Stack) => {
    const pool = new cognito.UserPool(s, 'Pool');
    const sender = random() < 0.3;
    return Trigger.cognito(
      random() < badRate ? pick<any>([undefined, 'us-east-1_abc', {}]) : pool,
      random() < badRate
        ? pick<any>([undefined, 'preSignUp', {}])
        : (sender ? cognito.UserPoolOperation.CUSTOM_EMAIL_SENDER : cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG),
      {
        lambdaVersion: gen<any>([cognito.LambdaVersion.V1_0, cognito.LambdaVersion.V2_0], ['V4_0', 2, null]),
        kmsKey: sender && random() >= badRate ? new kms.Key(s, 'SenderKey', { enableKeyRotation: true }) : gen<any>([], ['arn:aws:kms:us-east-1:123456789012:key/abc', 5]),
      },
    );
  }],
  ['logSubscription', (s: Stack) => Trigger.logSubscription(new logs.LogGroup(s, 'Lg'), logs.FilterPattern.allEvents(), {
    filterName: str(['errors'], ['a:b', '*']),
  })],
  ['firehoseTransformation', (s: Stack) => Trigger.firehoseTransformation({
    destinationBucket: new s3.Bucket(s, 'Dest'),
    bufferSizeMegabytes: num([0.2, 3], [0.1, 4]),
    bufferInterval: dur([Duration.seconds(0), Duration.seconds(900)], [Duration.seconds(901)]),
    retries: num([0, 300], [301]),
    deliveryStreamName: str(['stream-1'], ['bad stream!']),
  })],
].map(([name, make]) => ({
  name: `addTrigger(Trigger.${name as string})`,
  build: (s: Stack) => {
    // API Gateway waits at most 29 s, Alexa 8 s, Cognito 5 s: their targets answer in time (the other triggers keep 30 s).
    const f = fn(s, name === 'cognito' ? Duration.seconds(5) : ['restApi', 'webSocketApi', 'alexaSkill'].includes(name as string) ? Duration.seconds(8) : undefined);
    // The source is created here (outside the act) so only what the trigger adds is compared.
    let trigger: any;
    try {
      trigger = (make as (s: Stack) => unknown)(s);
    } catch (e) {
      trigger = e;
    }
    return {
      scopes: [s],
      act: () => {
        if (trigger instanceof Error) {
          throw trigger;
        }
        f.addTrigger(trigger);
      },
    };
  },
}));

/**
 * The generated mistakes the library leaves to aws-cdk-lib (answered `LBP_AWS_CDK`, "aws-cdk-lib rejected
 * a value this construct forwards"), each with its reason. Any other `LBP_AWS_CDK` fails the run: the
 * library checks that mistake itself and must answer with its own code.
 */
const CAUGHT_BY_AWS_CDK_ONLY: Array<{ readonly run: RegExp; readonly message: RegExp; readonly reason: string }> = [];

function caughtByAwsCdkOnly(runName: string, message: string): boolean {
  return CAUGHT_BY_AWS_CDK_ONLY.some((c) => c.run.test(runName) && c.message.test(message));
}

const RUNS_PER_CONSTRUCT = Number(process.env.FUZZ_RUNS ?? 10);

describe('generative: bad props give BlueprintValidationError and leave nothing behind', () => {
  const outcomes: Record<string, { ok: number; refused: number }> = {};

  for (const run of [...CONSTRUCTS, ...TRIGGERS]) {
    test(run.name, () => {
      const app = new App();
      const stats = { ok: 0, refused: 0 };
      for (let i = 0; i < RUNS_PER_CONSTRUCT; i++) {
        badRate = [0, 0, 0.05, 0.2, 0.5, 1][i % 6];
        const stack = newStack(app, i);
        const { scopes, act } = run.build(stack);
        const before = snapshot(scopes);
        try {
          act();
          stats.ok++;
        } catch (e) {
          const error = e as Error;
          if (!(error instanceof BlueprintValidationError)) {
            throw new Error(`${run.name} run ${i} threw ${error.name}, not BlueprintValidationError: ${error.stack}`);
          }
          expect(error.message).toMatch(/\[LBP_[A-Z0-9_]+\]/);
          if (/\[LBP_AWS_CDK\]/.test(error.message) && !caughtByAwsCdkOnly(run.name, error.message)) {
            throw new Error(`${run.name} run ${i}: the library let aws-cdk-lib refuse a mistake it checks itself (LBP_AWS_CDK); `
              + `check it with its own code, or list it in CAUGHT_BY_AWS_CDK_ONLY with the reason: ${error.message}`);
          }
          expect(snapshot(scopes)).toEqual(before);
          stats.refused++;
        }
      }
      // What was accepted synthesizes (one synth for all runs of this construct).
      expect(() => app.synth()).not.toThrow();
      outcomes[run.name] = stats;
      if (process.env.FUZZ_DEBUG) { console.log(run.name, JSON.stringify(stats)); }
    });
  }

  afterAll(() => {
    // Both outcomes occur overall: the generator reaches valid and invalid props.
    const total = Object.values(outcomes).reduce((a, b) => ({ ok: a.ok + b.ok, refused: a.refused + b.refused }), { ok: 0, refused: 0 });
    expect(total.ok).toBeGreaterThan(0);
    expect(total.refused).toBeGreaterThan(0);
  });
});
