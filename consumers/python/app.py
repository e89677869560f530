#!/usr/bin/env python3
"""The example app of cdk-lambda-blueprints, written in Python.

It mirrors examples/app.ts one to one (same stacks, construct ids and asset directories), and
`npx projen test:consumers` requires both to synthesize identical templates. Add a workload to
examples/app.ts, then mirror it here as one more function.
"""
import os

import aws_cdk as cdk
from aws_cdk import aws_applicationautoscaling as appscaling
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_secretsmanager as secretsmanager
from aws_cdk import aws_signer as signer
from aws_cdk import aws_sns as sns
from aws_cdk import aws_ssm as ssm
from cdk_lambda_blueprints import (
    Blueprints,
    BucketEventType,
    BucketProcessor,
    CodeSigningOptions,
    DocumentDbSource,
    DurableOptions,
    EnhancedMonitoring,
    DynamoDbStreamTriggerOptions,
    FunctionCode,
    FunctionLayer,
    FunctionSecret,
    HttpApiFunction,
    HttpApiTriggerOptions,
    IdempotencyTable,
    KafkaConsumer,
    KafkaSource,
    KafkaTriggerOptions,
    KinesisTriggerOptions,
    LatestRuntime,
    ManagedInstancesOptions,
    MonitoringMode,
    MqBroker,
    PowertoolsOptions,
    ProvisionedConcurrencyOptions,
    ProvisionedConcurrencySchedule,
    QueueProcessor,
    S3TriggerOptions,
    ScheduledJob,
    ScheduleTriggerOptions,
    ServerlessFunction,
    ServerlessFunctionOptions,
    SnsTriggerOptions,
    SqsTriggerOptions,
    StreamProcessor,
    TableStreamProcessor,
    TopicSubscriber,
    Trigger,
    TriggerSchedule,
)

# The example's assets (handlers, layers, images), shared by the three languages.
EXAMPLES = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "examples"))



def handler(name: str) -> FunctionCode:
    """The code of the example handler examples/handlers/<name>."""
    return FunctionCode.from_asset(os.path.join(EXAMPLES, "handlers", name))


def acknowledge_user_decisions(app: cdk.App) -> None:
    """The decisions only this app's owners can make, each with their reason (the library never makes them)."""
    Blueprints.acknowledge_user_decisions(app,
        no_vpc="The example functions call AWS service endpoints only; the platform stack shows a function in a VPC.",
        no_reserved_concurrency="The example account shares its concurrency pool; the queue worker and the VPC function reserve theirs.",
        no_bucket_replication="Uploaded images can be uploaded again from their source; a second Region is not needed.",
        no_backup_plan="Point-in-time recovery (35 days) is enough for the example tables.",
        no_api_cache="The tenant API starts a run per request: its responses must never be cached.",
    )


def image_pipeline_stack(app: cdk.App, env: cdk.Environment) -> cdk.Stack:
    """1. S3 upload -> image-processing function (with a layer) -> DynamoDB metadata; failures kept in DLQs."""
    stack = cdk.Stack(app, "BlueprintsImagePipeline", env=env,
                      description="cdk-lambda-blueprints example 1: S3 -> image processing -> DynamoDB")
    metadata = dynamodb.Table.from_table_name(stack, "ImageMetadata", "image-metadata")
    image_libs = FunctionLayer(stack, "ImageLibs",
        path=os.path.join(EXAMPLES, "layers", "shared"),
        compatible_runtimes=[LatestRuntime.NODEJS],
        description="Image helpers shared by the pipeline",
    )
    pipeline = BucketProcessor(stack, "Uploads",
        code=handler("thumbnails"),
        function_options=ServerlessFunctionOptions(
            memory_size=2048,
            timeout=cdk.Duration.minutes(1),
            layers=[image_libs],
            environment={"METADATA_TABLE": metadata.table_name},
        ),
        trigger_options=S3TriggerOptions(
            event_types=[BucketEventType.OBJECT_CREATED], prefix="uploads/", suffix=".jpg"),
    )
    metadata.grant_write_data(pipeline.function)
    return stack


