import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { FunctionCode, HttpApiFunction } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, testStack } from '../helpers/template';

describe('HttpApiFunction (reference workload 3: HTTP API -> function -> DynamoDB)', () => {
  const stack = testStack();
  // The table is the user's (here: owned by another stack and imported).
  const table = dynamodb.Table.fromTableArn(stack, 'Orders', 'arn:aws:dynamodb:us-east-1:123456789012:table/orders');
  const backend = new HttpApiFunction(stack, 'OrdersApi', {
    code: FunctionCode.fromAsset(HANDLER_DIR),
    functionOptions: { environment: { TABLE_NAME: table.tableName } },
    triggerOptions: { routes: ['GET /orders/{id}', 'POST /orders'], throttlingRateLimit: 50, throttlingBurstLimit: 100 },
  });
  table.grantReadWriteData(backend.function);
  const t = Template.fromStack(stack);

  test('the function may read and write the table, through its one managed policy', () => {
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Action: Match.arrayWith(['dynamodb:GetItem', 'dynamodb:PutItem']),
          Resource: Match.arrayWith(['arn:aws:dynamodb:us-east-1:123456789012:table/orders']),
        })]),
      },
    });
    t.resourceCountIs('AWS::IAM::Policy', 0);
  });

  test('two IAM-authorized routes on the live alias, with throttling and JSON access logs', () => {
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /orders/{id}', AuthorizationType: 'AWS_IAM' });
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /orders', AuthorizationType: 'AWS_IAM' });
    t.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: { DestinationArn: stack.resolve(backend.accessLogGroup!.logGroupArn), Format: Match.stringLikeRegexp('^\\{"requestId"') },
    });
    t.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationUri: stack.resolve((backend.function.alias.node.defaultChild as any).ref),
    });
    expect(backend.url).toBeDefined();
    expect(backend.api).toBe(backend.trigger.api);
  });

  test('zero unacknowledged cdk-nag findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('HttpApiFunction defaults and errors', () => {
  test('the defaults alone are clean', () => {
    const stack = testStack();
    new HttpApiFunction(stack, 'Api', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /{proxy+}', AuthorizationType: 'AWS_IAM' });
    t.hasResourceProperties('AWS::ApiGatewayV2::Stage', { DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 } });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('a function timeout above the 30 s integration limit fails with the fix; 30 s passes', () => {
    expect(() => new HttpApiFunction(testStack(), 'Api', {
      code: FunctionCode.fromAsset(HANDLER_DIR),
      functionOptions: { timeout: Duration.minutes(1) },
    })).toThrow(/\[LBP_HTTP_API_TIMEOUT\] TestStack\/Api: functionOptions\.timeout is 60 seconds/);
    expect(() => new HttpApiFunction(testStack(), 'Api', {
      code: FunctionCode.fromAsset(HANDLER_DIR),
      functionOptions: { timeout: Duration.seconds(30) },
    })).not.toThrow();
  });

  test('an existing HTTP API is accepted', () => {
    const stack = testStack();
    const api = new apigwv2.HttpApi(stack, 'Shared');
    const backend = new HttpApiFunction(stack, 'Api', { code: FunctionCode.fromAsset(HANDLER_DIR), triggerOptions: { httpApi: api } });
    expect(backend.api).toBe(api);
    expect(backend.url).toBeUndefined();
    Template.fromStack(stack).resourceCountIs('AWS::ApiGatewayV2::Api', 1);
  });
});
