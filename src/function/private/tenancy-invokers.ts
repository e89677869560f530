import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import { TENANCY_PAGES } from './checks/tenancy';
import { BlueprintValidationError } from '../../validation/blueprint-error';
import { ErrorCodes } from '../../validation/error-codes';

/**
 * Refuses an invoker Lambda does not accept in front of a function in tenant isolation mode:
 * a function URL, or any trigger but an API Gateway REST API (an HTTP API cannot set the
 * `X-Amz-Tenant-Id` header; event sources send no tenant id). Throws before anything is created.
 *
 * @internal
 */
export function refuseInvokerUnderTenancy(scope: IConstruct, tenancy: lambda.TenancyConfig | undefined, invoker: string, capable: boolean): void {
  if (tenancy === undefined || capable) {
    return;
  }
  throw new BlueprintValidationError(scope, [{
    code: ErrorCodes.LBP_TENANCY_INVOKER,
    property: 'tenancy',
    value: `PER_TENANT with ${invoker}`,
    limit: `a function in tenant isolation mode needs a tenant id on every invocation; Lambda accepts API Gateway REST APIs that map a request property to X-Amz-Tenant-Id, not function URLs, HTTP APIs or other event sources (${TENANCY_PAGES}, https://docs.aws.amazon.com/lambda/latest/dg/tenant-isolation-invoke.html)`,
    fix: 'invoke it through Trigger.restApi({ tenantIdHeader: "x-tenant-id" }) (or the Invoke API with a tenant id), or remove tenancy',
  }]);
}
