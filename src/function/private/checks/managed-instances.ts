import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ErrorCodes } from '../../../validation/error-codes';
import { isConcrete, Validator } from '../../../validation/validator';
import { ServerlessFunctionOptions, ServerlessFunctionProps } from '../../serverless-function-props';

/** The AWS pages the Managed Instances checks rest on. @internal */
export const MANAGED_INSTANCES_PAGE = 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances.html';
const CONFIG_PAGE = 'https://docs.aws.amazon.com/lambda/latest/api/API_LambdaManagedInstancesCapacityProviderConfig.html';
const RUNTIMES_PAGE = 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-runtimes.html';

/**
 * The oldest version of each runtime family Lambda Managed Instances support
 * (https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-runtimes.html): Java 21,
 * Python 3.13, Node.js 22, .NET 8 and later, and the OS-only runtime provided.al2023 and later.
 */
const OLDEST_SUPPORTED: ReadonlyArray<{ readonly prefix: string; readonly oldest: number[] }> = [
  { prefix: 'java', oldest: [21] },
  { prefix: 'python', oldest: [3, 13] },
  { prefix: 'nodejs', oldest: [22] },
  { prefix: 'dotnet', oldest: [8] },
  { prefix: 'provided.al', oldest: [2023] },
];

/** Whether Lambda Managed Instances support the runtime (by its name, e.g. `python3.13`, `nodejs22.x`). @internal */
export function managedInstancesSupportRuntime(runtime: lambda.Runtime): boolean {
  for (const { prefix, oldest } of OLDEST_SUPPORTED) {
    if (!runtime.name.startsWith(prefix)) {
      continue;
    }
    const version = runtime.name.slice(prefix.length).replace(/\.x$/, '').split('.').map(Number);
    if (version.some((n) => Number.isNaN(n))) {
      return false;
    }
    for (let i = 0; i < oldest.length; i++) {
      const part = version[i] ?? 0;
      if (part !== oldest[i]) {
        return part > oldest[i];
      }
    }
    return true;
  }
  return false;
}

/**
 * The checks of `capacity` (Lambda Managed Instances) that need neither the code nor the runtime:
 * ranges, and the settings Lambda refuses with it.
 *
 * @internal
 */
export function validateManagedInstancesOptions(v: Validator, props: ServerlessFunctionOptions): void {
  const c = props.capacity;
  if (c === undefined) {
    return;
  }
  v.range(ErrorCodes.LBP_MANAGED_INSTANCES_RANGE, 'capacity.maxConcurrencyPerEnvironment', c.maxConcurrencyPerEnvironment, 1, 1600, {
    integer: true, source: CONFIG_PAGE,
  });
  v.range(ErrorCodes.LBP_MANAGED_INSTANCES_RANGE, 'capacity.memoryPerVCpu', c.memoryPerVCpu, 2, 8, { unit: 'GiB', source: CONFIG_PAGE });
  v.range(ErrorCodes.LBP_MANAGED_INSTANCES_RANGE, 'capacity.minEnvironments', c.minEnvironments, 0, 15000, {
    integer: true, source: 'aws-cdk-lib CapacityProvider.addFunction',
  });
  v.range(ErrorCodes.LBP_MANAGED_INSTANCES_RANGE, 'capacity.maxEnvironments', c.maxEnvironments, 0, 15000, {
    integer: true, source: 'aws-cdk-lib CapacityProvider.addFunction',
  });
  if (isConcrete(c.minEnvironments) && isConcrete(c.maxEnvironments) && c.minEnvironments > c.maxEnvironments) {
    v.fail({
      code: ErrorCodes.LBP_MANAGED_INSTANCES_RANGE,
      property: 'capacity.minEnvironments',
      value: `${c.minEnvironments} above maxEnvironments ${c.maxEnvironments}`,
      limit: 'minEnvironments must be at most maxEnvironments (aws-cdk-lib CapacityProvider.addFunction)',
      fix: 'lower minEnvironments or raise maxEnvironments',
    });
  }
  if (c.provider === undefined && props.vpc === undefined) {
    v.fail({
      code: ErrorCodes.LBP_MANAGED_INSTANCES_INCOMPATIBLE,
      property: 'capacity',
      value: 'a new capacity provider without vpc',
      limit: `a capacity provider launches its EC2 instances in VPC subnets (at least 1, at most 16; ${MANAGED_INSTANCES_PAGE})`,
      fix: 'set vpc (and vpcSubnets) for the capacity provider the library creates, or pass capacity.provider',
    });
  }
  const refuse = (setting: string, reason: string, fix: string) => v.fail({
    code: ErrorCodes.LBP_MANAGED_INSTANCES_INCOMPATIBLE, property: 'capacity', value: `with ${setting}`, limit: reason, fix,
  });
  if (props.provisionedConcurrency !== undefined) {
    refuse('provisionedConcurrency',
      `a function on Managed Instances keeps its own always-running execution environments (capacity.minEnvironments); provisioned concurrency belongs to Lambda's default compute (${MANAGED_INSTANCES_PAGE})`,
      'set capacity.minEnvironments instead, or remove capacity');
  }
  if (props.snapStart === true) {
    refuse('snapStart',
      `SnapStart restores Firecracker microVM snapshots, and Managed Instances run functions in containers on EC2 instead of Firecracker (${MANAGED_INSTANCES_PAGE}, https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html)`,
      'remove snapStart (Managed Instances have no cold starts on invocation: environments are started ahead), or remove capacity');
  }
  if (props.tenancy !== undefined) {
    refuse('tenancy',
      `tenant isolation gives each tenant its own Firecracker execution environments, and Managed Instances run functions in containers on EC2 whose capacity provider is the security boundary (${MANAGED_INSTANCES_PAGE}, https://docs.aws.amazon.com/lambda/latest/dg/tenant-isolation.html)`,
      'give each tenant its own capacity provider and function, or remove capacity');
  }
}

/**
 * The runtime check of `capacity`: Managed Instances support Java 21+, Python 3.13+, Node.js 22+,
 * .NET 8+ and provided.al2023+. A container image (no runtime) is not checked.
 *
 * @internal
 */
export function validateManagedInstancesRuntime(v: Validator, props: ServerlessFunctionProps, runtime: lambda.Runtime | undefined): void {
  if (props.capacity === undefined || runtime === undefined || runtime === lambda.Runtime.FROM_IMAGE) {
    return;
  }
  v.failIf(!managedInstancesSupportRuntime(runtime), {
    code: ErrorCodes.LBP_MANAGED_INSTANCES_RUNTIME,
    property: 'capacity',
    value: `on ${runtime.name}`,
    limit: `Lambda Managed Instances support Java 21+, Python 3.13+, Node.js 22+, .NET 8+ and provided.al2023+ only (${RUNTIMES_PAGE})`,
    fix: 'set runtime to one of them (e.g. LatestRuntime.PYTHON or Runtime.NODEJS_22_X), or remove capacity',
  });
}
