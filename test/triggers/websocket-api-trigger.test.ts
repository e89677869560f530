import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as authorizers from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as logs from 'aws-cdk-lib/aws-logs';
import { functionStack, template } from './fixtures';
import { FunctionCode, ServerlessFunction, Trigger } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR } from '../helpers/template';

const FN_29 = { timeout: Duration.seconds(29) };

describe('Trigger.webSocketApi defaults', () => {
  const { stack, fn } = functionStack(FN_29);
  const trigger = Trigger.webSocketApi({ routes: ['sendMessage'] });
  fn.addTrigger(trigger);
  const t = template(stack);
  const aliasRef = stack.resolve((fn.alias.node.defaultChild as any).ref);
  const apiRef = stack.resolve(trigger.api.apiId);

  test('a WebSocket API routing on $request.body.action', () => {
    t.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' });
  });

  test('$connect with IAM; $disconnect, $default and custom routes, each with its own integration on the live alias', () => {
    t.resourceCountIs('AWS::ApiGatewayV2::Route', 4);
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$connect', AuthorizationType: 'AWS_IAM' });
    for (const key of ['$disconnect', '$default', 'sendMessage']) {
      t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: key, AuthorizationType: 'NONE' });
    }
    t.resourceCountIs('AWS::ApiGatewayV2::Integration', 4);
    const integrations = Object.values(t.findResources('AWS::ApiGatewayV2::Integration'));
    for (const i of integrations) {
      expect(i.Properties.IntegrationType).toBe('AWS_PROXY');
      expect(JSON.stringify(i.Properties.IntegrationUri)).toContain(JSON.stringify(aliasRef));
    }
    expect(trigger.routes.map((r) => r.routeKey)).toEqual(['$connect', '$disconnect', '$default', 'sendMessage']);
  });

  test('one permission per route, on the alias, scoped to the API and the route', () => {
    t.resourceCountIs('AWS::Lambda::Permission', 4);
    for (const key of ['$connect', '$disconnect', '$default', 'sendMessage']) {
      t.hasResourceProperties('AWS::Lambda::Permission', {
        FunctionName: aliasRef,
        Principal: 'apigateway.amazonaws.com',
        SourceArn: { 'Fn::Join': ['', Match.arrayWith([apiRef, `/*${key}`])] },
      });
    }
  });

  test('the stage: throttling and JSON access logs in an encrypted, retained group', () => {
    t.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: 'prod',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
      AccessLogSettings: {
        DestinationArn: stack.resolve(trigger.accessLogGroup.logGroupArn),
        Format: Match.stringLikeRegexp('"connectionId":"\\$context.connectionId"'),
      },
    });
    t.hasResource('AWS::Logs::LogGroup', {
      Properties: { RetentionInDays: 365, KmsKeyId: Match.anyValue() },
      DeletionPolicy: 'Retain',
    });
    expect(trigger.url).toBeDefined();
    expect(trigger.callbackUrl).toBeDefined();
  });

  test('the function may manage this stage\'s connections only', () => {
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Action: 'execute-api:ManageConnections',
          Resource: { 'Fn::Join': ['', ['arn:aws:execute-api:us-east-1:123456789012:', apiRef, '/prod/*/@connections/*']] },
        })]),
      },
    });
  });

  test('synth-time notes: synchronous, account-level role', () => {
    const notes = Annotations.fromStack(stack).findInfo('*', Match.anyValue()).map((m) => String(m.entry.data));
    expect(notes.some((n) => n.includes('cdk-lambda-blueprints:syncInvoker') && n.includes('WebSocket API'))).toBe(true);
    expect(notes.some((n) => n.includes('cdk-lambda-blueprints:apiGatewayAccountRole'))).toBe(true);
  });

  test('zero unacknowledged cdk-nag findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('Trigger.webSocketApi options', () => {
  test('a Lambda authorizer on $connect, no connection management, the account role, custom stage and logs', () => {
    const { stack, fn } = functionStack(FN_29);
    const authFn = new ServerlessFunction(stack, 'Auth', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    const trigger = Trigger.webSocketApi({
      connectAuthorizer: new authorizers.WebSocketLambdaAuthorizer('Authorizer', authFn.alias),
      manageConnections: false,
      cloudWatchRole: true,
      stageName: 'v1',
      routeSelectionExpression: '$request.body.type',
      throttlingRateLimit: 10,
      throttlingBurstLimit: 20,
      accessLogRetention: logs.RetentionDays.ONE_YEAR,
      accessLogRemovalPolicy: RemovalPolicy.DESTROY,
    });
    fn.addTrigger(trigger);
    const t = template(stack);
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$connect', AuthorizationType: 'CUSTOM' });
    t.hasResourceProperties('AWS::ApiGatewayV2::Api', { RouteSelectionExpression: '$request.body.type' });
    t.hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: 'v1', DefaultRouteSettings: { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 } });
    t.resourceCountIs('AWS::ApiGatewayV2::Route', 3);
    t.resourceCountIs('AWS::ApiGateway::Account', 1);
    expect(JSON.stringify(t.toJSON())).not.toContain('execute-api:ManageConnections');
    expect(trigger.cloudWatchRole).toBeDefined();
    expect(nagFindings(stack)).toEqual([]);
  });

  test('public connections only by explicit opt-in', () => {
    const { stack, fn } = functionStack(FN_29);
    fn.addTrigger(Trigger.webSocketApi({ allowPublicConnect: true }));
    template(stack).hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$connect', AuthorizationType: 'NONE' });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('an environment-agnostic stack works (the connections wildcard stays a visible finding)', () => {
    const stack = new Stack();
    const fn = new ServerlessFunction(stack, 'Fn', { ...FN_29, code: FunctionCode.fromAsset(HANDLER_DIR) });
    fn.addTrigger(Trigger.webSocketApi());
    const findings = nagFindings(stack).map((f) => f.rule);
    expect(findings.filter((r) => !r.startsWith('AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:execute-api'))).toEqual([]);
  });
});

