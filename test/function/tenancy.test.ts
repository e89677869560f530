import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { FunctionCode, ServerlessFunction, ServerlessFunctionProps, Trigger } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, testStack } from '../helpers/template';

const PER_TENANT = lambda.TenancyConfig.PER_TENANT;

function props(extra: Partial<ServerlessFunctionProps> = {}): ServerlessFunctionProps {
  return { code: FunctionCode.fromAsset(HANDLER_DIR), tenancy: PER_TENANT, timeout: Duration.seconds(29), ...extra };
}

function errorOf(p: ServerlessFunctionProps): string {
  try {
    new ServerlessFunction(testStack(), 'Fn', p);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a validation error');
}

describe('tenancy', () => {
  test('PER_TENANT lands on the function as TenancyConfig; without it there is none', () => {
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Fn', props());
    new ServerlessFunction(stack, 'Plain', props({ tenancy: undefined }));
    const functions = Object.entries<any>(Template.fromStack(stack).findResources('AWS::Lambda::Function'));
    const byId = Object.fromEntries(functions.map(([id, r]) => [id.replace(/Function[0-9A-F]{8}$/, ''), r.Properties.TenancyConfig]));
    expect(byId.Fn).toEqual({ TenantIsolationMode: 'PER_TENANT' });
    expect(byId.Plain).toBeUndefined();
    expect(fn.tenancyConfig).toBe(PER_TENANT);
  });

  test('a REST API trigger with a tenant id header is accepted: the header is required and mapped to X-Amz-Tenant-Id; five packs clean', () => {
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Fn', props());
    fn.addTrigger(Trigger.restApi({ tenantIdHeader: 'x-tenant-id', routes: ['POST /runs'] }));
    expect(fn.triggers).toHaveLength(1);
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::ApiGateway::RestApi', 1);
    t.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'POST',
      RequestParameters: { 'method.request.header.x-tenant-id': true },
      Integration: { RequestParameters: { 'integration.request.header.X-Amz-Tenant-Id': 'method.request.header.x-tenant-id' } },
    });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('a REST API trigger without tenantIdHeader is refused on a tenant-isolated function; a header name that is not a token is refused', () => {
    const fn = new ServerlessFunction(testStack(), 'Fn', props());
    expect(() => fn.addTrigger(Trigger.restApi())).toThrow(/LBP_TENANCY_INVOKER[\s\S]*tenantIdHeader/);
    const other = new ServerlessFunction(testStack(), 'Fn', props());
    expect(() => other.addTrigger(Trigger.restApi({ tenantIdHeader: 'x tenant' }))).toThrow(/LBP_TENANCY_INVOKER[\s\S]*tenantIdHeader/);
    // Without tenancy, a plain REST API trigger stays accepted and maps no tenant id.
    const stack = testStack();
    new ServerlessFunction(stack, 'Plain', props({ tenancy: undefined })).addTrigger(Trigger.restApi());
    expect(JSON.stringify(Template.fromStack(stack).toJSON())).not.toContain('X-Amz-Tenant-Id');
  });

  test('refused with snapStart and with provisioned concurrency (what Lambda refuses in tenant isolation mode)', () => {
    expect(errorOf(props({ snapStart: true, runtime: lambda.Runtime.PYTHON_3_13, code: FunctionCode.fromAsset(`${__dirname}/../fixtures/python/orders`) })))
      .toMatch(/LBP_TENANCY_INCOMPATIBLE[\s\S]*PER_TENANT with snapStart/);
    expect(errorOf(props({ provisionedConcurrency: { minCapacity: 1 } }))).toMatch(/LBP_TENANCY_INCOMPATIBLE[\s\S]*PER_TENANT with provisionedConcurrency/);
    // Each alone is accepted.
    expect(() => new ServerlessFunction(testStack(), 'Pc', props({ tenancy: undefined, provisionedConcurrency: { minCapacity: 1 } }))).not.toThrow();
  });

  test('every trigger but a REST API with a tenant id header is refused before anything is created, naming tenancy', () => {
    const refused = [
      (_s: any) => Trigger.httpApi(),
      (_s: any) => Trigger.functionUrl(),
      (s: any) => Trigger.sqs(new sqs.Queue(s, 'Source', { enforceSSL: true })),
      (_s: any) => Trigger.webSocketApi(),
    ];
    for (const make of refused) {
      const stack = testStack();
      const fn = new ServerlessFunction(stack, 'Fn', props());
      const trigger = make(stack);
      const before = fn.node.findAll().length;
      expect(() => fn.addTrigger(trigger)).toThrow(/LBP_TENANCY_INVOKER[\s\S]*tenancy[\s\S]*Trigger\.restApi/);
      expect(fn.node.findAll().length).toBe(before);
      expect(fn.triggers).toHaveLength(0);
    }
    // Without tenancy the same triggers are accepted.
    const stack = testStack();
    const plain = new ServerlessFunction(stack, 'Plain', props({ tenancy: undefined }));
    expect(() => plain.addTrigger(Trigger.httpApi())).not.toThrow();
  });

  test('addFunctionUrl is refused with tenancy, accepted without', () => {
    const stack = testStack();
    const fn = new ServerlessFunction(stack, 'Fn', props());
    expect(() => fn.addFunctionUrl()).toThrow(/LBP_TENANCY_INVOKER[\s\S]*a function URL/);
    const plain = new ServerlessFunction(stack, 'Plain', props({ tenancy: undefined }));
    expect(plain.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM }).url).toBeDefined();
  });
});
