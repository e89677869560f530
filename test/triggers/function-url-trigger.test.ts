import { Duration } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { functionStack, template } from './sync-helpers';
import { Trigger } from '../../src';
import { nagFindings } from '../helpers/nag';

describe('Trigger.functionUrl defaults', () => {
  const { stack, fn } = functionStack();
  const trigger = Trigger.functionUrl();
  fn.addTrigger(trigger);
  const t = template(stack);

  test('an AWS_IAM URL on the live alias, buffered, with no public permission', () => {
    t.hasResourceProperties('AWS::Lambda::Url', {
      AuthType: 'AWS_IAM',
      TargetFunctionArn: stack.resolve(fn.unqualifiedFunction.functionArn),
      Qualifier: 'live',
    });
    expect(Object.values(t.findResources('AWS::Lambda::Url'))[0].Properties.InvokeMode).toBeUndefined();
    t.resourceCountIs('AWS::Lambda::Permission', 0);
    expect(trigger.url).toBeDefined();
  });

  test('zero unacknowledged cdk-nag findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });

  test('callers are granted explicitly', () => {
    const { stack: s2, fn: f2 } = functionStack();
    const tr = Trigger.functionUrl();
    f2.addTrigger(tr);
    const caller = new iam.Role(s2, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
    tr.functionUrl.grantInvokeUrl(caller);
    template(s2).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'lambda:InvokeFunctionUrl', Effect: 'Allow', Resource: s2.resolve(f2.alias.functionArn) })]) },
    });
  });
});

describe('Trigger.functionUrl options', () => {
  test('CORS and response streaming', () => {
    const { stack, fn } = functionStack();
    fn.addTrigger(Trigger.functionUrl({
      invokeMode: lambda.InvokeMode.RESPONSE_STREAM,
      cors: { allowedOrigins: ['https://example.com'], allowedMethods: [lambda.HttpMethod.GET], maxAge: Duration.hours(1) },
    }));
    template(stack).hasResourceProperties('AWS::Lambda::Url', {
      InvokeMode: 'RESPONSE_STREAM',
      Cors: { AllowOrigins: ['https://example.com'], AllowMethods: ['GET'], MaxAge: 3600 },
    });
  });

  test('a public URL, explicitly allowed: only the documented acknowledgements', () => {
    const { stack, fn } = functionStack();
    fn.addTrigger(Trigger.functionUrl({ authType: lambda.FunctionUrlAuthType.NONE, allowPublicAccess: true }));
    const t = template(stack);
    t.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE' });
    t.hasResourceProperties('AWS::Lambda::Permission', { Action: 'lambda:InvokeFunctionUrl', Principal: '*', FunctionUrlAuthType: 'NONE' });
    t.hasResourceProperties('AWS::Lambda::Permission', { Action: 'lambda:InvokeFunction', Principal: '*', InvokedViaFunctionUrl: true });
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('Trigger.functionUrl validation', () => {
  test('authType NONE without allowPublicAccess fails with LBP_FUNCTION_URL_PUBLIC', () => {
    const { fn } = functionStack();
    expect(() => fn.addTrigger(Trigger.functionUrl({ authType: lambda.FunctionUrlAuthType.NONE })))
      .toThrow(/LBP_FUNCTION_URL_PUBLIC.*anyone on the internet.*allowPublicAccess: true/);
    const { fn: f2 } = functionStack();
    expect(() => f2.addTrigger(Trigger.functionUrl({ authType: lambda.FunctionUrlAuthType.NONE, allowPublicAccess: false })))
      .toThrow(/LBP_FUNCTION_URL_PUBLIC/);
  });

  test('one URL per function', () => {
    const { fn } = functionStack();
    fn.addTrigger(Trigger.functionUrl());
    expect(() => fn.addTrigger(Trigger.functionUrl())).toThrow(/LBP_FUNCTION_URL_DUPLICATE/);
  });

  test('allowPublicAccess with AWS_IAM is harmless', () => {
    const { stack, fn } = functionStack();
    fn.addTrigger(Trigger.functionUrl({ allowPublicAccess: true }));
    template(stack).hasResourceProperties('AWS::Lambda::Url', { AuthType: 'AWS_IAM' });
  });
});
