import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as kms from 'aws-cdk-lib/aws-kms';
import { functionStack, template } from './fixtures';
import { Trigger } from '../../src';
import { nagFindings } from '../helpers/nag';

const FN_5 = { timeout: Duration.seconds(5) };

/** A pool hardened the way the packs want; the Plus plan and MFA are the user's choices. */
function hardenedPool(stack: Stack, props: cognito.UserPoolProps = {}): cognito.UserPool {
  const pool = new cognito.UserPool(stack, 'Users', {
    passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireSymbols: true, requireUppercase: true },
    mfa: cognito.Mfa.REQUIRED,
    mfaSecondFactor: { otp: true, sms: false },
    ...props,
  });
  Validations.of(pool).acknowledge({ id: 'AwsSolutions-COG8', reason: 'test fixture: the Plus plan is the user\'s choice' });
  return pool;
}

describe('Trigger.cognito: a synchronous operation', () => {
  const { stack, fn } = functionStack(FN_5);
  const pool = hardenedPool(stack);
  const trigger = Trigger.cognito(pool, cognito.UserPoolOperation.PRE_SIGN_UP);
  fn.addTrigger(trigger);
  // The function also needs the pool: through the trigger, into a policy the function does not wait for.
  trigger.grantUserPool('cognito-idp:AdminAddUserToGroup');
  const t = template(stack);
  const aliasRef = stack.resolve((fn.alias.node.defaultChild as any).ref);
  const poolId = stack.resolve((pool.node.defaultChild as any).logicalId);

  test('the pool\'s LambdaConfig names the live alias', () => {
    t.hasResourceProperties('AWS::Cognito::UserPool', { LambdaConfig: { PreSignUp: aliasRef } });
  });

  test('the permission names the pool and the account', () => {
    t.resourceCountIs('AWS::Lambda::Permission', 1);
    t.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: aliasRef,
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [poolId, 'Arn'] },
      SourceAccount: '123456789012',
    });
    expect(trigger.permission).toBeDefined();
  });

  test('the same wiring with aws-cdk-lib\'s addTrigger and pool.grant has the cycle CloudFormation refuses', () => {
    const plain = functionStack(FN_5);
    const plainPool = hardenedPool(plain.stack);
    plainPool.addTrigger(cognito.UserPoolOperation.PRE_SIGN_UP, plain.fn.alias);
    plainPool.grant(plain.fn, 'cognito-idp:AdminAddUserToGroup');
    // Template.fromStack refuses templates with a dependency cycle, as CloudFormation would.
    expect(() => template(plain.stack)).toThrow(/dependency cycle: .*Users/);
  });

  test('granted on the pool AND triggered by it: no dependency cycle', () => {
    expect(trigger.userPoolPolicy).toBeDefined();
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: [Match.objectLike({ Action: 'cognito-idp:AdminAddUserToGroup', Resource: { 'Fn::GetAtt': [poolId, 'Arn'] } })] },
      Roles: [stack.resolve(fn.role!.roleName)],
    });
    // `t` exists: Template.fromStack refuses a template with a dependency cycle.
    expect(t.toJSON().Resources).toBeDefined();
  });

  test('synth-time note: synchronous', () => {
    const notes = Annotations.fromStack(stack).findInfo('*', Match.stringLikeRegexp('Cognito user pool \\(preSignUp\\).*cdk-lambda-blueprints:syncInvoker'));
    expect(notes).toHaveLength(1);
  });

  test('zero unacknowledged cdk-nag findings', () => {
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('Trigger.cognito: every operation', () => {
  const ops: Array<[cognito.UserPoolOperation, string]> = [
    [cognito.UserPoolOperation.CREATE_AUTH_CHALLENGE, 'CreateAuthChallenge'],
    [cognito.UserPoolOperation.CUSTOM_MESSAGE, 'CustomMessage'],
    [cognito.UserPoolOperation.DEFINE_AUTH_CHALLENGE, 'DefineAuthChallenge'],
    [cognito.UserPoolOperation.POST_AUTHENTICATION, 'PostAuthentication'],
    [cognito.UserPoolOperation.POST_CONFIRMATION, 'PostConfirmation'],
    [cognito.UserPoolOperation.PRE_AUTHENTICATION, 'PreAuthentication'],
    [cognito.UserPoolOperation.PRE_SIGN_UP, 'PreSignUp'],
    [cognito.UserPoolOperation.PRE_TOKEN_GENERATION, 'PreTokenGeneration'],
    [cognito.UserPoolOperation.USER_MIGRATION, 'UserMigration'],
    [cognito.UserPoolOperation.VERIFY_AUTH_CHALLENGE_RESPONSE, 'VerifyAuthChallengeResponse'],
  ];
  test.each(ops)('%s', (op, key) => {
    const { stack, fn } = functionStack(FN_5);
    const pool = hardenedPool(stack);
    fn.addTrigger(Trigger.cognito(pool, op));
    template(stack).hasResourceProperties('AWS::Cognito::UserPool', { LambdaConfig: { [key]: Match.anyValue() } });
  });

  test('pre token generation V2_0', () => {
    const { stack, fn } = functionStack(FN_5);
    const pool = hardenedPool(stack);
    fn.addTrigger(Trigger.cognito(pool, cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, { lambdaVersion: cognito.LambdaVersion.V2_0 }));
    template(stack).hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: { PreTokenGenerationConfig: { LambdaArn: Match.anyValue(), LambdaVersion: 'V2_0' } },
    });
  });

  test('one pool, several operations and functions: each permission on its own alias', () => {
    const { stack, fn } = functionStack(FN_5);
    const pool = hardenedPool(stack);
    fn.addTrigger(Trigger.cognito(pool, cognito.UserPoolOperation.PRE_SIGN_UP));
    fn.addTrigger(Trigger.cognito(pool, cognito.UserPoolOperation.POST_CONFIRMATION));
    const t = template(stack);
    t.resourceCountIs('AWS::Lambda::Permission', 2);
    t.hasResourceProperties('AWS::Cognito::UserPool', { LambdaConfig: { PreSignUp: Match.anyValue(), PostConfirmation: Match.anyValue() } });
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('Trigger.cognito: custom senders', () => {
  const { stack, fn } = functionStack({ timeout: Duration.seconds(30) });
  const pool = hardenedPool(stack);
  const key = new kms.Key(stack, 'SenderKey', { enableKeyRotation: true });
  fn.addTrigger(Trigger.cognito(pool, cognito.UserPoolOperation.CUSTOM_EMAIL_SENDER, { kmsKey: key }));
  fn.addTrigger(Trigger.cognito(pool, cognito.UserPoolOperation.CUSTOM_SMS_SENDER, { kmsKey: key }));
  const t = template(stack);
  const keyArn = stack.resolve(key.keyArn);

  test('both senders and the key in LambdaConfig (asynchronous: the 5 s wait does not apply)', () => {
    t.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: {
        CustomEmailSender: { LambdaArn: Match.anyValue(), LambdaVersion: 'V1_0' },
        CustomSMSSender: { LambdaArn: Match.anyValue(), LambdaVersion: 'V1_0' },
        KMSKeyID: keyArn,
      },
    });
  });

  test('the function may decrypt; Cognito may encrypt, for this account\'s pools only', () => {
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'kms:Decrypt', Resource: keyArn })]) },
    });
    t.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([Match.objectLike({
          Principal: { Service: 'cognito-idp.amazonaws.com' },
          Action: 'kms:Encrypt',
          Condition: {
            StringEquals: { 'aws:SourceAccount': '123456789012' },
            ArnLike: { 'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cognito-idp:us-east-1:123456789012:userpool/*']] } },
          },
        })]),
      },
    });
  });

  test('no synchronous note for senders; zero unacknowledged findings', () => {
    expect(Annotations.fromStack(stack).findInfo('*', Match.stringLikeRegexp('cdk-lambda-blueprints:syncInvoker'))).toHaveLength(0);
    expect(nagFindings(stack)).toEqual([]);
  });
});

