import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { FunctionCode, FunctionSecret, ServerlessFunction } from '../../src';
import { HANDLER_DIR, testStack } from '../helpers/template';

/** A function whose secrets map is built in the given key order (as a Java HashMap may iterate). */
function policyWithSecretsInOrder(order: string[]): { statements: unknown; environment: unknown } {
  const stack: Stack = testStack();
  const refs: { [name: string]: FunctionSecret } = {
    DB_SECRET_ARN: FunctionSecret.fromSecretsManager(secretsmanager.Secret.fromSecretCompleteArn(stack, 'Db',
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf')),
    API_KEY_PARAMETER: FunctionSecret.fromSsmParameter(ssm.StringParameter.fromSecureStringParameterAttributes(stack, 'Key', {
      parameterName: '/app/api-key',
    })),
  };
  const secrets: { [name: string]: FunctionSecret } = {};
  for (const name of order) {
    secrets[name] = refs[name];
  }
  new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR), secrets });
  const template = Template.fromStack(stack);
  const policy = Object.values(template.findResources('AWS::IAM::ManagedPolicy'))[0] as any;
  const fn = Object.values(template.findResources('AWS::Lambda::Function'))[0] as any;
  return { statements: policy.Properties.PolicyDocument.Statement, environment: fn.Properties.Environment };
}

test('secrets are granted in name order, whatever the order of the map (identical templates from Java)', () => {
  const forward = policyWithSecretsInOrder(['DB_SECRET_ARN', 'API_KEY_PARAMETER']);
  const backward = policyWithSecretsInOrder(['API_KEY_PARAMETER', 'DB_SECRET_ARN']);
  expect(forward).toEqual(backward);

  const actions = (forward.statements as any[]).map((s) => [s.Action].flat()[0]);
  const ssmAt = actions.findIndex((a) => a.startsWith('ssm:'));
  const secretsAt = actions.findIndex((a) => a.startsWith('secretsmanager:'));
  expect(ssmAt).toBeGreaterThanOrEqual(0);
  expect(ssmAt).toBeLessThan(secretsAt); // API_KEY_PARAMETER sorts before DB_SECRET_ARN
  expect(forward.environment).toEqual({
    Variables: {
      API_KEY_PARAMETER: '/app/api-key',
      DB_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf',
    },
  });
});
