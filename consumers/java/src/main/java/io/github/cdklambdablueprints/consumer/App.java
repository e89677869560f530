package io.github.cdklambdablueprints.consumer;

import io.github.cdklambdablueprints.Blueprints;
import io.github.cdklambdablueprints.BucketEventType;
import io.github.cdklambdablueprints.BlueprintsOptions;
import io.github.cdklambdablueprints.BucketProcessor;
import io.github.cdklambdablueprints.CodeSigningOptions;
import io.github.cdklambdablueprints.DocumentDbSource;
import io.github.cdklambdablueprints.DocumentDbTriggerOptions;
import io.github.cdklambdablueprints.DurableOptions;
import io.github.cdklambdablueprints.DynamoDbStreamTriggerOptions;
import io.github.cdklambdablueprints.EnhancedMonitoring;
import io.github.cdklambdablueprints.FirehoseTransformationTriggerProps;
import io.github.cdklambdablueprints.FunctionCode;
import io.github.cdklambdablueprints.FunctionLayer;
import io.github.cdklambdablueprints.FunctionSecret;
import io.github.cdklambdablueprints.FunctionUrlTriggerOptions;
import io.github.cdklambdablueprints.HttpApiFunction;
import io.github.cdklambdablueprints.HttpApiTriggerOptions;
import io.github.cdklambdablueprints.IdempotencyTable;
import io.github.cdklambdablueprints.KafkaConsumer;
import io.github.cdklambdablueprints.KafkaSource;
import io.github.cdklambdablueprints.KafkaTriggerOptions;
import io.github.cdklambdablueprints.KinesisTriggerOptions;
import io.github.cdklambdablueprints.LatestRuntime;
import io.github.cdklambdablueprints.ManagedInstancesOptions;
import io.github.cdklambdablueprints.MonitoringMode;
import io.github.cdklambdablueprints.MqBroker;
import io.github.cdklambdablueprints.MqTriggerOptions;
import io.github.cdklambdablueprints.PowertoolsOptions;
import io.github.cdklambdablueprints.ProvisionedConcurrencyOptions;
import io.github.cdklambdablueprints.ProvisionedConcurrencySchedule;
import io.github.cdklambdablueprints.PythonRequirementsLayerOptions;
import io.github.cdklambdablueprints.QueueProcessor;
import io.github.cdklambdablueprints.RestApiTriggerOptions;
import io.github.cdklambdablueprints.S3TriggerOptions;
import io.github.cdklambdablueprints.ScheduleTriggerOptions;
import io.github.cdklambdablueprints.ScheduledJob;
import io.github.cdklambdablueprints.ServerlessFunction;
import io.github.cdklambdablueprints.ServerlessFunctionOptions;
import io.github.cdklambdablueprints.SnsTriggerOptions;
import io.github.cdklambdablueprints.SqsTriggerOptions;
import io.github.cdklambdablueprints.StreamProcessor;
import io.github.cdklambdablueprints.TableStreamProcessor;
import io.github.cdklambdablueprints.TopicSubscriber;
import io.github.cdklambdablueprints.Trigger;
import io.github.cdklambdablueprints.TriggerSchedule;
import io.github.cdklambdablueprints.UserDecisions;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.applicationautoscaling.CronOptions;
import software.amazon.awscdk.services.applicationautoscaling.Schedule;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcAttributes;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.InvokeMode;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.TenancyConfig;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.signer.Platform;
import software.amazon.awscdk.services.signer.SigningProfile;
import software.amazon.awscdk.services.sns.StringConditions;
import software.amazon.awscdk.services.sns.SubscriptionFilter;
import software.amazon.awscdk.services.ssm.IStringParameter;
import software.amazon.awscdk.services.ssm.SecureStringParameterAttributes;
import software.amazon.awscdk.services.ssm.StringParameter;

/**
 * The example app of cdk-lambda-blueprints, written in Java.
 *
 * <p>It mirrors examples/app.ts one to one (same stacks, construct ids and asset directories), and
 * {@code npx projen test:consumers} requires both to synthesize identical templates. Add a workload to
 * examples/app.ts, then mirror it here as one more method. Run from consumers/java (see cdk.json).
 */
public final class App {
    /** The example's assets (handlers, layers, images), shared by the three languages. */
    private static final Path EXAMPLES = Paths.get("..", "..", "examples").toAbsolutePath().normalize();

