import { App, Aspects, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { BlueprintStack, Blueprints, FunctionCode, NagPackName, ServerlessFunction } from '../../src';
import { HANDLER_DIR, TEST_ENV } from '../helpers/template';

// An app with cdk-nag 2.x installed: the library's `require('cdk-nag')` gets the 2.x package.
jest.mock('cdk-nag', () => jest.requireActual('cdk-nag-v2'));

const ALL_PACKS = [
  NagPackName.AWS_SOLUTIONS, NagPackName.SERVERLESS, NagPackName.HIPAA_SECURITY, NagPackName.NIST_800_53_R5, NagPackName.PCI_DSS_321,
];
const NAG_MESSAGE = Match.stringLikeRegexp('^(AwsSolutions|Serverless|HIPAA\\.Security|NIST\\.800\\.53\\.R5|PCI\\.DSS\\.321)-');

function plugins(app: App): string[] {
  return ((app as any)._validationPlugins ?? []).map((p: any) => p.name);
}

function nagAspects(scope: Stack): string[] {
  return Aspects.of(scope).all.map((a: any) => a.readPackName).filter((n: unknown) => typeof n === 'string');
}

describe('with cdk-nag 2.x installed', () => {
  test('the library\'s packs are cdk-nag 2 packs', () => {
    // NagSuppressions exists in 2.x only (3.x acknowledges through aws-cdk-lib's Validations).
    expect(jest.requireMock<Record<string, unknown>>('cdk-nag').NagSuppressions).toBeDefined();
  });

  test('Blueprints.applyTo adds the packs as Aspects (once), not as validation plugins', () => {
    const app = new App();
    const stack = new Stack(app, 'S', { env: TEST_ENV });
    Blueprints.applyTo(stack);
    Blueprints.applyTo(stack);
    // The general packs by default; the regulatory ones are opt-in (README, Compliance).
    expect(nagAspects(stack)).toEqual(['AwsSolutions', 'Serverless']);
    expect(plugins(app)).toEqual(['cdk-lambda-blueprints-budget']);
  });

  test('only the chosen packs', () => {
    const stack = new Stack(new App(), 'S', { env: TEST_ENV });
    Blueprints.applyTo(stack, { nagPacks: [NagPackName.SERVERLESS] });
    expect(nagAspects(stack)).toEqual(['Serverless']);
  });

  test('a BlueprintStack with a default ServerlessFunction: no cdk-nag 2 error or warning, all five packs with the user\'s decisions', () => {
    const app = new App();
    const stack = new BlueprintStack(app, 'Clean', {
      env: TEST_ENV,
      nagPacks: ALL_PACKS,
      userDecisions: { noVpc: 'Calls public AWS endpoints only.', noReservedConcurrency: 'The account pool is shared on purpose.' },
    });
    new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    const annotations = Annotations.fromStack(stack);
    expect(annotations.findError('*', NAG_MESSAGE)).toEqual([]);
    expect(annotations.findWarning('*', NAG_MESSAGE)).toEqual([]);
    expect(process.exitCode ?? 0).toBe(0);
  });

  test('a finding is an error annotation on the resource, which fails `cdk synth`', () => {
    const app = new App();
    const stack = new BlueprintStack(app, 'Dirty', { env: TEST_ENV, hardenPlainFunctions: false, nagPacks: ALL_PACKS });
    new lambda.Function(stack, 'Plain', {
      code: lambda.Code.fromAsset(HANDLER_DIR), handler: 'index.handler', runtime: lambda.Runtime.NODEJS_22_X,
    });
    Annotations.fromStack(stack).hasError('/Dirty/Plain/Resource', Match.stringLikeRegexp('^HIPAA\\.Security-LambdaInsideVPC'));
  });
});
