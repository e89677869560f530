import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as logs from 'aws-cdk-lib/aws-logs';
import { functionStack, template } from './fixtures';
import { Trigger } from '../../src';
import { nagFindings } from '../helpers/nag';

const FN_29 = { timeout: Duration.seconds(29) };

describe('Trigger.restApi defaults', () => {
  const { stack, fn } = functionStack(FN_29);
  const trigger = Trigger.restApi();
  fn.addTrigger(trigger);
  const t = template(stack);
  const aliasRef = stack.resolve((fn.alias.node.defaultChild as any).ref);

  test('a Regional REST API, no account-level CloudWatch role', () => {
    t.resourceCountIs('AWS::ApiGateway::RestApi', 1);
    t.hasResourceProperties('AWS::ApiGateway::RestApi', { EndpointConfiguration: { Types: ['REGIONAL'] } });
    t.resourceCountIs('AWS::ApiGateway::Account', 0);
    expect(trigger.cloudWatchRole).toBeUndefined();
  });

  test('the stage: X-Ray, throttling, error execution logs, JSON access logs', () => {
    t.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'prod',
      TracingEnabled: true,
      AccessLogSetting: {
        DestinationArn: stack.resolve(trigger.accessLogGroup.logGroupArn),
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
      },
      MethodSettings: [Match.objectLike({
        HttpMethod: '*',
        ResourcePath: '/*',
        LoggingLevel: 'ERROR',
        DataTraceEnabled: false,
        MetricsEnabled: true,
        ThrottlingRateLimit: 100,
        ThrottlingBurstLimit: 200,
      })],
    });
    const stage = Object.values(t.findResources('AWS::ApiGateway::Stage'))[0];
    expect(() => JSON.parse(stage.Properties.AccessLogSetting.Format)).not.toThrow();
    expect(trigger.url).toBeDefined();
    expect(stack.resolve(trigger.stage.stageName)).toEqual(stack.resolve((trigger.stage.node.defaultChild as any).ref));
  });

  test('access and execution log groups: encrypted, retained, one year; the stage waits for the execution group', () => {
    t.resourceCountIs('AWS::Logs::LogGroup', 3); // the function's, access, execution
    t.hasResource('AWS::Logs::LogGroup', {
      Properties: {
        LogGroupName: { 'Fn::Join': ['', ['API-Gateway-Execution-Logs_', stack.resolve(trigger.api.restApiId), '/prod']] },
        RetentionInDays: 365,
        KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BlueprintKey'), 'Arn'] },
      },
      DeletionPolicy: 'Retain',
    });
    const executionId = stack.resolve((trigger.executionLogGroup.node.defaultChild as any).logicalId);
    t.hasResource('AWS::ApiGateway::Stage', { DependsOn: Match.arrayWith([executionId]) });
  });

  test('ANY /{proxy+} with IAM authorization and the request validator, on the live alias', () => {
    t.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'ANY',
      AuthorizationType: 'AWS_IAM',
      RequestValidatorId: stack.resolve(trigger.requestValidator.requestValidatorId),
      Integration: Match.objectLike({ Type: 'AWS_PROXY', TimeoutInMillis: Match.absent() }),
    });
    t.hasResourceProperties('AWS::ApiGateway::RequestValidator', { ValidateRequestBody: true, ValidateRequestParameters: true });
    const method = Object.values(t.findResources('AWS::ApiGateway::Method'))[0];
    expect(JSON.stringify(method.Properties.Integration.Uri)).toContain(JSON.stringify(aliasRef));
    expect(trigger.methods).toHaveLength(1);
    expect(trigger.authorizer).toBeUndefined();
  });

  test('one Lambda permission, on the alias, scoped to the API, stage and path (no test-invoke permission)', () => {
    t.resourceCountIs('AWS::Lambda::Permission', 1);
    t.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'apigateway.amazonaws.com',
      FunctionName: aliasRef,
      SourceArn: {
        'Fn::Join': ['', Match.arrayWith([':execute-api:us-east-1:123456789012:', stack.resolve(trigger.api.restApiId), '/', stack.resolve(trigger.stage.stageName), '/*/*'])],
      },
    });
  });

  test('synth-time notes: synchronous invoker, account-level role not set', () => {
    const notes = Annotations.fromStack(stack).findInfo('*', Match.anyValue()).map((m) => String(m.entry.data));
    expect(notes.some((n) => n.includes('cdk-lambda-blueprints:syncInvoker') && n.includes('REST API') && n.includes('synchronously'))).toBe(true);
    expect(notes.some((n) => n.includes('cdk-lambda-blueprints:apiGatewayAccountRole'))).toBe(true);
  });

  test('zero unacknowledged cdk-nag findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('Trigger.restApi options', () => {
  test('Cognito authorization with scopes, routes, WAF, throttling, CORS, retention', () => {
    const { stack, fn } = functionStack(FN_29);
    const pool = cognito.UserPool.fromUserPoolArn(stack, 'Pool', 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc');
    const trigger = Trigger.restApi({
      routes: ['GET /', 'GET /orders/{id}', 'POST /orders'],
      cognitoUserPools: [pool],
      authorizationScopes: ['orders/read'],
      webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/1111',
      throttlingRateLimit: 10,
      throttlingBurstLimit: 20,
      stageName: 'v1',
      corsPreflight: { allowOrigins: ['https://example.com'] },
      accessLogRetention: logs.RetentionDays.TWO_YEARS,
      accessLogRemovalPolicy: RemovalPolicy.DESTROY,
      executionLogLevel: apigw.MethodLoggingLevel.INFO,
    });
    fn.addTrigger(trigger);
    const t = template(stack);
    t.hasResourceProperties('AWS::ApiGateway::Authorizer', { Type: 'COGNITO_USER_POOLS' });
    const methods = t.findResources('AWS::ApiGateway::Method', { Properties: { AuthorizationType: 'COGNITO_USER_POOLS' } });
    expect(Object.keys(methods)).toHaveLength(3);
    for (const m of Object.values(methods)) {
      expect(m.Properties.AuthorizationScopes).toEqual(['orders/read']);
    }
    // CORS preflights are the only methods without authorization.
    const open = t.findResources('AWS::ApiGateway::Method', { Properties: { AuthorizationType: 'NONE' } });
    expect(Object.values(open).every((m) => m.Properties.HttpMethod === 'OPTIONS')).toBe(true);
    t.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      WebACLArn: 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/1111',
    });
    t.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'v1',
      MethodSettings: [Match.objectLike({ LoggingLevel: 'INFO', ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 })],
    });
    t.hasResource('AWS::Logs::LogGroup', { Properties: { RetentionInDays: 731 }, DeletionPolicy: 'Delete' });
    t.resourceCountIs('AWS::Lambda::Permission', 3);
    expect(trigger.webAclAssociation).toBeDefined();
    expect(trigger.authorizer).toBeDefined();
    expect(nagFindings(stack)).toEqual([]);
  });

  test('cloudWatchRole: one account-level role per stack, in a customer-managed policy', () => {
    const { stack, fn } = functionStack(FN_29);
    const a = Trigger.restApi({ cloudWatchRole: true });
    fn.addTrigger(a);
    fn.addTrigger(Trigger.restApi({ cloudWatchRole: true }));
    const t = template(stack);
    t.resourceCountIs('AWS::ApiGateway::Account', 1);
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({
          Principal: { Service: 'apigateway.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
        })],
      },
      ManagedPolicyArns: Match.absent(),
    });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: [Match.objectLike({
          Action: Match.arrayWith(['logs:CreateLogStream', 'logs:PutLogEvents']),
          Resource: 'arn:aws:logs:us-east-1:123456789012:log-group:*',
        })],
      },
    });
    expect(a.cloudWatchRole).toBeDefined();
    const notes = Annotations.fromStack(stack).findInfo('*', Match.stringLikeRegexp('cdk-lambda-blueprints:apiGatewayAccountRole'));
    expect(notes).toHaveLength(0);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('a public API only by explicit opt-in, acknowledged on its methods', () => {
    const { stack, fn } = functionStack(FN_29);
    fn.addTrigger(Trigger.restApi({ allowPublicAccess: true, routes: ['GET /health'] }));
    const t = template(stack);
    t.hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'GET', AuthorizationType: 'NONE' });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('a Lambda authorizer on every method', () => {
    const { stack, fn } = functionStack(FN_29);
    const authorizer = new apigw.TokenAuthorizer(stack, 'Auth', { handler: fn.alias });
    fn.addTrigger(Trigger.restApi({ authorizer, routes: ['GET /a'] }));
    template(stack).hasResourceProperties('AWS::ApiGateway::Method', { AuthorizationType: 'CUSTOM' });
  });

  test('a raised integration timeout up to 300 s on a Regional API', () => {
    const { stack, fn } = functionStack({ timeout: Duration.seconds(120) });
    fn.addTrigger(Trigger.restApi({ integrationTimeout: Duration.seconds(120), integrationTimeoutQuotaRaised: true }));
    template(stack).hasResourceProperties('AWS::ApiGateway::Method', { Integration: Match.objectLike({ TimeoutInMillis: 120000 }) });
  });
});