    private App() {
    }

    private static String examplePath(final String... parts) {
        return EXAMPLES.resolve(Paths.get("", parts)).toString();
    }

    /** The code of the example handler examples/handlers/&lt;name&gt;. */
    private static FunctionCode handler(final String name) {
        return FunctionCode.fromAsset(examplePath("handlers", name));
    }

    /** The decisions only this app's owners can make, each with their reason (the library never makes them). */
    static void acknowledgeUserDecisions(final software.amazon.awscdk.App app) {
        Blueprints.acknowledgeUserDecisions(app, UserDecisions.builder()
                .noVpc("The example functions call AWS service endpoints only; the platform stack shows a function in a VPC.")
                .noReservedConcurrency("The example account shares its concurrency pool; the queue worker and the VPC function reserve theirs.")
                .noBucketReplication("Uploaded images can be uploaded again from their source; a second Region is not needed.")
                .noBackupPlan("Point-in-time recovery (35 days) is enough for the example tables.")
                .noApiCache("The tenant API starts a run per request: its responses must never be cached.")
                .build());
    }

    /** 1. S3 upload -> image-processing function (with a layer) -> DynamoDB metadata; failures kept in DLQs. */
    static Stack imagePipelineStack(final software.amazon.awscdk.App app, final Environment env) {
        Stack stack = new Stack(app, "BlueprintsImagePipeline", StackProps.builder()
                .env(env)
                .description("cdk-lambda-blueprints example 1: S3 -> image processing -> DynamoDB")
                .build());
        ITable metadata = Table.fromTableName(stack, "ImageMetadata", "image-metadata");
        FunctionLayer imageLibs = FunctionLayer.Builder.create(stack, "ImageLibs")
                .path(examplePath("layers", "shared"))
                .compatibleRuntimes(List.of(LatestRuntime.NODEJS))
                .description("Image helpers shared by the pipeline")
                .build();
        BucketProcessor pipeline = BucketProcessor.Builder.create(stack, "Uploads")
                .code(handler("thumbnails"))
                .functionOptions(ServerlessFunctionOptions.builder()
                        .memorySize(2048)
                        .timeout(Duration.minutes(1))
                        .layers(List.of(imageLibs))
                        .environment(Map.of("METADATA_TABLE", metadata.getTableName()))
                        .build())
                .triggerOptions(S3TriggerOptions.builder()
                        .eventTypes(List.of(BucketEventType.OBJECT_CREATED))
                        .prefix("uploads/")
                        .suffix(".jpg")
                        .build())
                .build();
        metadata.grantWriteData(pipeline.getFunction());
        return stack;
    }

    /** 2. Kinesis stream -> real-time analytics function -> DynamoDB, bisect-on-error and an on-failure queue. */
    static Stack streamAnalyticsStack(final software.amazon.awscdk.App app, final Environment env) {
        Stack stack = new Stack(app, "BlueprintsStreamAnalytics", StackProps.builder()
                .env(env)
                .description("cdk-lambda-blueprints example 2: Kinesis -> analytics -> DynamoDB")
                .build());
        ITable aggregates = Table.fromTableName(stack, "Aggregates", "clickstream-aggregates");
        StreamProcessor analytics = StreamProcessor.Builder.create(stack, "Clickstream")
                .code(handler("analytics"))
                .functionOptions(ServerlessFunctionOptions.builder()
                        .memorySize(1024)
                        .timeout(Duration.seconds(60))
                        .environment(Map.of("AGGREGATES_TABLE", aggregates.getTableName()))
                        .build())
                .triggerOptions(KinesisTriggerOptions.builder()
                        .batchSize(500)
                        .maxBatchingWindow(Duration.seconds(5))
                        .parallelizationFactor(2)
                        .retryAttempts(3)
                        .maxRecordAge(Duration.hours(1))
                        .bisectBatchOnError(true)
                        .tumblingWindow(Duration.seconds(60))
                        .build())
                .build();
        aggregates.grantWriteData(analytics.getFunction());
        return stack;
    }

