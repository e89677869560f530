#!/usr/bin/env python3
"""The example app of cdk-lambda-blueprints, written in Python.

It mirrors examples/app.ts one to one (same stacks, construct ids and asset directories), and
`npx projen test:consumers` requires both to synthesize identical templates. Add a workload to
examples/app.ts, then mirror it here as one more function.
"""
import os

import aws_cdk as cdk
from aws_cdk import aws_applicationautoscaling as appscaling
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_secretsmanager as secretsmanager
from aws_cdk import aws_ssm as ssm
from cdk_lambda_blueprints import (
    FunctionCode,
    FunctionLayer,
    FunctionSecret,
    LatestRuntime,
    ProvisionedConcurrencyOptions,
    ProvisionedConcurrencySchedule,
    ServerlessFunction,
)

# The example's assets (handlers, layers, images), shared by the three languages.
EXAMPLES = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "examples"))


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


app = cdk.App()
env = cdk.Environment(
    account=os.environ.get("CDK_DEFAULT_ACCOUNT", "123456789012"),
    region=os.environ.get("CDK_DEFAULT_REGION", "us-east-1"),
)
core_stack(app, env)
platform_stack(app, env)
app.synth()
