import { Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { FunctionCode, RestApiFunction } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, testStack } from '../helpers/template';

describe('RestApiFunction (REST API -> function -> DynamoDB)', () => {
  const stack = testStack();
  const table = dynamodb.Table.fromTableArn(stack, 'Orders', 'arn:aws:dynamodb:us-east-1:123456789012:table/orders');
  const pool = cognito.UserPool.fromUserPoolId(stack, 'Users', 'us-east-1_abc');
  const backend = new RestApiFunction(stack, 'OrdersApi', {
    code: FunctionCode.fromAsset(HANDLER_DIR),
    functionOptions: { environment: { TABLE_NAME: table.tableName } },
    triggerOptions: {
      routes: ['GET /orders/{id}', 'POST /orders'],
      cognitoUserPools: [pool],
      webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/1111',
      cloudWatchRole: true,
    },
  });
  table.grantReadWriteData(backend.function);
  const t = Template.fromStack(stack);

  test('function, trigger and api are exposed; the function timeout defaults to 29 s', () => {
    expect(backend.api).toBe(backend.trigger.api);
    expect(backend.url).toBeDefined();
    expect(backend.function.timeoutSeconds).toBe(29);
    t.hasResourceProperties('AWS::Lambda::Function', { Timeout: 29 });
  });

  test('two Cognito-authorized, validated methods on the live alias; WAF and the account role', () => {
    const methods = t.findResources('AWS::ApiGateway::Method', { Properties: { AuthorizationType: 'COGNITO_USER_POOLS', RequestValidatorId: Match.anyValue() } });
    expect(Object.values(methods).map((m) => m.Properties.HttpMethod).sort()).toEqual(['GET', 'POST']);
    t.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
    t.resourceCountIs('AWS::ApiGateway::Account', 1);
    t.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: stack.resolve((backend.function.alias.node.defaultChild as any).ref),
      Principal: 'apigateway.amazonaws.com',
    });
  });

  test('zero unacknowledged cdk-nag findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('RestApiFunction defaults and errors', () => {
  test('the defaults alone are clean', () => {
    const stack = testStack();
    new RestApiFunction(stack, 'Api', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'ANY', AuthorizationType: 'AWS_IAM' });
    t.hasResourceProperties('AWS::ApiGateway::Stage', { TracingEnabled: true });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('an environment-agnostic stack with the account role is clean too', () => {
    const stack = new Stack();
    new RestApiFunction(stack, 'Api', { code: FunctionCode.fromAsset(HANDLER_DIR), triggerOptions: { cloudWatchRole: true } });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: [Match.objectLike({
          Sid: 'WriteApiGatewayLogs',
          Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':log-group:*']] },
        })],
      },
    });
    expect(nagFindings(stack)).toEqual([]);
  });

  test('a function timeout above the integration timeout fails with the fix; equal passes', () => {
    expect(() => new RestApiFunction(testStack(), 'Api', {
      code: FunctionCode.fromAsset(HANDLER_DIR),
      functionOptions: { timeout: Duration.seconds(30) },
    })).toThrow(/\[LBP_REST_API_TIMEOUT\] TestStack\/Api: functionOptions\.timeout is 30 seconds/);
    expect(() => new RestApiFunction(testStack(), 'Api', {
      code: FunctionCode.fromAsset(HANDLER_DIR),
      functionOptions: { timeout: Duration.seconds(29) },
    })).not.toThrow();
  });

  test('the function timeout follows a shorter integration timeout', () => {
    const backend = new RestApiFunction(testStack(), 'Api', {
      code: FunctionCode.fromAsset(HANDLER_DIR),
      triggerOptions: { integrationTimeout: Duration.seconds(10) },
    });
    expect(backend.function.timeoutSeconds).toBe(10);
  });
});