describe('Trigger.cognito validation', () => {
  const add = (op: cognito.UserPoolOperation, options: object = {}, fnOptions: object = FN_5) => () => {
    const { stack, fn } = functionStack(fnOptions);
    const pool = hardenedPool(stack);
    const resolved = typeof (options as any).kmsKey === 'function' ? { ...options, kmsKey: (options as any).kmsKey(stack) } : options;
    fn.addTrigger(Trigger.cognito(pool, op, resolved));
  };
  const newKey = (s: Stack) => new kms.Key(s, 'K', { enableKeyRotation: true });

  test('the function timeout must not exceed Cognito\'s 5 s wait', () => {
    expect(add(cognito.UserPoolOperation.PRE_SIGN_UP, {}, { timeout: Duration.seconds(6) })).toThrow(/LBP_COGNITO_TIMEOUT.*6 seconds.*5 seconds.*Duration.seconds\(5\)/);
    expect(add(cognito.UserPoolOperation.PRE_SIGN_UP, {}, { timeout: Duration.seconds(5) })).not.toThrow();
    expect(add(cognito.UserPoolOperation.CUSTOM_EMAIL_SENDER, { kmsKey: newKey }, { timeout: Duration.seconds(60) })).not.toThrow();
  });

  test('custom senders need a KMS key; other operations refuse one', () => {
    expect(add(cognito.UserPoolOperation.CUSTOM_SMS_SENDER)).toThrow(/LBP_COGNITO_SENDER_KEY.*kmsKey is unset/);
    expect(add(cognito.UserPoolOperation.PRE_SIGN_UP, { kmsKey: newKey })).toThrow(/LBP_COGNITO_SENDER_KEY.*kmsKey is set/);
  });

  test('both senders share the pool\'s one key', () => {
    const { stack, fn } = functionStack(FN_5);
    const pool = hardenedPool(stack);
    fn.addTrigger(Trigger.cognito(pool, cognito.UserPoolOperation.CUSTOM_EMAIL_SENDER, { kmsKey: new kms.Key(stack, 'A') }));
    expect(() => fn.addTrigger(Trigger.cognito(pool, cognito.UserPoolOperation.CUSTOM_SMS_SENDER, { kmsKey: new kms.Key(stack, 'B') })))
      .toThrow(/LBP_COGNITO_SENDER_KEY.*one KMSKeyID/);
  });

  test('V2_0 / V3_0 only for PRE_TOKEN_GENERATION_CONFIG', () => {
    expect(add(cognito.UserPoolOperation.PRE_SIGN_UP, { lambdaVersion: cognito.LambdaVersion.V2_0 })).toThrow(/LBP_COGNITO_LAMBDA_VERSION/);
    expect(add(cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, { lambdaVersion: cognito.LambdaVersion.V3_0 })).not.toThrow();
  });

  test('one function per pool operation', () => {
    const { stack, fn } = functionStack(FN_5);
    const pool = hardenedPool(stack);
    fn.addTrigger(Trigger.cognito(pool, cognito.UserPoolOperation.PRE_SIGN_UP));
    expect(() => fn.addTrigger(Trigger.cognito(pool, cognito.UserPoolOperation.PRE_SIGN_UP))).toThrow(/LBP_COGNITO_DUPLICATE/);
  });

  test('an imported pool is refused with the fix', () => {
    const { stack, fn } = functionStack(FN_5);
    const pool = cognito.UserPool.fromUserPoolId(stack, 'Imported', 'us-east-1_abc');
    expect(() => fn.addTrigger(Trigger.cognito(pool, cognito.UserPoolOperation.PRE_SIGN_UP))).toThrow(/LBP_COGNITO_POOL.*imported/);
  });

  test('a grant on the pool into the function\'s own policy, or the pool id in its environment, is a cycle: refused at synth', () => {
    const { stack, fn } = functionStack(FN_5);
    const pool = hardenedPool(stack);
    fn.addTrigger(Trigger.cognito(pool, cognito.UserPoolOperation.PRE_SIGN_UP));
    pool.grant(fn, 'cognito-idp:AdminGetUser');
    expect(() => template(stack)).toThrow(/LBP_COGNITO_CYCLE.*trigger.grantUserPool/);

    const second = functionStack({ ...FN_5, environment: {} });
    const pool2 = hardenedPool(second.stack);
    second.fn.addTrigger(Trigger.cognito(pool2, cognito.UserPoolOperation.PRE_SIGN_UP));
    second.fn.unqualifiedFunction.addEnvironment('POOL_ID', pool2.userPoolId);
    expect(() => template(second.stack)).toThrow(/LBP_COGNITO_CYCLE.*event.userPoolId/);
  });

  describe('wrongly typed values from JavaScript or Python (LBP_PROP_TYPE, naming the property)', () => {
    const attempt = (args: (pool: cognito.UserPool) => [unknown, unknown, unknown?]) => {
      const { stack, fn } = functionStack(FN_5);
      const pool = hardenedPool(stack);
      const [p, op, options] = args(pool);
      let error: any;
      try {
        fn.addTrigger(Trigger.cognito(p as cognito.IUserPool, op as cognito.UserPoolOperation, options as any));
      } catch (e) {
        error = e;
      }
      // Nothing half-made: the pool's LambdaConfig untouched, no permission, no trigger scope.
      const t = template(stack);
      t.resourceCountIs('AWS::Lambda::Permission', 0);
      t.hasResourceProperties('AWS::Cognito::UserPool', { LambdaConfig: Match.absent() });
      expect(fn.node.children.map((c) => c.node.id).filter((id) => id.startsWith('Cognito'))).toEqual([]);
      return error;
    };
    const problems = (error: any) => error.problems.map((p: any) => [p.code, p.property]);

    test.each([
      ['undefined pool', () => [undefined, cognito.UserPoolOperation.PRE_SIGN_UP] as any, 'userPool', /a construct \(required\)/],
      ['a pool id string for the pool', () => ['us-east-1_abc', cognito.UserPoolOperation.PRE_SIGN_UP] as any, 'userPool', /a construct/],
      ['undefined operation', (pool: cognito.UserPool) => [pool, undefined] as any, 'operation', /an object \(required\)/],
      ['an operation name string for the operation', (pool: cognito.UserPool) => [pool, 'preSignUp'] as any, 'operation', /an object/],
      ['an unknown lambdaVersion', (pool: cognito.UserPool) => [pool, cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, { lambdaVersion: 'V4_0' }] as any, 'lambdaVersion', /one of V1_0, V2_0, V3_0/],
      ['a number for lambdaVersion', (pool: cognito.UserPool) => [pool, cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, { lambdaVersion: 2 }] as any, 'lambdaVersion', /one of V1_0/],
      ['a key ARN string for kmsKey', (pool: cognito.UserPool) => [pool, cognito.UserPoolOperation.CUSTOM_EMAIL_SENDER, { kmsKey: 'arn:aws:kms:us-east-1:123456789012:key/abc' }] as any, 'kmsKey', /a construct/],
    ])('%s', (_name, args, property, limit) => {
      const error = attempt(args);
      expect(error?.name).toBe('BlueprintValidationError');
      expect(problems(error)).toEqual([['LBP_PROP_TYPE', property]]);
      expect(error.problems[0].limit).toMatch(limit);
    });

    test('every wrong value is reported at once', () => {
      const error = attempt(() => [undefined, null, { lambdaVersion: 'v2', kmsKey: 5 }]);
      expect(problems(error)).toEqual([
        ['LBP_PROP_TYPE', 'userPool'], ['LBP_PROP_TYPE', 'operation'], ['LBP_PROP_TYPE', 'lambdaVersion'], ['LBP_PROP_TYPE', 'kmsKey'],
      ]);
    });

    test('a custom operation (UserPoolOperation.of) is accepted', () => {
      const { stack, fn } = functionStack(FN_5);
      const pool = hardenedPool(stack);
      fn.addTrigger(Trigger.cognito(pool, cognito.UserPoolOperation.of('preSignUp')));
      template(stack).hasResourceProperties('AWS::Cognito::UserPool', { LambdaConfig: { PreSignUp: Match.anyValue() } });
    });
  });
});
