import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as signer from 'aws-cdk-lib/aws-signer';

/**
 * Code signing of a function's zip package with AWS Signer.
 *
 * Lambda then checks at every deployment that the function's package (and each layer) was signed by
 * one of the allowed signing profiles. Give either `signingProfiles` (the library creates the code
 * signing configuration, `ENFORCE` by default) or an existing `codeSigningConfig`. CDK does not sign
 * the assets it uploads: deploy code signed by a Signer job, e.g. with `FunctionCode.fromBucket`
 * (docs/code-signing.md).
 */
export interface CodeSigningOptions {
  /**
   * The signing profiles whose signatures Lambda accepts (1 to 20).
   *
   * The library creates a code signing configuration with them.
   *
   * @default - none: `codeSigningConfig` must be given
   */
  readonly signingProfiles?: signer.ISigningProfile[];

  /**
   * An existing code signing configuration to attach (its own policy applies).
   *
   * @default - none: `signingProfiles` must be given
   */
  readonly codeSigningConfig?: lambda.ICodeSigningConfig;

  /**
   * What Lambda does with a package whose signature fails the checks: `ENFORCE` refuses the
   * deployment, `WARN` deploys it and logs a CloudWatch metric. Only with `signingProfiles`.
   *
   * @default UntrustedArtifactOnDeployment.ENFORCE
   */
  readonly untrustedArtifactOnDeployment?: lambda.UntrustedArtifactOnDeployment;
}
