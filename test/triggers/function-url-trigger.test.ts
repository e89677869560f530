import { Duration } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { functionStack, template } from './fixtures';
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

  describe('CORS lists at the Lambda API limits', () => {
    const url = (cors: lambda.FunctionUrlCorsOptions) => () => functionStack().fn.addTrigger(Trigger.functionUrl({ cors }));
    const n = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i));

    test('100 origins, headers and exposed headers pass; 101 fail with LBP_CORS naming the list', () => {
      expect(url({ allowedOrigins: n(100, (i) => `https://a${i}.example.com`), allowedHeaders: n(100, (i) => `x-h${i}`), exposedHeaders: n(100, (i) => `x-e${i}`) })).not.toThrow();
      expect(url({ allowedOrigins: n(101, (i) => `https://a${i}.example.com`) })).toThrow(/LBP_CORS.*cors\.allowedOrigins is 101 entries.*at most 100/);
      expect(url({ allowedOrigins: ['*'], allowedHeaders: n(101, (i) => `x-h${i}`) })).toThrow(/LBP_CORS.*cors\.allowedHeaders is 101 entries/);
      expect(url({ allowedOrigins: ['*'], exposedHeaders: n(101, (i) => `x-e${i}`) })).toThrow(/LBP_CORS.*cors\.exposedHeaders is 101 entries/);
    });

    test('an origin of 253 characters passes, 254 fails; an empty origin fails', () => {
      const origin = (length: number) => `https://${'a'.repeat(length - 8)}`;
      expect(url({ allowedOrigins: [origin(253)] })).not.toThrow();
      expect(url({ allowedOrigins: [origin(254)] })).toThrow(/LBP_CORS.*cors\.allowedOrigins.*254 characters.*1 to 253/);
      expect(url({ allowedOrigins: [''] })).toThrow(/LBP_CORS.*cors\.allowedOrigins/);
    });

    test('a header of 1,024 characters passes, 1,025 fails', () => {
      expect(url({ allowedOrigins: ['*'], allowedHeaders: ['h'.repeat(1024)] })).not.toThrow();
      expect(url({ allowedOrigins: ['*'], allowedHeaders: ['h'.repeat(1025)] })).toThrow(/LBP_CORS.*cors\.allowedHeaders.*1025 characters/);
    });

    test('six methods pass; OPTIONS (which aws-cdk-lib offers but Lambda refuses) fails with the fix', () => {
      const m = lambda.HttpMethod;
      const six = [m.GET, m.PUT, m.HEAD, m.POST, m.PATCH, m.DELETE];
      expect(url({ allowedOrigins: ['*'], allowedMethods: six })).not.toThrow();
      expect(url({ allowedOrigins: ['*'], allowedMethods: [...six, lambda.HttpMethod.ALL] })).toThrow(/LBP_CORS.*cors\.allowedMethods is 7 entries.*at most 6/);
      expect(url({ allowedOrigins: ['*'], allowedMethods: [lambda.HttpMethod.GET, lambda.HttpMethod.OPTIONS] })).toThrow(/LBP_CORS.*cors\.allowedMethods is OPTIONS.*drop HttpMethod\.OPTIONS/);
    });

    test('a method that is no HttpMethod (JavaScript, Python) is LBP_PROP_TYPE', () => {
      expect(url({ allowedOrigins: ['*'], allowedMethods: ['FETCH' as lambda.HttpMethod] })).toThrow(/LBP_PROP_TYPE.*cors\.allowedMethods/);
    });
  });
});
