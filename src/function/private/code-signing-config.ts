import { Annotations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { FunctionCodeConfig } from '../../code/function-code';
import { AnnotationIds } from '../../validation/annotation-ids';
import { ServerlessFunctionProps } from '../serverless-function-props';

/**
 * The function's code signing configuration (checked already): the user's, or one created from the
 * signing profiles with `ENFORCE` unless told otherwise. Warns when an enforced configuration meets
 * code CDK uploads unsigned (a local asset, a bundle, inline source): its deployment would fail.
 *
 * @internal
 */
export function configureCodeSigning(
  scope: Construct, props: ServerlessFunctionProps, code: FunctionCodeConfig,
): lambda.ICodeSigningConfig | undefined {
  const cs = props.codeSigning;
  if (cs === undefined) {
    return undefined;
  }
  if (cs.codeSigningConfig) {
    return cs.codeSigningConfig;
  }
  const policy = cs.untrustedArtifactOnDeployment ?? lambda.UntrustedArtifactOnDeployment.ENFORCE;
  if (policy === lambda.UntrustedArtifactOnDeployment.ENFORCE && (code.code instanceof lambda.AssetCode || code.code instanceof lambda.InlineCode)) {
    Annotations.of(scope).addWarningV2(AnnotationIds.CODE_SIGNING_UNSIGNED_CODE,
      'codeSigning enforces signatures (UntrustedArtifactOnDeployment.ENFORCE), but the code is '
      + `${code.code instanceof lambda.InlineCode ? 'inline source' : 'a local asset'} that CDK uploads unsigned (CDK does not sign assets): `
      + 'Lambda will refuse the deployment. Sign the package with an AWS Signer job and deploy the signed object with '
      + 'FunctionCode.fromBucket(bucket, signedKey), or set untrustedArtifactOnDeployment: UntrustedArtifactOnDeployment.WARN '
      + 'until the pipeline signs (docs/code-signing.md).');
  }
  return new lambda.CodeSigningConfig(scope, 'CodeSigningConfig', {
    signingProfiles: cs.signingProfiles ?? [],
    untrustedArtifactOnDeployment: policy,
    description: `Code signing of ${scope.node.path}`.slice(0, 256),
  });
}