    /** 3. HTTP API -> function -> DynamoDB: a serverless web backend with throttling and access logs. */
    static Stack webBackendStack(final software.amazon.awscdk.App app, final Environment env) {
        Stack stack = new Stack(app, "BlueprintsWebBackend", StackProps.builder()
                .env(env)
                .description("cdk-lambda-blueprints example 3: HTTP API -> function -> DynamoDB")
                .build());
        ITable orders = Table.fromTableName(stack, "Orders", "orders");
        HttpApiFunction api = HttpApiFunction.Builder.create(stack, "OrdersApi")
                .code(handler("api"))
                .functionOptions(ServerlessFunctionOptions.builder()
                        .memorySize(512)
                        .timeout(Duration.seconds(10))
                        .environment(Map.of("ORDERS_TABLE", orders.getTableName()))
                        .build())
                .triggerOptions(HttpApiTriggerOptions.builder()
                        .routes(List.of("GET /orders", "GET /orders/{id}", "POST /orders"))
                        .throttlingRateLimit(200)
                        .throttlingBurstLimit(400)
                        .build())
                .build();
        orders.grantReadWriteData(api.getFunction());
        return stack;
    }

    /** 4. EventBridge cron (weekdays 02:00) -> function that stops the EC2 instances tagged AutoStop=true. */
    static Stack nightlyJobStack(final software.amazon.awscdk.App app, final Environment env) {
        Stack stack = new Stack(app, "BlueprintsNightlyJob", StackProps.builder()
                .env(env)
                .description("cdk-lambda-blueprints example 4: weekday cron -> stop EC2 instances")
                .build());
        String instances = "arn:aws:ec2:" + env.getRegion() + ":" + env.getAccount() + ":instance/*";
        ScheduledJob job = ScheduledJob.Builder.create(stack, "StopDevInstances")
                .code(handler("stop-instances"))
                .schedule(TriggerSchedule.cron("cron(0 2 ? * MON-FRI *)"))
                .triggerOptions(ScheduleTriggerOptions.builder().timeZone("Europe/Paris").build())
                .functionOptions(ServerlessFunctionOptions.builder()
                        .timeout(Duration.minutes(5))
                        .initialPolicy(List.of(
                                PolicyStatement.Builder.create()
                                        .sid("StopTaggedInstances")
                                        .actions(List.of("ec2:StopInstances"))
                                        .resources(List.of(instances))
                                        .conditions(Map.of("StringEquals", Map.of("aws:ResourceTag/AutoStop", "true")))
                                        .build(),
                                // DescribeInstances has no resource-level permissions: Resource "*" is the only form AWS accepts.
                                PolicyStatement.Builder.create()
                                        .sid("FindTaggedInstances")
                                        .actions(List.of("ec2:DescribeInstances"))
                                        .resources(List.of("*"))
                                        .build()))
                        .build())
                .build();
        // This app's own findings, acknowledged where they arise (the policy holding the app's statements),
        // with its reasons (see the README). The library acknowledges none of what the app adds.
        Validations.of(job.getFunction().getPolicy()).acknowledge(Acknowledgment.builder()
                .id("AwsSolutions-IAM5[Resource::" + instances + "]")
                .reason("ec2:StopInstances is limited by the aws:ResourceTag/AutoStop condition; instance ids are not known in advance.")
                .build());
        Validations.of(job.getFunction().getPolicy()).acknowledge(Acknowledgment.builder()
                .id("AwsSolutions-IAM5[Resource::*]")
                .reason("ec2:DescribeInstances has no resource-level permissions: Resource \"*\" is the only form AWS accepts.")
                .build());
        return stack;
    }

    /** 5. SQS queue -> function with partial batch failure reporting and a redrive DLQ. */
    static Stack queueWorkerStack(final software.amazon.awscdk.App app, final Environment env) {
        Stack stack = new Stack(app, "BlueprintsQueueWorker", StackProps.builder()
                .env(env)
                .description("cdk-lambda-blueprints example 5: SQS -> worker with partial batch failures")
                .build());
        QueueProcessor.Builder.create(stack, "Invoices")
                .code(handler("invoices"))
                .functionOptions(ServerlessFunctionOptions.builder()
                        .timeout(Duration.seconds(20))
                        .reservedConcurrentExecutions(20)
                        .build())
                .maxReceiveCount(5)
                .triggerOptions(SqsTriggerOptions.builder()
                        .batchSize(10)
                        .maxBatchingWindow(Duration.seconds(2))
                        .maxConcurrency(10)
                        .build())
                .build();
        return stack;
    }