def stream_analytics_stack(app: cdk.App, env: cdk.Environment) -> cdk.Stack:
    """2. Kinesis stream -> real-time analytics function -> DynamoDB, bisect-on-error and an on-failure queue."""
    stack = cdk.Stack(app, "BlueprintsStreamAnalytics", env=env,
                      description="cdk-lambda-blueprints example 2: Kinesis -> analytics -> DynamoDB")
    aggregates = dynamodb.Table.from_table_name(stack, "Aggregates", "clickstream-aggregates")
    analytics = StreamProcessor(stack, "Clickstream",
        code=handler("analytics"),
        function_options=ServerlessFunctionOptions(
            memory_size=1024,
            timeout=cdk.Duration.seconds(60),
            environment={"AGGREGATES_TABLE": aggregates.table_name},
        ),
        trigger_options=KinesisTriggerOptions(
            batch_size=500,
            max_batching_window=cdk.Duration.seconds(5),
            parallelization_factor=2,
            retry_attempts=3,
            max_record_age=cdk.Duration.hours(1),
            bisect_batch_on_error=True,
            tumbling_window=cdk.Duration.seconds(60),
        ),
    )
    aggregates.grant_write_data(analytics.function)
    return stack


def web_backend_stack(app: cdk.App, env: cdk.Environment) -> cdk.Stack:
    """3. HTTP API -> function -> DynamoDB: a serverless web backend with throttling and access logs."""
    stack = cdk.Stack(app, "BlueprintsWebBackend", env=env,
                      description="cdk-lambda-blueprints example 3: HTTP API -> function -> DynamoDB")
    orders = dynamodb.Table.from_table_name(stack, "Orders", "orders")
    api = HttpApiFunction(stack, "OrdersApi",
        code=handler("api"),
        function_options=ServerlessFunctionOptions(
            memory_size=512,
            timeout=cdk.Duration.seconds(10),
            environment={"ORDERS_TABLE": orders.table_name},
        ),
        trigger_options=HttpApiTriggerOptions(
            routes=["GET /orders", "GET /orders/{id}", "POST /orders"],
            throttling_rate_limit=200,
            throttling_burst_limit=400,
        ),
    )
    orders.grant_read_write_data(api.function)
    return stack


def nightly_job_stack(app: cdk.App, env: cdk.Environment) -> cdk.Stack:
    """4. EventBridge cron (weekdays 02:00) -> function that stops the EC2 instances tagged AutoStop=true."""
    stack = cdk.Stack(app, "BlueprintsNightlyJob", env=env,
                      description="cdk-lambda-blueprints example 4: weekday cron -> stop EC2 instances")
    instances = f"arn:aws:ec2:{env.region}:{env.account}:instance/*"
    job = ScheduledJob(stack, "StopDevInstances",
        code=handler("stop-instances"),
        schedule=TriggerSchedule.cron("cron(0 2 ? * MON-FRI *)"),
        trigger_options=ScheduleTriggerOptions(time_zone="Europe/Paris"),
        function_options=ServerlessFunctionOptions(
            timeout=cdk.Duration.minutes(5),
            initial_policy=[
                iam.PolicyStatement(
                    sid="StopTaggedInstances",
                    actions=["ec2:StopInstances"],
                    resources=[instances],
                    conditions={"StringEquals": {"aws:ResourceTag/AutoStop": "true"}},
                ),
                # DescribeInstances has no resource-level permissions: Resource "*" is the only form AWS accepts.
                iam.PolicyStatement(sid="FindTaggedInstances", actions=["ec2:DescribeInstances"], resources=["*"]),
            ],
        ),
    )
    # This app's own findings, acknowledged where they arise (the policy holding the app's statements),
    # with its reasons (see the README). The library acknowledges none of what the app adds.
    cdk.Validations.of(job.function.policy).acknowledge(cdk.Acknowledgment(
        id=f"AwsSolutions-IAM5[Resource::{instances}]",
        reason="ec2:StopInstances is limited by the aws:ResourceTag/AutoStop condition; instance ids are not known in advance.",
    ))
    cdk.Validations.of(job.function.policy).acknowledge(cdk.Acknowledgment(
        id="AwsSolutions-IAM5[Resource::*]",
        reason='ec2:DescribeInstances has no resource-level permissions: Resource "*" is the only form AWS accepts.',
    ))
    return stack


