import { CfnResource } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * One entry of the `cdk_nag` resource metadata that cdk-nag 2.x reads, written exactly as cdk-nag 2's
 * `NagSuppressions.addResourceSuppressions` writes it (same keys, same order), so an entry the user
 * adds through cdk-nag 2 for the same rule and reason is kept once.
 *
 * @internal
 */
export interface NagV2Rule {
  /** The reason, base64-encoded when it has a character above U+00FF (see `is_reason_encoded`). */
  readonly reason: string;
  /** The rule id without a finding, e.g. `AwsSolutions-IAM5`. */
  readonly id: string;
  /** The findings of a granular rule, e.g. `Resource::*` for `AwsSolutions-IAM5[Resource::*]`. */
  readonly applies_to?: string[];
  /** Set when `reason` is base64-encoded. */
  readonly is_reason_encoded?: boolean;
}

/**
 * Turns a cdk-nag 3 acknowledgement id into the cdk-nag 2 suppression of the same finding.
 *
 * cdk-nag 3 acknowledges a finding of a granular rule as `Rule[finding]`; cdk-nag 2 rejects a `[` in a
 * suppression id and takes the finding in `applies_to` instead.
 *
 * @internal
 */
export function toNagV2Rule(id: string, reason: string): NagV2Rule {
  const match = /^([^[\]]+)\[(.+)\]$/.exec(id);
  const ruleId = match ? match[1] : id;
  // cdk-nag 2 base64-encodes reasons with characters it cannot keep in a template as they are.
  const encode = [...reason].some((c) => (c.codePointAt(0) ?? 0) > 255);
  return {
    reason: encode ? Buffer.from(reason).toString('base64') : reason,
    id: ruleId,
    ...(match ? { applies_to: [match[2]] } : {}),
    ...(encode ? { is_reason_encoded: true } : {}),
  };
}

/**
 * Writes the cdk-nag 2.x suppressions of `ids` (cdk-nag 3 acknowledgement ids) with `reason` into the
 * `cdk_nag` metadata of the CloudFormation resource(s) of `scope`.
 *
 * cdk-nag 2 looks for suppressions on the resource it checks (and on its stack), never on the
 * resource's parents. The resource of a construct that has one (the construct itself when it is an L1,
 * else its default child) gets the entries, as cdk-nag 2's `NagSuppressions.addResourceSuppressions`
 * does; a construct without one (a group of resources) gets them on every L1 resource under it, as
 * with `applyToChildren`. Writing the full reasons on every child would repeat them on versions, queue
 * policies and the like, which no acknowledged rule checks, at the cost of template bytes (CloudFormation
 * allows 1 MB). Entries already there (the library's or the user's) are kept; an identical entry is
 * written once. Template-only scanners read the same reasons from the template.
 *
 * @internal
 */
export function writeNagV2Suppressions(scope: IConstruct, ids: readonly string[], reason: string): void {
  if (ids.length === 0) {
    return;
  }
  const rules = ids.map((id) => toNagV2Rule(id, reason));
  const own = CfnResource.isCfnResource(scope) ? scope : scope.node.defaultChild;
  const resources = own && CfnResource.isCfnResource(own)
    ? [own]
    : scope.node.findAll().filter((c): c is CfnResource => CfnResource.isCfnResource(c));
  for (const resource of resources) {
    const existing: NagV2Rule[] = resource.getMetadata('cdk_nag')?.rules_to_suppress ?? [];
    const serialised = new Set<string>();
    const merged: NagV2Rule[] = [];
    for (const rule of [...existing, ...rules]) {
      const key = JSON.stringify(rule);
      if (!serialised.has(key)) {
        serialised.add(key);
        merged.push(rule);
      }
    }
    resource.addMetadata('cdk_nag', { rules_to_suppress: merged });
  }
}