    /** 6. DynamoDB Streams and SNS subscribers. */
    static Stack subscribersStack(final software.amazon.awscdk.App app, final Environment env) {
        Stack stack = new Stack(app, "BlueprintsSubscribers", StackProps.builder()
                .env(env)
                .description("cdk-lambda-blueprints example 6: DynamoDB Streams and SNS subscribers")
                .build());
        TableStreamProcessor.Builder.create(stack, "Customers")
                .code(handler("customer-changes"))
                .partitionKey(Attribute.builder().name("customerId").type(AttributeType.STRING).build())
                .triggerOptions(DynamoDbStreamTriggerOptions.builder()
                        .batchSize(100)
                        .startingPosition(StartingPosition.LATEST)
                        .build())
                .build();
        TopicSubscriber.Builder.create(stack, "OrderEvents")
                .code(handler("order-events"))
                .triggerOptions(SnsTriggerOptions.builder()
                        .filterPolicy(Map.of("eventType", SubscriptionFilter.stringFilter(StringConditions.builder()
                                .allowlist(List.of("OrderPlaced", "OrderCancelled"))
                                .build())))
                        .build())
                .build();
        return stack;
    }

    /** 8. IoT telemetry (error action into a FailureQueue), log alerts, an Alexa skill, a Firehose archive. */
    static Stack deviceEventsStack(final software.amazon.awscdk.App app, final Environment env) {
        Stack stack = new Stack(app, "BlueprintsDeviceEvents", StackProps.builder()
                .env(env)
                .description("cdk-lambda-blueprints example 8: IoT telemetry, log alerts, an Alexa skill, a Firehose archive")
                .build());
        ServerlessFunction telemetry = ServerlessFunction.Builder.create(stack, "Telemetry")
                .code(handler("telemetry"))
                .timeout(Duration.seconds(10))
                .build();
        telemetry.addTrigger(Trigger.iotRule("SELECT *, topic(2) AS device FROM 'devices/+/telemetry'"));
        ServerlessFunction alerts = ServerlessFunction.Builder.create(stack, "LogAlerts")
                .code(handler("log-alerts"))
                .build();
        alerts.addTrigger(Trigger.logSubscription(telemetry.getLogGroup(), FilterPattern.anyTerm("ERROR", "Exception")));
        ServerlessFunction voice = ServerlessFunction.Builder.create(stack, "Voice")
                .code(handler("voice"))
                .timeout(Duration.seconds(7))
                .build();
        voice.addTrigger(Trigger.alexaSkill("amzn1.ask.skill.12345678-90ab-cdef-1234-567890abcdef"));
        // Telemetry archive: Firehose normalises records into the archive bucket, whose new files are indexed.
        BucketProcessor archive = BucketProcessor.Builder.create(stack, "Archive")
                .code(handler("archive"))
                .triggerOptions(S3TriggerOptions.builder().prefix("data/").build())
                .build();
        ServerlessFunction normalize = ServerlessFunction.Builder.create(stack, "Normalize")
                .code(handler("normalize"))
                .timeout(Duration.minutes(1))
                .build();
        normalize.addTrigger(Trigger.firehoseTransformation(FirehoseTransformationTriggerProps.builder()
                .destinationBucket(archive.getBucket())
                .build()));
        return stack;
    }