def queue_worker_stack(app: cdk.App, env: cdk.Environment) -> cdk.Stack:
    """5. SQS queue -> function with partial batch failure reporting and a redrive DLQ."""
    stack = cdk.Stack(app, "BlueprintsQueueWorker", env=env,
                      description="cdk-lambda-blueprints example 5: SQS -> worker with partial batch failures")
    QueueProcessor(stack, "Invoices",
        code=handler("invoices"),
        function_options=ServerlessFunctionOptions(
            timeout=cdk.Duration.seconds(20), reserved_concurrent_executions=20),
        max_receive_count=5,
        trigger_options=SqsTriggerOptions(
            batch_size=10, max_batching_window=cdk.Duration.seconds(2), max_concurrency=10),
    )
    return stack


def subscribers_stack(app: cdk.App, env: cdk.Environment) -> cdk.Stack:
    """6. DynamoDB Streams and SNS subscribers."""
    stack = cdk.Stack(app, "BlueprintsSubscribers", env=env,
                      description="cdk-lambda-blueprints example 6: DynamoDB Streams and SNS subscribers")
    TableStreamProcessor(stack, "Customers",
        code=handler("customer-changes"),
        partition_key=dynamodb.Attribute(name="customerId", type=dynamodb.AttributeType.STRING),
        trigger_options=DynamoDbStreamTriggerOptions(
            batch_size=100, starting_position=lambda_.StartingPosition.LATEST),
    )
    TopicSubscriber(stack, "OrderEvents",
        code=handler("order-events"),
        trigger_options=SnsTriggerOptions(
            filter_policy={
                "eventType": sns.SubscriptionFilter.string_filter(allowlist=["OrderPlaced", "OrderCancelled"]),
            },
        ),
    )
    return stack


def device_events_stack(app: cdk.App, env: cdk.Environment) -> cdk.Stack:
    """8. IoT telemetry (error action into a FailureQueue), log alerts, an Alexa skill, a Firehose archive."""
    stack = cdk.Stack(app, "BlueprintsDeviceEvents", env=env,
                      description="cdk-lambda-blueprints example 8: IoT telemetry, log alerts, an Alexa skill, a Firehose archive")
    telemetry = ServerlessFunction(stack, "Telemetry", code=handler("telemetry"), timeout=cdk.Duration.seconds(10))
    telemetry.add_trigger(Trigger.iot_rule("SELECT *, topic(2) AS device FROM 'devices/+/telemetry'"))
    alerts = ServerlessFunction(stack, "LogAlerts", code=handler("log-alerts"))
    alerts.add_trigger(Trigger.log_subscription(telemetry.log_group, logs.FilterPattern.any_term("ERROR", "Exception")))
    voice = ServerlessFunction(stack, "Voice", code=handler("voice"), timeout=cdk.Duration.seconds(7))
    voice.add_trigger(Trigger.alexa_skill("amzn1.ask.skill.12345678-90ab-cdef-1234-567890abcdef"))
    # Telemetry archive: Firehose normalises records into the archive bucket, whose new files are indexed.
    archive = BucketProcessor(stack, "Archive", code=handler("archive"), trigger_options=S3TriggerOptions(prefix="data/"))
    normalize = ServerlessFunction(stack, "Normalize", code=handler("normalize"), timeout=cdk.Duration.minutes(1))
    normalize.add_trigger(Trigger.firehose_transformation(destination_bucket=archive.bucket))
    return stack


