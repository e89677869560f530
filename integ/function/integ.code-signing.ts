/// Code signing: a Signer profile and a code signing configuration created from it, and a second function attaching that configuration.
// The policy is WARN here because an integ test has no signed package to deploy: CDK uploads the asset
// unsigned, so ENFORCE (the default) would refuse it (docs/code-signing.md). With a package a Signer job
// wrote, use FunctionCode.fromBucket and leave the policy at ENFORCE.
import * as path from 'path';
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as signer from 'aws-cdk-lib/aws-signer';
import { FunctionCode, ServerlessFunction } from '../../src';
import { acknowledgeUserDecisions } from '../user-decisions';

const app = new App();
acknowledgeUserDecisions(app);
const stack = new Stack(app, 'BlueprintsCodeSigning');
const code = FunctionCode.fromAsset(path.join(__dirname, '..', '..', 'test', 'fixtures', 'handler'));

const profile = new signer.SigningProfile(stack, 'Profile', { platform: signer.Platform.AWS_LAMBDA_SHA384_ECDSA });
const signed = new ServerlessFunction(stack, 'Signed', {
  code,
  codeSigning: { signingProfiles: [profile], untrustedArtifactOnDeployment: lambda.UntrustedArtifactOnDeployment.WARN },
});
new ServerlessFunction(stack, 'SharesConfig', { code, codeSigning: { codeSigningConfig: signed.codeSigningConfig } });

new IntegTest(app, 'CodeSigning', { testCases: [stack] });
app.synth();
