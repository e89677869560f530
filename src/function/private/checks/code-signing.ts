import { Token } from 'aws-cdk-lib';
import { CodeFacts } from './settings';
import { ErrorCodes } from '../../../validation/error-codes';
import { Validator } from '../../../validation/validator';
import { ServerlessFunctionOptions } from '../../serverless-function-props';

/** The most signing profiles one code signing configuration allows. @internal */
export const MAX_SIGNING_PROFILES = 20;

const CODE_SIGNING_PAGE = 'see https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning-create.html';

/**
 * The code signing option's own checks: one source of configuration, 1 to 20 profiles, the policy only
 * on a configuration the library creates.
 *
 * @internal
 */
export function validateCodeSigningOptions(v: Validator, props: ServerlessFunctionOptions): void {
  const cs = props.codeSigning;
  if (cs === undefined) {
    return;
  }
  const profiles = cs.signingProfiles;
  const hasConfig = cs.codeSigningConfig !== undefined;
  v.failIf(hasConfig === (profiles !== undefined), {
    code: ErrorCodes.LBP_CODE_SIGNING,
    property: 'codeSigning',
    value: hasConfig ? 'both signingProfiles and codeSigningConfig' : 'neither signingProfiles nor codeSigningConfig',
    limit: 'a function has one code signing configuration: the library creates it from signingProfiles, or attaches codeSigningConfig',
    fix: 'give either signingProfiles (e.g. [new signer.SigningProfile(this, \'Profile\', { platform: signer.Platform.AWS_LAMBDA_SHA384_ECDSA })]) or codeSigningConfig',
  });
  if (profiles !== undefined && !Token.isUnresolved(profiles)) {
    v.failIf(profiles.length < 1 || profiles.length > MAX_SIGNING_PROFILES, {
      code: ErrorCodes.LBP_CODE_SIGNING,
      property: 'codeSigning.signingProfiles',
      value: `${profiles.length} profiles`,
      limit: `a code signing configuration allows 1 to ${MAX_SIGNING_PROFILES} signing profiles (${CODE_SIGNING_PAGE})`,
      fix: `list between 1 and ${MAX_SIGNING_PROFILES} signing profiles`,
    });
  }
  v.failIf(hasConfig && cs.untrustedArtifactOnDeployment !== undefined, {
    code: ErrorCodes.LBP_CODE_SIGNING,
    property: 'codeSigning.untrustedArtifactOnDeployment',
    value: `${cs.untrustedArtifactOnDeployment} with codeSigningConfig`,
    limit: 'the policy belongs to the code signing configuration: an existing codeSigningConfig keeps its own',
    fix: 'remove untrustedArtifactOnDeployment, or give signingProfiles instead of codeSigningConfig',
  });
}

/**
 * Lambda signs zip packages only: container-image functions do not support code signing.
 *
 * @internal
 */
export function validateCodeSigningCode(v: Validator, props: ServerlessFunctionOptions, s: { readonly code: CodeFacts }): void {
  v.failIf(props.codeSigning !== undefined && s.code.isImage, {
    code: ErrorCodes.LBP_CODE_SIGNING_IMAGE,
    property: 'codeSigning',
    value: 'set on a container-image function',
    limit: `functions defined as container images do not support code signing (${CODE_SIGNING_PAGE}); sign and verify images with Signer/Notation in ECR instead`,
    fix: 'remove codeSigning, or deploy the code as a zip package (FunctionCode.fromAsset / fromBucket)',
  });
}