def event_sources_stack(app: cdk.App, env: cdk.Environment) -> cdk.Stack:
    """9. Kafka, Amazon MQ and DocumentDB: the clusters and the broker are imported by ARN, credentials by reference."""
    stack = cdk.Stack(app, "BlueprintsEventSources", env=env,
                      description="cdk-lambda-blueprints example 9: Kafka, Amazon MQ and DocumentDB consumers")
    KafkaConsumer(stack, "Orders",
        code=handler("kafka-orders"),
        source=KafkaSource.msk(f"arn:aws:kafka:{stack.region}:{stack.account}:cluster/orders/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d-1"),
        trigger_options=KafkaTriggerOptions(topic="orders", consumer_group_id="orders-consumer"),
    )
    payments = ServerlessFunction(stack, "Payments", code=handler("payments"), timeout=cdk.Duration.seconds(30))
    payments.add_trigger(Trigger.mq(
        MqBroker.active_mq(f"arn:aws:mq:{stack.region}:{stack.account}:broker:payments:b-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"),
        queue="payments",
        credentials=secretsmanager.Secret.from_secret_name_v2(stack, "BrokerUser", "payments-broker-user"),
    ))
    catalog = ServerlessFunction(stack, "CatalogChanges", code=handler("catalog-changes"))
    catalog.add_trigger(Trigger.document_db(
        DocumentDbSource.from_cluster_arn(f"arn:aws:rds:{stack.region}:{stack.account}:cluster:catalog"),
        database_name="catalog",
        collection_name="products",
        credentials=secretsmanager.Secret.from_secret_name_v2(stack, "CatalogReader", "catalog-reader"),
        cluster_parameter_group_name="catalog-params",
        subnet_group_name="catalog-subnets",
    ))
    return stack


def function_modes_stack(app: cdk.App, env: cdk.Environment) -> cdk.Stack:
    """10. Durable, streaming, tenant isolation, Managed Instances and code signing."""
    stack = cdk.Stack(app, "BlueprintsFunctionModes", env=env,
                      description="cdk-lambda-blueprints example 10: durable, streaming, tenant isolation, Managed Instances, code signing")
    workflow = ServerlessFunction(stack, "OrderWorkflow",
        code=handler("orders"),
        runtime=lambda_.Runtime.NODEJS_24_X,
        durable=DurableOptions(execution_timeout=cdk.Duration.days(7), retention=cdk.Duration.days(30)),
    )
    workflow.add_trigger(Trigger.schedule(TriggerSchedule.rate(cdk.Duration.hours(1))))

    reports = ServerlessFunction(stack, "Reports", code=handler("api"), timeout=cdk.Duration.minutes(2))
    reports.add_trigger(Trigger.function_url(invoke_mode=lambda_.InvokeMode.RESPONSE_STREAM))

    tenants = ServerlessFunction(stack, "TenantRuns",
        code=handler("api"),
        timeout=cdk.Duration.seconds(29),
        tenancy=lambda_.TenancyConfig.PER_TENANT,
    )
    tenants.add_trigger(Trigger.rest_api(
        routes=["POST /runs"],
        tenant_id_header="x-tenant-id",
        web_acl_arn=f"arn:aws:wafv2:{stack.region}:{stack.account}:regional/webacl/tenants/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
    ))

    # The platform team's VPC, imported without a lookup.
    vpc = ec2.Vpc.from_vpc_attributes(stack, "Vpc",
        vpc_id="vpc-0a1b2c3d4e5f67890",
        availability_zones=["us-east-1a", "us-east-1b"],
        private_subnet_ids=["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"],
    )
    catalog = ServerlessFunction(stack, "Catalog",
        code=handler("catalog-changes"),
        vpc=vpc,
        capacity=ManagedInstancesOptions(max_concurrency_per_environment=4, min_environments=2, max_environments=10),
    )
    cdk.Annotations.of(catalog).acknowledge_warning("cdk-lambda-blueprints:managedInstancesConcurrentHandler",
        "the catalog handler keeps no per-request state in module globals")

    # The package a Signer job wrote (see docs/code-signing.md): CDK uploads nothing, the signature stays.
    artifacts = s3.Bucket.from_bucket_name(stack, "Artifacts", "example-signed-artifacts")
    profile = signer.SigningProfile(stack, "SigningProfile", platform=signer.Platform.AWS_LAMBDA_SHA384_ECDSA)
    ServerlessFunction(stack, "Invoices",
        code=FunctionCode.from_bucket(artifacts, "signed/invoices-1f3a.zip", "kJ8pQ2vX3lN9sT4wY7zB1cD5eF6gH0aM"),
        code_signing=CodeSigningOptions(signing_profiles=[profile]),
    )
    return stack


