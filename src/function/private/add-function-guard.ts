import { Construct, IConstruct } from 'constructs';
import { BlueprintValidationError } from '../../validation/blueprint-error';
import { ErrorCodes } from '../../validation/error-codes';

/**
 * The default child of a ServerlessFunction. aws-cdk-lib's `CapacityProvider.addFunction(fn)` writes
 * the capacity provider's settings on `fn.node.defaultChild`, assuming it is the `CfnFunction`. A
 * ServerlessFunction's is this guard instead, which turns those writes into an error naming the
 * `capacity` option (that also checks the runtime, the VPC and what Lambda refuses with it). It is no
 * CloudFormation resource, so everything that looks for the function's own resource (acknowledgements,
 * `applyRemovalPolicy`) behaves as without a default child.
 *
 * @internal
 */
export class CapacityProviderGuard extends Construct {
  constructor(private readonly owner: IConstruct, id: string) {
    super(owner, id);
  }

  public set publishToLatestPublished(_value: unknown) {
    this.refuse();
  }

  public set capacityProviderConfig(_value: unknown) {
    this.refuse();
  }

  public set functionScalingConfig(_value: unknown) {
    this.refuse();
  }

  private refuse(): never {
    throw new BlueprintValidationError(this.owner, [{
      code: ErrorCodes.LBP_MANAGED_INSTANCES_ADD_FUNCTION,
      property: 'capacity',
      value: 'CapacityProvider.addFunction(serverlessFunction)',
      limit: 'aws-cdk-lib\'s addFunction writes on the function\'s default child, which a ServerlessFunction does not expose, and skips the checks of Managed Instances (runtime, VPC, provisioned concurrency, SnapStart)',
      fix: 'pass the provider as the capacity option: new ServerlessFunction(..., { capacity: { provider, maxConcurrencyPerEnvironment, memoryPerVCpu, minEnvironments, maxEnvironments } })',
    }]);
  }
}
