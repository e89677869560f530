/**
 * The example app's stacks: a default function, then reference workloads 1 to 7, one stack each, each a
 * few lines of user code. app.ts instantiates them; tests build them in-process to run cdk-nag and the
 * failure-path checker over every one.
 *
 * Tables the functions write to belong to the team's data stack: they are imported by name here, so the
 * example synthesizes without an AWS account and its findings are the library's alone.
 */
import * as path from 'path';
import { Annotations, App, Duration, Environment, Stack, Validations } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as signer from 'aws-cdk-lib/aws-signer';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import {
  Blueprints, BucketEventType, BucketProcessor, DocumentDbSource, EnhancedMonitoring, FunctionCode, FunctionLayer, FunctionSecret,
  HttpApiFunction, IdempotencyTable, KafkaConsumer, KafkaSource, LatestRuntime, MonitoringMode, MqBroker, QueueProcessor, ScheduledJob,
  ServerlessFunction, StreamProcessor, TableStreamProcessor, TopicSubscriber, Trigger, TriggerSchedule,
} from '../src';

const EXAMPLES = __dirname;
const handler = (name: string) => FunctionCode.fromAsset(path.join(EXAMPLES, 'handlers', name));

/**
 * The decisions only this app's owners can make, each with their reason: the library never makes
 * them, and without them the HIPAA, NIST and PCI packs report each function outside a VPC, each
 * function without reserved concurrency, each bucket without replication, each table outside a
 * backup plan and each REST API stage without a cache.
 */
export function acknowledgeUserDecisions(app: App): void {
  Blueprints.acknowledgeUserDecisions(app, {
    noVpc: 'The example functions call AWS service endpoints only; the platform stack shows a function in a VPC.',
    noReservedConcurrency: 'The example account shares its concurrency pool; the queue worker and the VPC function reserve theirs.',
    noBucketReplication: 'Uploaded images can be uploaded again from their source; a second Region is not needed.',
    noBackupPlan: 'Point-in-time recovery (35 days) is enough for the example tables.',
    noApiCache: 'The tenant API starts a run per request: its responses must never be cached.',
  });
}

/** 1. S3 upload -> image-processing function (with a layer) -> DynamoDB metadata; failures kept in DLQs. */
export function imagePipelineStack(app: App, env: Environment): Stack {
  const stack = new Stack(app, 'BlueprintsImagePipeline', { env, description: 'cdk-lambda-blueprints example 1: S3 -> image processing -> DynamoDB' });
  const metadata = dynamodb.Table.fromTableName(stack, 'ImageMetadata', 'image-metadata');
  const imageLibs = new FunctionLayer(stack, 'ImageLibs', {
    path: path.join(EXAMPLES, 'layers', 'shared'),
    compatibleRuntimes: [LatestRuntime.NODEJS],
    description: 'Image helpers shared by the pipeline',
  });
  const pipeline = new BucketProcessor(stack, 'Uploads', {
    code: handler('thumbnails'),
    functionOptions: {
      memorySize: 2048,
      timeout: Duration.minutes(1),
      layers: [imageLibs],
      environment: { METADATA_TABLE: metadata.tableName },
    },
    triggerOptions: { eventTypes: [BucketEventType.OBJECT_CREATED], prefix: 'uploads/', suffix: '.jpg' },
  });
  metadata.grantWriteData(pipeline.function);
  return stack;
}

/** 2. Kinesis stream -> real-time analytics function -> DynamoDB, bisect-on-error and an on-failure queue. */
export function streamAnalyticsStack(app: App, env: Environment): Stack {
  const stack = new Stack(app, 'BlueprintsStreamAnalytics', { env, description: 'cdk-lambda-blueprints example 2: Kinesis -> analytics -> DynamoDB' });
  const aggregates = dynamodb.Table.fromTableName(stack, 'Aggregates', 'clickstream-aggregates');
  const analytics = new StreamProcessor(stack, 'Clickstream', {
    code: handler('analytics'),
    functionOptions: { memorySize: 1024, timeout: Duration.seconds(60), environment: { AGGREGATES_TABLE: aggregates.tableName } },
    triggerOptions: {
      batchSize: 500,
      maxBatchingWindow: Duration.seconds(5),
      parallelizationFactor: 2,
      retryAttempts: 3,
      maxRecordAge: Duration.hours(1),
      bisectBatchOnError: true,
      tumblingWindow: Duration.seconds(60),
    },
  });
  aggregates.grantWriteData(analytics.function);
  return stack;
}

