import { ErrorCodes } from '../../../validation/error-codes';
import { Validator } from '../../../validation/validator';
import { ServerlessFunctionOptions } from '../../serverless-function-props';

/** The AWS pages that list what tenant isolation mode refuses. @internal */
export const TENANCY_PAGES = 'see https://docs.aws.amazon.com/lambda/latest/dg/tenant-isolation.html and the aws-cdk-lib TenancyConfig reference';

/**
 * What Lambda refuses together with tenant isolation mode (`tenancy`): SnapStart and provisioned
 * concurrency. Function URLs and triggers other than a REST API are refused where they are added.
 *
 * @internal
 */
export function validateTenancy(v: Validator, props: ServerlessFunctionOptions): void {
  if (props.tenancy === undefined) {
    return;
  }
  if (props.snapStart === true) {
    v.fail({
      code: ErrorCodes.LBP_TENANCY_INCOMPATIBLE,
      property: 'tenancy',
      value: 'PER_TENANT with snapStart',
      limit: `Lambda does not support SnapStart on a function in tenant isolation mode: each tenant gets its own execution environments, initialised on that tenant's first invocation (${TENANCY_PAGES})`,
      fix: 'choose one: remove snapStart, or remove tenancy',
    });
  }
  if (props.provisionedConcurrency !== undefined) {
    v.fail({
      code: ErrorCodes.LBP_TENANCY_INCOMPATIBLE,
      property: 'tenancy',
      value: 'PER_TENANT with provisionedConcurrency',
      limit: `Lambda does not support provisioned concurrency on a function in tenant isolation mode: pre-initialised environments belong to no tenant (${TENANCY_PAGES})`,
      fix: 'choose one: remove provisionedConcurrency, or remove tenancy',
    });
  }
}
