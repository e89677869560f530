package io.github.cdklambdablueprints.consumer;

import io.github.cdklambdablueprints.FunctionCode;
import io.github.cdklambdablueprints.FunctionLayer;
import io.github.cdklambdablueprints.FunctionSecret;
import io.github.cdklambdablueprints.LatestRuntime;
import io.github.cdklambdablueprints.ProvisionedConcurrencyOptions;
import io.github.cdklambdablueprints.ProvisionedConcurrencySchedule;
import io.github.cdklambdablueprints.ServerlessFunction;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.applicationautoscaling.CronOptions;
import software.amazon.awscdk.services.applicationautoscaling.Schedule;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcAttributes;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
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

    public static void main(final String[] args) {
        software.amazon.awscdk.App app = new software.amazon.awscdk.App();
        Environment env = Environment.builder()
                .account(envOr("CDK_DEFAULT_ACCOUNT", "123456789012"))
                .region(envOr("CDK_DEFAULT_REGION", "us-east-1"))
                .build();
        coreStack(app, env);
        platformStack(app, env);
        app.synth();
    }

    private static String envOr(final String name, final String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
