import * as lambda from 'aws-cdk-lib/aws-lambda';

/**
 * Runs a ServerlessFunction on Lambda Managed Instances: EC2 instances of a capacity provider in your VPC.
 *
 * Each execution environment serves several invocations at once, so the handler must be safe to run
 * concurrently (no per-request state in globals; /tmp shared). The capacity provider keeps its minimum
 * execution environments running (and billed) while idle. See
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances.html and docs/managed-instances.md.
 */
export interface ManagedInstancesOptions {
  /**
   * An existing capacity provider to run the function on.
   *
   * Every function on one capacity provider must be mutually trusted: the provider is the security
   * boundary, not the function.
   *
   * @default - a capacity provider of the function's own, in the function's `vpc` subnets, with a security
   * group of its own (no ingress) and an operator role with a customer-managed policy
   */
  readonly provider?: lambda.ICapacityProvider;

  /**
   * The most invocations one execution environment serves at once (`PerExecutionEnvironmentMaxConcurrency`).
   *
   * From 1 to 1,600.
   *
   * @default - Lambda's default for the runtime
   */
  readonly maxConcurrencyPerEnvironment?: number;

  /**
   * The memory per vCPU of each execution environment, in GiB (`ExecutionEnvironmentMemoryGiBPerVCpu`).
   *
   * From 2 to 8.
   *
   * @default 2
   */
  readonly memoryPerVCpu?: number;

  /**
   * The fewest execution environments kept running for the `live` version, idle or not.
   *
   * From 0 to 15,000; they are billed as EC2 capacity while idle (the cost report lists them).
   *
   * @default - Lambda's default minimum (3 execution environments, per the aws-cdk-lib documentation)
   */
  readonly minEnvironments?: number;

  /**
   * The most execution environments of the `live` version.
   *
   * From 0 to 15,000, and at least `minEnvironments`.
   *
   * @default - no maximum
   */
  readonly maxEnvironments?: number;
}