describe('Trigger.webSocketApi validation', () => {
  const add = (options: object, fnOptions: object = FN_29) => () => {
    const { fn } = functionStack(fnOptions);
    fn.addTrigger(Trigger.webSocketApi(options));
  };

  test('the function timeout must not exceed the 29 s integration limit', () => {
    expect(add({}, { timeout: Duration.seconds(30) })).toThrow(/LBP_WEBSOCKET_TIMEOUT.*30 seconds.*29 seconds/);
    expect(add({}, { timeout: Duration.seconds(29) })).not.toThrow();
  });

  test('throttling must be above 0 and within the account quotas', () => {
    expect(add({ throttlingRateLimit: 0 })).toThrow(/LBP_WEBSOCKET_THROTTLE.*throttlingRateLimit/);
    expect(add({ throttlingRateLimit: 10001 })).toThrow(/LBP_WEBSOCKET_THROTTLE/);
    expect(add({ throttlingBurstLimit: 5001 })).toThrow(/LBP_WEBSOCKET_THROTTLE.*throttlingBurstLimit/);
    expect(add({ throttlingBurstLimit: 0 })).toThrow(/LBP_WEBSOCKET_THROTTLE/);
    expect(add({ throttlingRateLimit: 10000, throttlingBurstLimit: 5000 })).not.toThrow();
  });

  test('custom route keys: no $, no spaces, at most 128 characters, once each, at most 300 routes', () => {
    expect(add({ routes: ['$custom'] })).toThrow(/LBP_WEBSOCKET_ROUTE.*\$custom/);
    expect(add({ routes: ['send message'] })).toThrow(/LBP_WEBSOCKET_ROUTE/);
    expect(add({ routes: ['a'.repeat(129)] })).toThrow(/LBP_WEBSOCKET_ROUTE/);
    expect(add({ routes: ['a'.repeat(128)] })).not.toThrow();
    expect(add({ routes: ['a', 'a'] })).toThrow(/LBP_WEBSOCKET_ROUTE.*twice/);
    const many = Array.from({ length: 298 }, (_, i) => `r${i}`);
    expect(add({ routes: many })).toThrow(/LBP_WEBSOCKET_ROUTE.*298 custom routes.*300/);
    expect(add({ stageName: 'a b' })).toThrow(/LBP_WEBSOCKET_ROUTE.*stageName/);
  });

  test('297 custom routes (300 in all) are accepted', () => {
    const many = Array.from({ length: 297 }, (_, i) => `r${i}`);
    expect(add({ routes: many })).not.toThrow();
  });

  test('public and authorized $connect at once is refused', () => {
    expect(add({ allowPublicConnect: true, connectAuthorizer: new authorizers.WebSocketIamAuthorizer() })).toThrow(/LBP_WEBSOCKET_AUTH/);
  });
});
