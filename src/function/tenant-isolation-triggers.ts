/**
 * The triggers Lambda accepts in front of a function in tenant isolation mode: each registers itself
 * when it is created (a REST API trigger with a `tenantIdHeader`). Lambda documents API Gateway REST
 * APIs only (they can map a client request property to the `X-Amz-Tenant-Id` header); an HTTP API
 * cannot set that header, and every other event source is refused (https://docs.aws.amazon.com/lambda/latest/dg/tenant-isolation-invoke.html).
 */
const capable = new WeakSet<object>();

/** Marks a trigger as one Lambda accepts in front of a tenant-isolated function. @internal */
export function markTenantIsolationCapable(trigger: object): void {
  capable.add(trigger);
}

/** Whether a trigger may invoke a tenant-isolated function. @internal */
export function isTenantIsolationCapable(trigger: object): boolean {
  return capable.has(trigger);
}
