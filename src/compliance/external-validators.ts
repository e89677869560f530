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
}

/**
 * Writes the checkov skips and cfn-lint ignores of an acknowledgement on the CloudFormation resource
 * of `scope` (the construct itself when it is one, else its default child). Ids already there are
 * kept once; the first reason given for a checkov id wins. A scope without one resource gets nothing.
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
    for (const id of checkov) {
      if (!skip.some((s) => s.id === id)) {
        skip.push({ id, comment: reason });
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