def operations_stack(app: cdk.App, env: cdk.Environment) -> cdk.Stack:
    """11. Fleet monitoring, Powertools (with an idempotency table), Lambda Insights and Application Signals."""
    stack = cdk.Stack(app, "BlueprintsOperations", env=env,
                      description="cdk-lambda-blueprints example 11: fleet monitoring, Powertools, Lambda Insights, Application Signals")
    # Only the monitoring mode here: the app's own Blueprints.apply_to adds the cost report.
    Blueprints.apply_to(stack, monitoring=MonitoringMode.FLEET, nag_packs=[], dashboard=False,
                        harden_plain_functions=False, resource_budget=False, cost_report=False)
    idempotency = IdempotencyTable(stack, "Idempotency")
    ServerlessFunction(stack, "Checkout",
        code=handler("orders"),
        powertools=PowertoolsOptions(service_name="checkout", metrics_namespace="Shop", idempotency_table=idempotency),
    )
    ServerlessFunction(stack, "Inventory", code=handler("catalog-changes"), enhanced_monitoring=EnhancedMonitoring.LAMBDA_INSIGHTS)
    ServerlessFunction(stack, "Pricing", code=handler("api"), enhanced_monitoring=EnhancedMonitoring.APPLICATION_SIGNALS)
    return stack


def core_stack(app: cdk.App, env: cdk.Environment) -> cdk.Stack:
    """A default ServerlessFunction: what one line of user code deploys."""
    stack = cdk.Stack(app, "BlueprintsCore", env=env,
                      description="cdk-lambda-blueprints example: a default ServerlessFunction")
    ServerlessFunction(stack, "Hello",
                       code=FunctionCode.from_asset(os.path.join(EXAMPLES, "handlers", "hello")))
    return stack


def platform_stack(app: cdk.App, env: cdk.Environment) -> cdk.Stack:
    """Reference workload 7: a VPC function (layer, secrets, provisioned concurrency) and a container image."""
    stack = cdk.Stack(app, "BlueprintsPlatform", env=env,
                      description="cdk-lambda-blueprints example: VPC, layer, secrets, provisioned concurrency, container image")

    # An existing VPC, imported without a lookup (no AWS account needed to synthesize).
    vpc = ec2.Vpc.from_vpc_attributes(stack, "Vpc",
        vpc_id="vpc-0a1b2c3d4e5f67890",
        availability_zones=["us-east-1a", "us-east-1b"],
        private_subnet_ids=["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"],
        private_subnet_route_table_ids=["rtb-0a1b2c3d4e5f60001", "rtb-0a1b2c3d4e5f60002"],
    )
    db_secret = secretsmanager.Secret.from_secret_complete_arn(stack, "DbSecret",
        "arn:aws:secretsmanager:us-east-1:123456789012:secret:orders/db-AbCdEf")
    api_key = ssm.StringParameter.from_secure_string_parameter_attributes(stack, "ApiKey",
        parameter_name="/orders/api-key")

    layer = FunctionLayer(stack, "SharedLayer",
        path=os.path.join(EXAMPLES, "layers", "shared"),
        compatible_runtimes=[LatestRuntime.NODEJS],
        description="Shared Node.js modules of the example",
    )

    ServerlessFunction(stack, "Orders",
        code=FunctionCode.from_asset(os.path.join(EXAMPLES, "handlers", "orders")),
        memory_size=512,
        timeout=cdk.Duration.seconds(10),
        layers=[layer],
        environment={"TABLE_NAME": "orders"},
        secrets={
            "DB_SECRET_ARN": FunctionSecret.from_secrets_manager(db_secret),
            "API_KEY_PARAMETER": FunctionSecret.from_ssm_parameter(api_key),
        },
        vpc=vpc,
        reserved_concurrent_executions=50,
        provisioned_concurrency=ProvisionedConcurrencyOptions(
            min_capacity=2,
            max_capacity=10,
            utilization_target=0.6,
            schedules=[ProvisionedConcurrencySchedule(
                name="WeekdayMornings",
                schedule=appscaling.Schedule.cron(minute="0", hour="7", week_day="MON-FRI"),
                min_capacity=5,
            )],
        ),
    )

    ServerlessFunction(stack, "Thumbnailer",
        code=FunctionCode.from_image_asset(os.path.join(EXAMPLES, "images", "thumbnailer")),
        memory_size=2048,
        timeout=cdk.Duration.minutes(2),
    )
    return stack