    /** 9. Kafka, Amazon MQ and DocumentDB: the clusters and the broker are imported by ARN, credentials by reference. */
    static Stack eventSourcesStack(final software.amazon.awscdk.App app, final Environment env) {
        Stack stack = new Stack(app, "BlueprintsEventSources", StackProps.builder()
                .env(env)
                .description("cdk-lambda-blueprints example 9: Kafka, Amazon MQ and DocumentDB consumers")
                .build());
        KafkaConsumer.Builder.create(stack, "Orders")
                .code(handler("kafka-orders"))
                .source(KafkaSource.msk("arn:aws:kafka:" + stack.getRegion() + ":" + stack.getAccount()
                        + ":cluster/orders/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d-1"))
                .triggerOptions(KafkaTriggerOptions.builder().topic("orders").consumerGroupId("orders-consumer").build())
                .build();
        ServerlessFunction payments = ServerlessFunction.Builder.create(stack, "Payments")
                .code(handler("payments"))
                .timeout(Duration.seconds(30))
                .build();
        payments.addTrigger(Trigger.mq(
                MqBroker.activeMq("arn:aws:mq:" + stack.getRegion() + ":" + stack.getAccount()
                        + ":broker:payments:b-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"),
                MqTriggerOptions.builder()
                        .queue("payments")
                        .credentials(Secret.fromSecretNameV2(stack, "BrokerUser", "payments-broker-user"))
                        .build()));
        ServerlessFunction catalog = ServerlessFunction.Builder.create(stack, "CatalogChanges")
                .code(handler("catalog-changes"))
                .build();
        catalog.addTrigger(Trigger.documentDb(
                DocumentDbSource.fromClusterArn("arn:aws:rds:" + stack.getRegion() + ":" + stack.getAccount() + ":cluster:catalog"),
                DocumentDbTriggerOptions.builder()
                        .databaseName("catalog")
                        .collectionName("products")
                        .credentials(Secret.fromSecretNameV2(stack, "CatalogReader", "catalog-reader"))
                        .clusterParameterGroupName("catalog-params")
                        .subnetGroupName("catalog-subnets")
                        .build()));
        return stack;
    }

    /** 10. Durable, streaming, tenant isolation, Managed Instances and code signing. */
    static Stack functionModesStack(final software.amazon.awscdk.App app, final Environment env) {
        Stack stack = new Stack(app, "BlueprintsFunctionModes", StackProps.builder()
                .env(env)
                .description("cdk-lambda-blueprints example 10: durable, streaming, tenant isolation, Managed Instances, code signing")
                .build());
        ServerlessFunction workflow = ServerlessFunction.Builder.create(stack, "OrderWorkflow")
                .code(handler("orders"))
                .runtime(Runtime.NODEJS_24_X)
                .durable(DurableOptions.builder().executionTimeout(Duration.days(7)).retention(Duration.days(30)).build())
                .build();
        workflow.addTrigger(Trigger.schedule(TriggerSchedule.rate(Duration.hours(1))));

        ServerlessFunction reports = ServerlessFunction.Builder.create(stack, "Reports")
                .code(handler("api"))
                .timeout(Duration.minutes(2))
                .build();
        reports.addTrigger(Trigger.functionUrl(FunctionUrlTriggerOptions.builder().invokeMode(InvokeMode.RESPONSE_STREAM).build()));

        ServerlessFunction tenants = ServerlessFunction.Builder.create(stack, "TenantRuns")
                .code(handler("api"))
                .timeout(Duration.seconds(29))
                .tenancy(TenancyConfig.PER_TENANT)
                .build();
        tenants.addTrigger(Trigger.restApi(RestApiTriggerOptions.builder()
                .routes(List.of("POST /runs"))
                .tenantIdHeader("x-tenant-id")
                .webAclArn("arn:aws:wafv2:" + stack.getRegion() + ":" + stack.getAccount()
                        + ":regional/webacl/tenants/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d")
                .build()));

        // The platform team's VPC, imported without a lookup.
        IVpc vpc = Vpc.fromVpcAttributes(stack, "Vpc", VpcAttributes.builder()
                .vpcId("vpc-0a1b2c3d4e5f67890")
                .availabilityZones(List.of("us-east-1a", "us-east-1b"))
                .privateSubnetIds(List.of("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"))
                .build());
        ServerlessFunction catalog = ServerlessFunction.Builder.create(stack, "Catalog")
                .code(handler("catalog-changes"))
                .vpc(vpc)
                .capacity(ManagedInstancesOptions.builder().maxConcurrencyPerEnvironment(4).minEnvironments(2).maxEnvironments(10).build())
                .build();
        Annotations.of(catalog).acknowledgeWarning("cdk-lambda-blueprints:managedInstancesConcurrentHandler",
                "the catalog handler keeps no per-request state in module globals");

        // The package a Signer job wrote (see docs/code-signing.md): CDK uploads nothing, the signature stays.
        IBucket artifacts = Bucket.fromBucketName(stack, "Artifacts", "example-signed-artifacts");
        SigningProfile profile = SigningProfile.Builder.create(stack, "SigningProfile")
                .platform(Platform.AWS_LAMBDA_SHA384_ECDSA)
                .build();
        ServerlessFunction.Builder.create(stack, "Invoices")
                .code(FunctionCode.fromBucket(artifacts, "signed/invoices-1f3a.zip", "kJ8pQ2vX3lN9sT4wY7zB1cD5eF6gH0aM"))
                .codeSigning(CodeSigningOptions.builder().signingProfiles(List.of(profile)).build())
                .build();
        return stack;
    }

