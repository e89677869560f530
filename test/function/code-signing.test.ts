import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as signer from 'aws-cdk-lib/aws-signer';
import { CodeSigningOptions, FunctionCode, ServerlessFunction, ServerlessFunctionProps } from '../../src';
import { nagFindings } from '../helpers/nag';
import { HANDLER_DIR, testStack } from '../helpers/template';

const IMAGE_DIR = path.join(__dirname, '..', 'fixtures', 'image');

const profile = (stack: Stack, id = 'Profile') =>
  new signer.SigningProfile(stack, id, { platform: signer.Platform.AWS_LAMBDA_SHA384_ECDSA });
const signedCode = (stack: Stack) =>
  FunctionCode.fromBucket(s3.Bucket.fromBucketName(stack, 'Signed', 'signed-artifacts'), 'signed/orders.zip', 'v1');
const unsignedWarnings = (stack: Stack) =>
  Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('codeSigningUnsignedCode')).map((m) => String(m.entry.data));

function build(codeSigning: (stack: Stack) => CodeSigningOptions, code: (stack: Stack) => FunctionCode = signedCode,
  extra: Partial<ServerlessFunctionProps> = {}) {
  const stack = testStack();
  const fn = new ServerlessFunction(stack, 'Fn', { code: code(stack), codeSigning: codeSigning(stack), ...extra });
  return { stack, fn };
}

function errorOf(codeSigning: (stack: Stack) => CodeSigningOptions, code: (stack: Stack) => FunctionCode = signedCode): string {
  try {
    build(codeSigning, code);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a validation error');
}

describe('codeSigning with signing profiles', () => {
  test('a code signing configuration with the profile, ENFORCE by default, attached to the function', () => {
    const { stack, fn } = build((s) => ({ signingProfiles: [profile(s)] }));
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Lambda::CodeSigningConfig', 1);
    t.hasResourceProperties('AWS::Lambda::CodeSigningConfig', {
      AllowedPublishers: { SigningProfileVersionArns: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Profile'), 'ProfileVersionArn'] }] },
      CodeSigningPolicies: { UntrustedArtifactOnDeployment: 'Enforce' },
    });
    t.hasResourceProperties('AWS::Lambda::Function', {
      CodeSigningConfigArn: stack.resolve(fn.codeSigningConfig!.codeSigningConfigArn),
      Code: { S3Bucket: 'signed-artifacts', S3Key: 'signed/orders.zip', S3ObjectVersion: 'v1' },
    });
    expect(unsignedWarnings(stack)).toEqual([]);
    expect(nagFindings(stack)).toEqual([]);
  });

  test('WARN when asked', () => {
    const { stack } = build((s) => ({ signingProfiles: [profile(s)], untrustedArtifactOnDeployment: lambda.UntrustedArtifactOnDeployment.WARN }));
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::CodeSigningConfig', {
      CodeSigningPolicies: { UntrustedArtifactOnDeployment: 'Warn' },
    });
  });

  test('1 to 20 profiles: 0 and 21 refused, 1 and 20 accepted', () => {
    const profiles = (s: Stack, n: number) => Array.from({ length: n }, (_, i) => profile(s, `P${i}`));
    expect(errorOf((s) => ({ signingProfiles: profiles(s, 0) }))).toMatch(/LBP_CODE_SIGNING.*codeSigning.signingProfiles is 0 profiles.*1 to 20/);
    expect(errorOf((s) => ({ signingProfiles: profiles(s, 21) }))).toMatch(/LBP_CODE_SIGNING.*21 profiles.*1 to 20/);
    expect(() => build((s) => ({ signingProfiles: profiles(s, 1) }))).not.toThrow();
    const { stack } = build((s) => ({ signingProfiles: profiles(s, 20) }));
    const config = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::CodeSigningConfig'))[0];
    expect(config.Properties.AllowedPublishers.SigningProfileVersionArns).toHaveLength(20);
  });
});

describe('codeSigning with an existing configuration', () => {
  test('attached as given, nothing created', () => {
    const { stack, fn } = build((s) => ({
      codeSigningConfig: lambda.CodeSigningConfig.fromCodeSigningConfigArn(s, 'Csc',
        'arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0'),
    }));
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Lambda::CodeSigningConfig', 0);
    t.hasResourceProperties('AWS::Lambda::Function', {
      CodeSigningConfigArn: 'arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0',
    });
    expect(fn.codeSigningConfig).toBeDefined();
  });

  test('exactly one of signingProfiles and codeSigningConfig; the policy only with signingProfiles', () => {
    const csc = (s: Stack) => lambda.CodeSigningConfig.fromCodeSigningConfigArn(s, 'Csc',
      'arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0');
    expect(errorOf(() => ({}))).toMatch(/LBP_CODE_SIGNING.*codeSigning is neither signingProfiles nor codeSigningConfig/);
    expect(errorOf((s) => ({ signingProfiles: [profile(s)], codeSigningConfig: csc(s) }))).toMatch(/LBP_CODE_SIGNING.*both signingProfiles and codeSigningConfig/);
    expect(errorOf((s) => ({ codeSigningConfig: csc(s), untrustedArtifactOnDeployment: lambda.UntrustedArtifactOnDeployment.ENFORCE })))
      .toMatch(/LBP_CODE_SIGNING.*untrustedArtifactOnDeployment is Enforce with codeSigningConfig/);
  });
});

describe('code CDK uploads unsigned', () => {
  test('a local asset with ENFORCE: warned (the deployment would fail); with WARN or a signed S3 package: not warned', () => {
    const asset = () => FunctionCode.fromAsset(HANDLER_DIR);
    const enforced = build((s) => ({ signingProfiles: [profile(s)] }), asset);
    expect(unsignedWarnings(enforced.stack)).toEqual([expect.stringMatching(/a local asset that CDK uploads unsigned.*FunctionCode.fromBucket/)]);
    const warned = build((s) => ({ signingProfiles: [profile(s)], untrustedArtifactOnDeployment: lambda.UntrustedArtifactOnDeployment.WARN }), asset);
    expect(unsignedWarnings(warned.stack)).toEqual([]);
    const signed = build((s) => ({ signingProfiles: [profile(s)] }));
    expect(unsignedWarnings(signed.stack)).toEqual([]);
  });

  test('inline source with ENFORCE: warned', () => {
    const { stack } = build((s) => ({ signingProfiles: [profile(s)] }), () => FunctionCode.fromInline('exports.handler = async () => ({});'));
    expect(unsignedWarnings(stack)).toEqual([expect.stringMatching(/inline source that CDK uploads unsigned/)]);
  });
});

describe('container images', () => {
  test('refused with codeSigning (Lambda signs zip packages only), nothing created; accepted without', () => {
    const stack = testStack();
    expect(() => new ServerlessFunction(stack, 'Fn', {
      code: FunctionCode.fromImageAsset(IMAGE_DIR), codeSigning: { signingProfiles: [profile(stack)] },
    })).toThrow(/LBP_CODE_SIGNING_IMAGE.*container images do not support code signing/);
    expect(stack.node.tryFindChild('Fn')).toBeUndefined();
    expect(() => new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromImageAsset(IMAGE_DIR) })).not.toThrow();
  });
});