/** 3. HTTP API -> function -> DynamoDB: a serverless web backend with throttling and access logs. */
export function webBackendStack(app: App, env: Environment): Stack {
  const stack = new Stack(app, 'BlueprintsWebBackend', { env, description: 'cdk-lambda-blueprints example 3: HTTP API -> function -> DynamoDB' });
  const orders = dynamodb.Table.fromTableName(stack, 'Orders', 'orders');
  const api = new HttpApiFunction(stack, 'OrdersApi', {
    code: handler('api'),
    functionOptions: { memorySize: 512, timeout: Duration.seconds(10), environment: { ORDERS_TABLE: orders.tableName } },
    triggerOptions: {
      routes: ['GET /orders', 'GET /orders/{id}', 'POST /orders'],
      throttlingRateLimit: 200,
      throttlingBurstLimit: 400,
    },
  });
  orders.grantReadWriteData(api.function);
  return stack;
}

/** 4. EventBridge cron (weekdays 02:00) -> function that stops the EC2 instances tagged AutoStop=true. */
export function nightlyJobStack(app: App, env: Environment): Stack {
  const stack = new Stack(app, 'BlueprintsNightlyJob', { env, description: 'cdk-lambda-blueprints example 4: weekday cron -> stop EC2 instances' });
  const instances = `arn:aws:ec2:${env.region}:${env.account}:instance/*`;
  const job = new ScheduledJob(stack, 'StopDevInstances', {
    code: handler('stop-instances'),
    schedule: TriggerSchedule.cron('cron(0 2 ? * MON-FRI *)'),
    triggerOptions: { timeZone: 'Europe/Paris' },
    functionOptions: {
      timeout: Duration.minutes(5),
      initialPolicy: [
        new iam.PolicyStatement({
          sid: 'StopTaggedInstances',
          actions: ['ec2:StopInstances'],
          resources: [instances],
          conditions: { StringEquals: { 'aws:ResourceTag/AutoStop': 'true' } },
        }),
        // DescribeInstances has no resource-level permissions: Resource "*" is the only form AWS accepts.
        new iam.PolicyStatement({ sid: 'FindTaggedInstances', actions: ['ec2:DescribeInstances'], resources: ['*'] }),
      ],
    },
  });
  // This app's own findings, acknowledged where they arise (the policy holding the app's statements),
  // with its reasons (see the README). The library acknowledges none of what the app adds.
  Validations.of(job.function.policy).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${instances}]`,
    reason: 'ec2:StopInstances is limited by the aws:ResourceTag/AutoStop condition; instance ids are not known in advance.',
  });
  Validations.of(job.function.policy).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'ec2:DescribeInstances has no resource-level permissions: Resource "*" is the only form AWS accepts.',
  });
  return stack;
}

/** 5. SQS queue -> function with partial batch failure reporting and a redrive DLQ. */
export function queueWorkerStack(app: App, env: Environment): Stack {
  const stack = new Stack(app, 'BlueprintsQueueWorker', { env, description: 'cdk-lambda-blueprints example 5: SQS -> worker with partial batch failures' });
  new QueueProcessor(stack, 'Invoices', {
    code: handler('invoices'),
    functionOptions: { timeout: Duration.seconds(20), reservedConcurrentExecutions: 20 },
    maxReceiveCount: 5,
    triggerOptions: { batchSize: 10, maxBatchingWindow: Duration.seconds(2), maxConcurrency: 10 },
  });
  return stack;
}

/** 6. DynamoDB Streams and SNS subscribers. */
export function subscribersStack(app: App, env: Environment): Stack {
  const stack = new Stack(app, 'BlueprintsSubscribers', { env, description: 'cdk-lambda-blueprints example 6: DynamoDB Streams and SNS subscribers' });
  new TableStreamProcessor(stack, 'Customers', {
    code: handler('customer-changes'),
    partitionKey: { name: 'customerId', type: dynamodb.AttributeType.STRING },
    triggerOptions: { batchSize: 100, startingPosition: lambda.StartingPosition.LATEST },
  });
  new TopicSubscriber(stack, 'OrderEvents', {
    code: handler('order-events'),
    triggerOptions: {
      filterPolicy: { eventType: sns.SubscriptionFilter.stringFilter({ allowlist: ['OrderPlaced', 'OrderCancelled'] }) },
    },
  });
  return stack;
}

/**
 * 8. Events from devices and services: MQTT telemetry through an AWS IoT rule (error action into a
 * FailureQueue), alerts on the telemetry function's error lines through a CloudWatch Logs subscription,
 * an Alexa skill endpoint restricted to its skill id, and a Firehose stream whose records a function
 * normalises into an archive bucket (failed records kept there), whose new files are indexed.
 */
export function deviceEventsStack(app: App, env: Environment): Stack {
  const stack = new Stack(app, 'BlueprintsDeviceEvents', { env, description: 'cdk-lambda-blueprints example 8: IoT telemetry, log alerts, an Alexa skill, a Firehose archive' });
  const telemetry = new ServerlessFunction(stack, 'Telemetry', { code: handler('telemetry'), timeout: Duration.seconds(10) });
  telemetry.addTrigger(Trigger.iotRule("SELECT *, topic(2) AS device FROM 'devices/+/telemetry'"));
  const alerts = new ServerlessFunction(stack, 'LogAlerts', { code: handler('log-alerts') });
  alerts.addTrigger(Trigger.logSubscription(telemetry.logGroup, logs.FilterPattern.anyTerm('ERROR', 'Exception')));
  const voice = new ServerlessFunction(stack, 'Voice', { code: handler('voice'), timeout: Duration.seconds(7) });
  voice.addTrigger(Trigger.alexaSkill('amzn1.ask.skill.12345678-90ab-cdef-1234-567890abcdef'));
  // Telemetry archive: Firehose normalises records into the archive bucket, whose new files are indexed.
  const archive = new BucketProcessor(stack, 'Archive', { code: handler('archive'), triggerOptions: { prefix: 'data/' } });
  const normalize = new ServerlessFunction(stack, 'Normalize', { code: handler('normalize'), timeout: Duration.minutes(1) });
  normalize.addTrigger(Trigger.firehoseTransformation({ destinationBucket: archive.bucket }));
  return stack;
}

/**
 * 9. Kafka, Amazon MQ and DocumentDB: the clusters and the broker are the platform team's (imported by
 * ARN), their credentials stay in Secrets Manager (by reference).
 */
export function eventSourcesStack(app: App, env: Environment): Stack {
  const stack = new Stack(app, 'BlueprintsEventSources', { env, description: 'cdk-lambda-blueprints example 9: Kafka, Amazon MQ and DocumentDB consumers' });
  new KafkaConsumer(stack, 'Orders', {
    code: handler('kafka-orders'),
    source: KafkaSource.msk(`arn:aws:kafka:${stack.region}:${stack.account}:cluster/orders/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d-1`),
    triggerOptions: { topic: 'orders', consumerGroupId: 'orders-consumer' },
  });
  const payments = new ServerlessFunction(stack, 'Payments', { code: handler('payments'), timeout: Duration.seconds(30) });
  payments.addTrigger(Trigger.mq(MqBroker.activeMq(`arn:aws:mq:${stack.region}:${stack.account}:broker:payments:b-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d`), {
    queue: 'payments',
    credentials: secretsmanager.Secret.fromSecretNameV2(stack, 'BrokerUser', 'payments-broker-user'),
  }));
  const catalog = new ServerlessFunction(stack, 'CatalogChanges', { code: handler('catalog-changes') });
  catalog.addTrigger(Trigger.documentDb(DocumentDbSource.fromClusterArn(`arn:aws:rds:${stack.region}:${stack.account}:cluster:catalog`), {
    databaseName: 'catalog',
    collectionName: 'products',
    credentials: secretsmanager.Secret.fromSecretNameV2(stack, 'CatalogReader', 'catalog-reader'),
    clusterParameterGroupName: 'catalog-params',
    subnetGroupName: 'catalog-subnets',
  }));
  return stack;
}

/**
 * Example 10: Lambda's newer function modes. A durable order workflow (checkpointed, up to 7 days) started
 * by a schedule; a report function streaming its response through a function URL; a tenant-isolated function
 * behind a REST API that maps the caller's x-tenant-id header to the tenant id; a catalog function on Lambda
 * Managed Instances in the platform VPC; and a function whose code a Signer job signed (ENFORCE).
 */
export function functionModesStack(app: App, env: Environment): Stack {
  const stack = new Stack(app, 'BlueprintsFunctionModes', { env, description: 'cdk-lambda-blueprints example 10: durable, streaming, tenant isolation, Managed Instances, code signing' });
  const workflow = new ServerlessFunction(stack, 'OrderWorkflow', {
    code: handler('orders'),
    runtime: lambda.Runtime.NODEJS_24_X,
    durable: { executionTimeout: Duration.days(7), retention: Duration.days(30) },
  });
  workflow.addTrigger(Trigger.schedule(TriggerSchedule.rate(Duration.hours(1))));

  const reports = new ServerlessFunction(stack, 'Reports', { code: handler('api'), timeout: Duration.minutes(2) });
  reports.addTrigger(Trigger.functionUrl({ invokeMode: lambda.InvokeMode.RESPONSE_STREAM }));

  const tenants = new ServerlessFunction(stack, 'TenantRuns', {
    code: handler('api'),
    timeout: Duration.seconds(29),
    tenancy: lambda.TenancyConfig.PER_TENANT,
  });
  tenants.addTrigger(Trigger.restApi({
    routes: ['POST /runs'],
    tenantIdHeader: 'x-tenant-id',
    webAclArn: `arn:aws:wafv2:${stack.region}:${stack.account}:regional/webacl/tenants/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d`,
  }));

  // The platform team's VPC, imported without a lookup.
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-0a1b2c3d4e5f67890',
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    privateSubnetIds: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'],
  });
  const catalog = new ServerlessFunction(stack, 'Catalog', {
    code: handler('catalog-changes'),
    vpc,
    capacity: { maxConcurrencyPerEnvironment: 4, minEnvironments: 2, maxEnvironments: 10 },
  });
  Annotations.of(catalog).acknowledgeWarning('cdk-lambda-blueprints:managedInstancesConcurrentHandler',
    'the catalog handler keeps no per-request state in module globals');

  // The package a Signer job wrote (see docs/code-signing.md): CDK uploads nothing, the signature stays.
  const artifacts = s3.Bucket.fromBucketName(stack, 'Artifacts', 'example-signed-artifacts');
  const profile = new signer.SigningProfile(stack, 'SigningProfile', { platform: signer.Platform.AWS_LAMBDA_SHA384_ECDSA });
  new ServerlessFunction(stack, 'Invoices', {
    code: FunctionCode.fromBucket(artifacts, 'signed/invoices-1f3a.zip', 'kJ8pQ2vX3lN9sT4wY7zB1cD5eF6gH0aM'),
    codeSigning: { signingProfiles: [profile] },
  });
  return stack;
}

/**
 * Example 11: the operational layers, monitored as a fleet. The stack's functions share one Metrics Insights
 * alarm per signal that names the failing function; an order function with Powertools (its layer, variables
 * and an idempotency table); a function with Lambda Insights and one with Application Signals, whose permissions
 * land in library-only customer-managed policies instead of the AWS managed ones.
 */
export function operationsStack(app: App, env: Environment): Stack {
  const stack = new Stack(app, 'BlueprintsOperations', { env, description: 'cdk-lambda-blueprints example 11: fleet monitoring, Powertools, Lambda Insights, Application Signals' });
  // Only the monitoring mode here: the app's own Blueprints.applyTo (examples/app.ts) adds the cost report.
  Blueprints.applyTo(stack, {
    monitoring: MonitoringMode.FLEET, nagPacks: [], dashboard: false, hardenPlainFunctions: false, resourceBudget: false, costReport: false,
  });
  const idempotency = new IdempotencyTable(stack, 'Idempotency');
  new ServerlessFunction(stack, 'Checkout', {
    code: handler('orders'),
    powertools: { serviceName: 'checkout', metricsNamespace: 'Shop', idempotencyTable: idempotency },
  });
  new ServerlessFunction(stack, 'Inventory', { code: handler('catalog-changes'), enhancedMonitoring: EnhancedMonitoring.LAMBDA_INSIGHTS });
  new ServerlessFunction(stack, 'Pricing', { code: handler('api'), enhancedMonitoring: EnhancedMonitoring.APPLICATION_SIGNALS });
  return stack;
}

/**
 * Python and Java handlers: a Python function whose compiled dependency is installed for arm64
 * without Docker, with a layer of Python packages built the same way, and a Java function (newest Java runtime) from a
 * jar (consumers/java/handler, built by Maven) with SnapStart on its published version.
 */
export function pythonJavaStack(app: App, env: Environment): Stack {
  const stack = new Stack(app, 'BlueprintsPythonJava', { env, description: 'cdk-lambda-blueprints example: Python and Java handlers' });
  const libs = FunctionLayer.fromPythonRequirements(stack, 'PythonLibs', path.join(EXAMPLES, 'layers', 'python', 'requirements.txt'), {
    description: 'Python packages of the example (psutil)',
  });
  new ServerlessFunction(stack, 'PythonOrders', {
    code: FunctionCode.fromPythonProject(path.join(EXAMPLES, 'handlers', 'python-orders')),
    layers: [libs],
  });
  new ServerlessFunction(stack, 'JavaOrders', {
    code: FunctionCode.fromAsset(path.join(EXAMPLES, 'handlers', 'java-orders', 'orders-handler.jar')),
    runtime: LatestRuntime.JAVA,
    handler: 'example.OrdersHandler::handleRequest',
    snapStart: true,
  });
  return stack;
}

/** A default ServerlessFunction: what one line of user code deploys. */
export function coreStack(app: App, env: Environment): Stack {
  const stack = new Stack(app, 'BlueprintsCore', { env, description: 'cdk-lambda-blueprints example: a default ServerlessFunction' });
  new ServerlessFunction(stack, 'Hello', {
    code: FunctionCode.fromAsset(path.join(EXAMPLES, 'handlers', 'hello')),
  });
  return stack;
}

/**
 * Reference workload 7: a function in a VPC reaching a private database (a layer, secrets by
 * reference, provisioned concurrency that scales on utilisation and on a schedule) and a
 * container-image function.
 */
export function platformStack(app: App, env: Environment): Stack {
  const stack = new Stack(app, 'BlueprintsPlatform', { env, description: 'cdk-lambda-blueprints example: VPC, layer, secrets, provisioned concurrency, container image' });

  // An existing VPC, imported without a lookup (no AWS account needed to synthesize).
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-0a1b2c3d4e5f67890',
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    privateSubnetIds: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'],
    privateSubnetRouteTableIds: ['rtb-0a1b2c3d4e5f60001', 'rtb-0a1b2c3d4e5f60002'],
  });
  const dbSecret = secretsmanager.Secret.fromSecretCompleteArn(stack, 'DbSecret',
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:orders/db-AbCdEf');
  const apiKey = ssm.StringParameter.fromSecureStringParameterAttributes(stack, 'ApiKey', {
    parameterName: '/orders/api-key',
  });

  const layer = new FunctionLayer(stack, 'SharedLayer', {
    path: path.join(EXAMPLES, 'layers', 'shared'),
    compatibleRuntimes: [LatestRuntime.NODEJS],
    description: 'Shared Node.js modules of the example',
  });

  new ServerlessFunction(stack, 'Orders', {
    code: FunctionCode.fromAsset(path.join(EXAMPLES, 'handlers', 'orders')),
    memorySize: 512,
    timeout: Duration.seconds(10),
    layers: [layer],
    environment: { TABLE_NAME: 'orders' },
    secrets: {
      DB_SECRET_ARN: FunctionSecret.fromSecretsManager(dbSecret),
      API_KEY_PARAMETER: FunctionSecret.fromSsmParameter(apiKey),
    },
    vpc,
    reservedConcurrentExecutions: 50,
    provisionedConcurrency: {
      minCapacity: 2,
      maxCapacity: 10,
      utilizationTarget: 0.6,
      schedules: [{
        name: 'WeekdayMornings',
        schedule: appscaling.Schedule.cron({ minute: '0', hour: '7', weekDay: 'MON-FRI' }),
        minCapacity: 5,
      }],
    },
  });

  new ServerlessFunction(stack, 'Thumbnailer', {
    code: FunctionCode.fromImageAsset(path.join(EXAMPLES, 'images', 'thumbnailer')),
    memorySize: 2048,
    timeout: Duration.minutes(2),
  });
  return stack;
}

/** One reference workload: what it shows, and the function that adds its stack to an app. */
export interface ReferenceWorkload {
  readonly name: string;
  readonly build: (app: App, env: Environment) => Stack;
}

/** Every reference workload, in the example app's order (examples/app.ts and the tests take this list). */
export const REFERENCE_WORKLOADS: readonly ReferenceWorkload[] = [
  { name: '0 a default function', build: coreStack },
  { name: '1 S3 image pipeline with a layer', build: imagePipelineStack },
  { name: '2 Kinesis analytics', build: streamAnalyticsStack },
  { name: '3 HTTP API backend', build: webBackendStack },
  { name: '4 weekday 02:00 cron', build: nightlyJobStack },
  { name: '5 SQS with partial batch failures', build: queueWorkerStack },
  { name: '6 DynamoDB Streams and SNS subscribers', build: subscribersStack },
  { name: '7 VPC, layer, secrets, provisioned concurrency, container image', build: platformStack },
  { name: '8 IoT rule, log subscription, Alexa skill, Firehose transformation', build: deviceEventsStack },
  { name: '9 Kafka (MSK), Amazon MQ and DocumentDB consumers', build: eventSourcesStack },
  { name: '10 durable, streaming, tenant isolation, Managed Instances, code signing', build: functionModesStack },
  { name: '11 fleet monitoring, Powertools, Lambda Insights, Application Signals', build: operationsStack },
  { name: 'Python (arm64 dependencies, a Python layer) and Java (SnapStart) handlers', build: pythonJavaStack },
];
