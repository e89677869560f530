import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { functionStack, template } from './fixtures';
import { FunctionCode, ServerlessFunction, Trigger } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR } from '../helpers/template';

describe('Trigger.httpApi defaults', () => {
  const { stack, fn } = functionStack();
  const trigger = Trigger.httpApi();
  fn.addTrigger(trigger);
  const t = template(stack);
  const aliasRef = stack.resolve((fn.alias.node.defaultChild as any).ref);

  test('one HTTP API with a $default stage: throttling and JSON access logs', () => {
    t.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    t.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    t.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
      AccessLogSettings: {
        DestinationArn: stack.resolve(trigger.accessLogGroup!.logGroupArn),
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
      },
    });
    const stage = Object.values(t.findResources('AWS::ApiGatewayV2::Stage'))[0];
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format);
    expect(format).toMatchObject({ status: '$context.status', routeKey: '$context.routeKey', integrationError: '$context.integrationErrorMessage' });
    expect(trigger.url).toBeDefined();
    expect(trigger.stage).toBeDefined();
  });

  test('the access-log group is encrypted with the blueprint key, retained and kept one year (AWS Control Tower CT.CLOUDWATCH.PR.2)', () => {
    t.hasResource('AWS::Logs::LogGroup', {
      Properties: {
        RetentionInDays: 365,
        KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BlueprintKey'), 'Arn'] },
      },
      DeletionPolicy: 'Retain',
    });
  });

  test('ANY /{proxy+} with IAM authorization, integrated with the live alias', () => {
    t.resourceCountIs('AWS::ApiGatewayV2::Route', 1);
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /{proxy+}', AuthorizationType: 'AWS_IAM' });
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: aliasRef,
      PayloadFormatVersion: '2.0',
    });
    expect(trigger.routes).toHaveLength(1);
  });

  test('the Lambda permission is scoped to the API and the route path', () => {
    t.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'apigateway.amazonaws.com',
      FunctionName: aliasRef,
      SourceArn: {
        'Fn::Join': ['', Match.arrayWith([':execute-api:us-east-1:123456789012:', stack.resolve(trigger.api.apiId), '/*/*/{proxy+}'])],
      },
    });
  });

  test('zero unacknowledged cdk-nag findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('Trigger.httpApi options', () => {
  test('JWT authorization, given routes, throttling, retention and removal policy', () => {
    const { stack, fn } = functionStack();
    fn.addTrigger(Trigger.httpApi({
      routes: ['GET /orders/{id}', 'POST /orders', '$default'],
      jwtIssuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc',
      jwtAudience: ['client-1'],
      authorizationScopes: ['orders/read'],
      throttlingRateLimit: 10,
      throttlingBurstLimit: 20,
      accessLogRetention: logs.RetentionDays.TWO_YEARS,
      accessLogRemovalPolicy: RemovalPolicy.DESTROY,
      corsPreflight: { allowOrigins: ['https://example.com'] },
    }));
    const t = template(stack);
    t.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc', Audience: ['client-1'] },
    });
    for (const key of ['GET /orders/{id}', 'POST /orders', '$default']) {
      t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: key, AuthorizationType: 'JWT', AuthorizationScopes: ['orders/read'] });
    }
    t.hasResourceProperties('AWS::ApiGatewayV2::Stage', { DefaultRouteSettings: { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 } });
    t.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: { AllowOrigins: ['https://example.com'] } });
    t.hasResource('AWS::Logs::LogGroup', { Properties: { RetentionInDays: 731 }, DeletionPolicy: 'Delete' });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('an existing HTTP API gets the routes only', () => {
    const { stack, fn } = functionStack();
    const api = new apigwv2.HttpApi(stack, 'Existing');
    const trigger = Trigger.httpApi({ httpApi: api, routes: ['GET /health'] });
    fn.addTrigger(trigger);
    const t = template(stack);
    t.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      ApiId: stack.resolve(api.apiId),
      RouteKey: 'GET /health',
      AuthorizationType: 'AWS_IAM',
    });
    expect(trigger.api).toBe(api);
    expect(trigger.stage).toBeUndefined();
    expect(trigger.accessLogGroup).toBeUndefined();
  });
});