def python_java_stack(app: cdk.App, env: cdk.Environment) -> cdk.Stack:
    """Python and Java handlers: Python dependencies for arm64 without Docker, a Python layer, Java with SnapStart."""
    stack = cdk.Stack(app, "BlueprintsPythonJava", env=env,
                      description="cdk-lambda-blueprints example: Python and Java handlers")
    libs = FunctionLayer.from_python_requirements(stack, "PythonLibs",
        os.path.join(EXAMPLES, "layers", "python", "requirements.txt"),
        description="Python packages of the example (psutil)",
    )
    ServerlessFunction(stack, "PythonOrders",
        code=FunctionCode.from_python_project(os.path.join(EXAMPLES, "handlers", "python-orders")),
        layers=[libs],
    )
    ServerlessFunction(stack, "JavaOrders",
        code=FunctionCode.from_asset(os.path.join(EXAMPLES, "handlers", "java-orders", "orders-handler.jar")),
        runtime=LatestRuntime.JAVA,
        handler="example.OrdersHandler::handleRequest",
        snap_start=True,
    )
    return stack


app = cdk.App()
acknowledge_user_decisions(app)   #    what only this app's owners can decide, with their reasons
env = cdk.Environment(
    account=os.environ.get("CDK_DEFAULT_ACCOUNT", "123456789012"),
    region=os.environ.get("CDK_DEFAULT_REGION", "us-east-1"),
)
core_stack(app, env)
image_pipeline_stack(app, env)    # 1. S3 -> image processing (layer) -> DynamoDB
stream_analytics_stack(app, env)  # 2. Kinesis -> analytics -> DynamoDB
web_backend_stack(app, env)       # 3. HTTP API -> function -> DynamoDB
nightly_job_stack(app, env)       # 4. weekday 02:00 cron -> stop EC2 instances
queue_worker_stack(app, env)      # 5. SQS -> worker with partial batch failures
subscribers_stack(app, env)       # 6. DynamoDB Streams and SNS subscribers
platform_stack(app, env)          # 7. VPC + layer + secrets + provisioned concurrency; container image
device_events_stack(app, env)     # 8. IoT rule, log subscription, Alexa skill, Firehose transformation
event_sources_stack(app, env)     # 9. Kafka (MSK), Amazon MQ and DocumentDB consumers
function_modes_stack(app, env)    # 10. durable, streaming, tenant isolation, Managed Instances, code signing
operations_stack(app, env)        # 11. fleet monitoring, Powertools, Lambda Insights, Application Signals
python_java_stack(app, env)       # Python (arm64 dependencies, a Python layer) and Java (SnapStart) handlers
# Each stack's idle cost (<stack>.cost.json) and the blueprint report (blueprints.html): only reports, nothing here
# changes a template (as in examples/app.ts).
Blueprints.apply_to(app, nag_packs=[], dashboard=False, harden_plain_functions=False, resource_budget=False)
app.synth()