    /** 11. Fleet monitoring, Powertools (with an idempotency table), Lambda Insights and Application Signals. */
    static Stack operationsStack(final software.amazon.awscdk.App app, final Environment env) {
        Stack stack = new Stack(app, "BlueprintsOperations", StackProps.builder()
                .env(env)
                .description("cdk-lambda-blueprints example 11: fleet monitoring, Powertools, Lambda Insights, Application Signals")
                .build());
        // Only the monitoring mode here: the app's own Blueprints.applyTo adds the cost report.
        Blueprints.applyTo(stack, BlueprintsOptions.builder()
                .monitoring(MonitoringMode.FLEET)
                .nagPacks(List.of())
                .dashboard(false)
                .hardenPlainFunctions(false)
                .resourceBudget(false)
                .costReport(false)
                .build());
        IdempotencyTable idempotency = new IdempotencyTable(stack, "Idempotency");
        ServerlessFunction.Builder.create(stack, "Checkout")
                .code(handler("orders"))
                .powertools(PowertoolsOptions.builder()
                        .serviceName("checkout")
                        .metricsNamespace("Shop")
                        .idempotencyTable(idempotency)
                        .build())
                .build();
        ServerlessFunction.Builder.create(stack, "Inventory")
                .code(handler("catalog-changes"))
                .enhancedMonitoring(EnhancedMonitoring.LAMBDA_INSIGHTS)
                .build();
        ServerlessFunction.Builder.create(stack, "Pricing")
                .code(handler("api"))
                .enhancedMonitoring(EnhancedMonitoring.APPLICATION_SIGNALS)
                .build();
        return stack;
    }

    /** A default ServerlessFunction: what one line of user code deploys. */
    static Stack coreStack(final software.amazon.awscdk.App app, final Environment env) {
        Stack stack = new Stack(app, "BlueprintsCore", StackProps.builder()
                .env(env)
                .description("cdk-lambda-blueprints example: a default ServerlessFunction")
                .build());
        ServerlessFunction.Builder.create(stack, "Hello")
                .code(FunctionCode.fromAsset(examplePath("handlers", "hello")))
                .build();
        return stack;
    }