describe('Trigger.httpApi validation', () => {
  const add = (options: object, fnOptions: object = {}) => () => {
    const { fn } = functionStack(fnOptions);
    fn.addTrigger(Trigger.httpApi(options));
  };

  test('a function timeout above 30 s fails with the fix; 30 s passes', () => {
    expect(add({}, { timeout: Duration.seconds(31) })).toThrow(/LBP_HTTP_API_TIMEOUT.*31 seconds.*30 seconds.*Duration.seconds\(30\) or less/);
    expect(add({}, { timeout: Duration.seconds(30) })).not.toThrow();
  });

  test('throttling must be above 0 and within the account quotas', () => {
    expect(add({ throttlingRateLimit: 0 })).toThrow(/LBP_HTTP_API_THROTTLE.*throttlingRateLimit/);
    expect(add({ throttlingRateLimit: 10001 })).toThrow(/LBP_HTTP_API_THROTTLE/);
    expect(add({ throttlingBurstLimit: 0 })).toThrow(/LBP_HTTP_API_THROTTLE.*throttlingBurstLimit/);
    expect(add({ throttlingBurstLimit: 2.5 })).toThrow(/LBP_HTTP_API_THROTTLE/);
    expect(add({ throttlingBurstLimit: 5001 })).toThrow(/LBP_HTTP_API_THROTTLE/);
    expect(add({ throttlingRateLimit: 0.5, throttlingBurstLimit: 1 })).not.toThrow();
    expect(add({ throttlingRateLimit: 10000, throttlingBurstLimit: 5000 })).not.toThrow();
  });

  test('JWT needs an https issuer and an audience', () => {
    expect(add({ jwtIssuer: 'http://issuer.example.com', jwtAudience: ['a'] })).toThrow(/LBP_HTTP_API_JWT.*jwtIssuer/);
    expect(add({ jwtIssuer: 'https://issuer.example.com' })).toThrow(/LBP_HTTP_API_JWT.*jwtAudience/);
    expect(add({ jwtAudience: ['a'] })).toThrow(/LBP_HTTP_API_JWT.*jwtIssuer is unset/);
    expect(add({ jwtIssuer: 'https://issuer.example.com', jwtAudience: ['a'] })).not.toThrow();
  });

  test('routes without authorization are refused', () => {
    expect(add({ authorizer: new apigwv2.HttpNoneAuthorizer() })).toThrow(/LBP_HTTP_API_AUTH.*APIG4/);
  });

  test('OAuth scopes need a JWT authorizer', () => {
    expect(add({ authorizationScopes: ['orders/read'] })).toThrow(/LBP_HTTP_API_AUTH.*authorizationScopes/);
    expect(add({ authorizationScopes: ['orders/read'], jwtIssuer: 'https://issuer.example.com', jwtAudience: ['a'] })).not.toThrow();
  });

  test('route keys are METHOD /path or $default', () => {
    expect(add({ routes: ['FETCH /orders'] })).toThrow(/LBP_HTTP_API_ROUTE.*FETCH \/orders/);
    expect(add({ routes: ['GET orders'] })).toThrow(/LBP_HTTP_API_ROUTE/);
    expect(add({ routes: ['GET /{proxy+}/x'] })).toThrow(/LBP_HTTP_API_ROUTE/);
    expect(add({ routes: [] })).toThrow(/LBP_HTTP_API_ROUTE.*at least one route/);
    expect(add({ routes: ['GET /', 'DELETE /orders/{id}', 'ANY /files/{path+}', '$default'] })).not.toThrow();
    // A key listed twice is refused when the trigger is added, not only by the app-wide check at synth.
    expect(add({ routes: ['GET /orders', 'POST /orders', 'GET /orders'] })).toThrow(/LBP_HTTP_API_ROUTE_DUPLICATE.*"GET \/orders" listed twice/);
    expect(add({ routes: ['GET /orders', 'GET /orders/{id}'] })).not.toThrow();
  });
});

describe('Trigger.httpApi on a shared API', () => {
  test('two functions add their own routes, integrations and JWT authorizers to one API', () => {
    const { stack, fn } = functionStack();
    const other = new ServerlessFunction(stack, 'Other', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    const api = new apigwv2.HttpApi(stack, 'Shared');
    const jwt = { jwtIssuer: 'https://issuer.example.com', jwtAudience: ['a'] };
    fn.addTrigger(Trigger.httpApi({ httpApi: api, routes: ['GET /a'], ...jwt }));
    other.addTrigger(Trigger.httpApi({ httpApi: api, routes: ['GET /b'], ...jwt }));
    const t = template(stack);
    t.resourceCountIs('AWS::ApiGatewayV2::Route', 2);
    t.resourceCountIs('AWS::ApiGatewayV2::Integration', 2);
    t.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 2);
  });
});
