import { CfnResource } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * What an acknowledgement tells the external template validators (checkov and cfn-lint), besides
 * cdk-nag: the same finding under their check ids, written into the resource's `Metadata` so that
 * users who run these tools over their templates see the library's reason instead of a finding.
 *
 * @internal
 */
export interface ExternalValidatorSkips {
  /** checkov check ids, written as `Metadata.checkov.skip: [{ id, comment }]`. */
  readonly checkov?: readonly string[];
  /** cfn-lint rule ids, written as `Metadata.cfn-lint.config.ignore_checks`. */
  readonly cfnLint?: readonly string[];
  /**
   * Rule ids of aws-cdk-lib's built-in CloudFormation validator (the "CloudFormation Validate" plugin
   * that aws-cdk-lib 2.262 and newer run at every synth), acknowledged on the construct as
   * `CloudFormation-Validate::<id>`. Older aws-cdk-lib versions keep the acknowledgement and never use it.
   */
  readonly cdkValidator?: readonly string[];
}

/** The namespace aws-cdk-lib gives the built-in CloudFormation validator's rules in acknowledgements. @internal */
export const CDK_VALIDATOR_NAMESPACE = 'CloudFormation-Validate';

/**
 * Writes the checkov skips and cfn-lint ignores of an acknowledgement on the CloudFormation resource
 * of `scope` (the construct itself when it is one, else its default child). Ids already there are
 * kept once; the first reason given for a checkov id wins. A checkov comment is the reason's first
 * sentence (the README has the rest). A scope without one resource gets nothing.
 *
 * @internal
 */
export function skipExternalChecks(scope: IConstruct, skips: ExternalValidatorSkips, reason: string): void {
  const checkov = skips.checkov ?? [];
  const cfnLint = skips.cfnLint ?? [];
  if (checkov.length === 0 && cfnLint.length === 0) {
    return;
  }
  const resource = CfnResource.isCfnResource(scope) ? scope : scope.node.defaultChild;
  if (!resource || !CfnResource.isCfnResource(resource)) {
    // Acknowledged on a construct that is not one resource: nothing is written, so the validators
    // (npx projen test:validators) report the finding and the acknowledgement gets moved.
    return;
  }

  if (checkov.length > 0) {
    const existing = (resource.getMetadata('checkov')?.skip ?? []) as Array<{ id: string; comment: string }>;
    const skip = [...existing];
    const comment = shortComment(reason);
    for (const id of checkov) {
      if (!skip.some((s) => s.id === id)) {
        skip.push({ id, comment });
      }
    }
    resource.addMetadata('checkov', { skip });
  }

  if (cfnLint.length > 0) {
    const config = resource.getMetadata('cfn-lint')?.config ?? {};
    const ignore: string[] = [...(config.ignore_checks ?? [])];
    for (const id of cfnLint) {
      if (!ignore.includes(id)) {
        ignore.push(id);
      }
    }
    resource.addMetadata('cfn-lint', { config: { ...config, ignore_checks: ignore } });
  }
}

/** The longest checkov comment written into a template. */
const MAX_COMMENT_LENGTH = 160;

/**
 * The reason's first sentence, prefixed with the library's name: the full reason is in the README,
 * and every byte here counts against CloudFormation's 1 MB template limit, once per resource.
 */
function shortComment(reason: string): string {
  const end = reason.indexOf('. ');
  const sentence = end >= 0 ? reason.slice(0, end + 1) : reason;
  const comment = `cdk-lambda-blueprints: ${sentence}`;
  return comment.length <= MAX_COMMENT_LENGTH ? comment : `${comment.slice(0, MAX_COMMENT_LENGTH - 3)}...`;
}