    /** Reference workload 7: a VPC function (layer, secrets, provisioned concurrency) and a container image. */
    static Stack platformStack(final software.amazon.awscdk.App app, final Environment env) {
        Stack stack = new Stack(app, "BlueprintsPlatform", StackProps.builder()
                .env(env)
                .description("cdk-lambda-blueprints example: VPC, layer, secrets, provisioned concurrency, container image")
                .build());

        // An existing VPC, imported without a lookup (no AWS account needed to synthesize).
        IVpc vpc = Vpc.fromVpcAttributes(stack, "Vpc", VpcAttributes.builder()
                .vpcId("vpc-0a1b2c3d4e5f67890")
                .availabilityZones(List.of("us-east-1a", "us-east-1b"))
                .privateSubnetIds(List.of("subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"))
                .privateSubnetRouteTableIds(List.of("rtb-0a1b2c3d4e5f60001", "rtb-0a1b2c3d4e5f60002"))
                .build());
        ISecret dbSecret = Secret.fromSecretCompleteArn(stack, "DbSecret",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:orders/db-AbCdEf");
        IStringParameter apiKey = StringParameter.fromSecureStringParameterAttributes(stack, "ApiKey",
                SecureStringParameterAttributes.builder().parameterName("/orders/api-key").build());

        FunctionLayer layer = FunctionLayer.Builder.create(stack, "SharedLayer")
                .path(examplePath("layers", "shared"))
                .compatibleRuntimes(List.of(LatestRuntime.NODEJS))
                .description("Shared Node.js modules of the example")
                .build();

        ServerlessFunction.Builder.create(stack, "Orders")
                .code(FunctionCode.fromAsset(examplePath("handlers", "orders")))
                .memorySize(512)
                .timeout(Duration.seconds(10))
                .layers(List.of(layer))
                .environment(Map.of("TABLE_NAME", "orders"))
                .secrets(Map.of(
                        "DB_SECRET_ARN", FunctionSecret.fromSecretsManager(dbSecret),
                        "API_KEY_PARAMETER", FunctionSecret.fromSsmParameter(apiKey)))
                .vpc(vpc)
                .reservedConcurrentExecutions(50)
                .provisionedConcurrency(ProvisionedConcurrencyOptions.builder()
                        .minCapacity(2)
                        .maxCapacity(10)
                        .utilizationTarget(0.6)
                        .schedules(List.of(ProvisionedConcurrencySchedule.builder()
                                .name("WeekdayMornings")
                                .schedule(Schedule.cron(CronOptions.builder()
                                        .minute("0").hour("7").weekDay("MON-FRI").build()))
                                .minCapacity(5)
                                .build()))
                        .build())
                .build();

        ServerlessFunction.Builder.create(stack, "Thumbnailer")
                .code(FunctionCode.fromImageAsset(examplePath("images", "thumbnailer")))
                .memorySize(2048)
                .timeout(Duration.minutes(2))
                .build();
        return stack;
    }

    /** Python and Java handlers: Python dependencies for arm64 without Docker, a Python layer, Java with SnapStart. */
    static Stack pythonJavaStack(final software.amazon.awscdk.App app, final Environment env) {
        Stack stack = new Stack(app, "BlueprintsPythonJava", StackProps.builder()
                .env(env)
                .description("cdk-lambda-blueprints example: Python and Java handlers")
                .build());
        FunctionLayer libs = FunctionLayer.fromPythonRequirements(stack, "PythonLibs",
                examplePath("layers", "python", "requirements.txt"),
                PythonRequirementsLayerOptions.builder()
                        .description("Python packages of the example (psutil)")
                        .build());
        ServerlessFunction.Builder.create(stack, "PythonOrders")
                .code(FunctionCode.fromPythonProject(examplePath("handlers", "python-orders")))
                .layers(List.of(libs))
                .build();
        ServerlessFunction.Builder.create(stack, "JavaOrders")
                .code(FunctionCode.fromAsset(examplePath("handlers", "java-orders", "orders-handler.jar")))
                .runtime(LatestRuntime.JAVA)
                .handler("example.OrdersHandler::handleRequest")
                .snapStart(true)
                .build();
        return stack;
    }

    public static void main(final String[] args) {
        software.amazon.awscdk.App app = new software.amazon.awscdk.App();
        acknowledgeUserDecisions(app); // what only this app's owners can decide, with their reasons
        Environment env = Environment.builder()
                .account(envOr("CDK_DEFAULT_ACCOUNT", "123456789012"))
                .region(envOr("CDK_DEFAULT_REGION", "us-east-1"))
                .build();
        coreStack(app, env);
        imagePipelineStack(app, env); //   1. S3 -> image processing (layer) -> DynamoDB
        streamAnalyticsStack(app, env); // 2. Kinesis -> analytics -> DynamoDB
        webBackendStack(app, env); //      3. HTTP API -> function -> DynamoDB
        nightlyJobStack(app, env); //      4. weekday 02:00 cron -> stop EC2 instances
        queueWorkerStack(app, env); //     5. SQS -> worker with partial batch failures
        subscribersStack(app, env); //     6. DynamoDB Streams and SNS subscribers
        platformStack(app, env); //        7. VPC + layer + secrets + provisioned concurrency; container image
        deviceEventsStack(app, env); //    8. IoT rule, log subscription, Alexa skill, Firehose transformation
        eventSourcesStack(app, env); //    9. Kafka (MSK), Amazon MQ and DocumentDB consumers
        functionModesStack(app, env); //  10. durable, streaming, tenant isolation, Managed Instances, code signing
        operationsStack(app, env); //     11. fleet monitoring, Powertools, Lambda Insights, Application Signals
        pythonJavaStack(app, env); //      Python (arm64 dependencies, a Python layer) and Java (SnapStart) handlers
        // Each stack's idle cost (<stack>.cost.json) and the blueprint report (blueprints.html): only reports,
        // nothing here changes a template (as in examples/app.ts).
        Blueprints.applyTo(app, BlueprintsOptions.builder()
                .nagPacks(List.of())
                .dashboard(false)
                .hardenPlainFunctions(false)
                .resourceBudget(false)
                .build());
        app.synth();
    }

    private static String envOr(final String name, final String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