describe('Trigger.restApi validation', () => {
  const add = (options: object, fnOptions: object = FN_29) => () => {
    const { fn } = functionStack(fnOptions);
    fn.addTrigger(Trigger.restApi(options));
  };

  test('the function timeout must not exceed the 29 s integration timeout', () => {
    expect(add({}, { timeout: Duration.seconds(30) })).toThrow(/LBP_REST_API_TIMEOUT.*timeout is 30 seconds.*at most 29 seconds.*Duration.seconds\(29\) or less/);
    expect(add({}, { timeout: Duration.seconds(29) })).not.toThrow();
    expect(add({ integrationTimeout: Duration.seconds(10) }, { timeout: Duration.seconds(11) })).toThrow(/LBP_REST_API_TIMEOUT.*at most 10 seconds/);
    expect(add({ integrationTimeout: Duration.seconds(10) }, { timeout: Duration.seconds(10) })).not.toThrow();
  });

  test('the integration timeout is 50 ms to 29 s, or to 300 s after a quota increase (not on edge-optimized APIs)', () => {
    expect(add({ integrationTimeout: Duration.seconds(30) })).toThrow(/LBP_REST_API_TIMEOUT.*integrationTimeout is 30 seconds.*Service Quotas/);
    expect(add({ integrationTimeout: Duration.millis(49) }, { timeout: Duration.seconds(1) })).toThrow(/LBP_REST_API_TIMEOUT/);
    expect(add({ integrationTimeout: Duration.millis(50) }, { timeout: Duration.seconds(1) })).toThrow(/timeout is 1 seconds.*at most 0.05 seconds/);
    expect(add({ integrationTimeout: Duration.seconds(301), integrationTimeoutQuotaRaised: true }, { timeout: Duration.seconds(29) })).toThrow(/LBP_REST_API_TIMEOUT.*50 ms to 300 s/);
    expect(add({ integrationTimeout: Duration.seconds(300), integrationTimeoutQuotaRaised: true }, { timeout: Duration.seconds(300) })).not.toThrow();
    expect(add({ integrationTimeoutQuotaRaised: true, endpointType: apigw.EndpointType.EDGE })).toThrow(/LBP_REST_API_TIMEOUT.*EDGE/);
  });

  test('throttling must be above 0 and within the account quotas', () => {
    expect(add({ throttlingRateLimit: 0 })).toThrow(/LBP_REST_API_THROTTLE.*throttlingRateLimit/);
    expect(add({ throttlingRateLimit: 10001 })).toThrow(/LBP_REST_API_THROTTLE/);
    expect(add({ throttlingBurstLimit: 0 })).toThrow(/LBP_REST_API_THROTTLE.*throttlingBurstLimit/);
    expect(add({ throttlingBurstLimit: 5001 })).toThrow(/LBP_REST_API_THROTTLE/);
    expect(add({ throttlingRateLimit: 10000, throttlingBurstLimit: 5000 })).not.toThrow();
    expect(add({ throttlingRateLimit: 0.5, throttlingBurstLimit: 1 })).not.toThrow();
  });

  test('public and authorized at once, two authorizers, or scopes without Cognito are refused', () => {
    const pool = (s: any) => cognito.UserPool.fromUserPoolId(s, 'P', 'us-east-1_abc');
    expect(() => {
      const { stack, fn } = functionStack(FN_29);
      fn.addTrigger(Trigger.restApi({ allowPublicAccess: true, cognitoUserPools: [pool(stack)] }));
    }).toThrow(/LBP_REST_API_AUTH.*allowPublicAccess/);
    expect(() => {
      const { stack, fn } = functionStack(FN_29);
      const authorizer = new apigw.TokenAuthorizer(stack, 'Auth', { handler: fn.alias });
      fn.addTrigger(Trigger.restApi({ authorizer, cognitoUserPools: [pool(stack)] }));
    }).toThrow(/LBP_REST_API_AUTH.*authorizer/);
    expect(add({ authorizationScopes: ['a/b'] })).toThrow(/LBP_REST_API_AUTH.*authorizationScopes/);
  });

  test('routes are METHOD /path, once each; stage names are checked', () => {
    expect(add({ routes: ['FETCH /a'] })).toThrow(/LBP_REST_API_ROUTE.*FETCH \/a/);
    expect(add({ routes: ['GET /{proxy+}/x'] })).toThrow(/LBP_REST_API_ROUTE/);
    expect(add({ routes: ['GET /a//b'] })).toThrow(/LBP_REST_API_ROUTE/);
    expect(add({ routes: ['GET /a', 'GET /a'] })).toThrow(/LBP_REST_API_ROUTE.*twice/);
    expect(add({ routes: [] })).toThrow(/LBP_REST_API_ROUTE.*at least one/);
    expect(add({ routes: ['GET /', 'DELETE /orders/{id}', 'ANY /files/{path+}'] })).not.toThrow();
    expect(add({ stageName: 'bad name' })).toThrow(/LBP_REST_API_STAGE/);
    expect(add({ stageName: 'v1_beta-2' })).not.toThrow();
  });

  test('every problem at once, before anything is created', () => {
    const { stack, fn } = functionStack({ timeout: Duration.seconds(40) });
    expect(() => fn.addTrigger(Trigger.restApi({ throttlingBurstLimit: 0, routes: ['X /'] }))).toThrow(/LBP_REST_API_TIMEOUT[\s\S]*LBP_REST_API_THROTTLE[\s\S]*LBP_REST_API_ROUTE/);
    expect(fn.node.tryFindChild('RestApi')).toBeUndefined();
    expect(stack.node.findAll().some((c) => c instanceof apigw.RestApi)).toBe(false);
  });

  test('a trigger binds to one function only; parts need addTrigger first', () => {
    const trigger = Trigger.restApi();
    expect(() => trigger.api).toThrow(/addTrigger/);
    const { fn } = functionStack(FN_29);
    fn.addTrigger(trigger);
    expect(() => fn.addTrigger(trigger)).toThrow(/one function only/);
  });
});
