import { CfnResource, IAspect, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { isShard } from '../../scale/shard-mark';
import { MAX_RESOURCES, ownTemplateConstructs, SPLIT_ADVICE } from '../../validation/cloudformation-limits';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';

/**
 * Stops synthesis with advice when a stack has more resources than CloudFormation accepts. It runs as
 * an aspect, before aws-cdk-lib's own limit check (which fails with the count but no advice); one
 * walk of each stack's subtree, so the cost stays linear in the number of constructs.
 *
 * @internal
 */
export class ResourceBudgetAspect implements IAspect {
  public visit(node: IConstruct): void {
    // A FunctionGroup shard checks itself, with advice that fits a shard (LBP_GROUP_SHARD_FULL).
    if (!Stack.isStack(node) || isShard(node)) {
      return;
    }
    const byType = new Map<string, number>();
    let count = 0;
    for (const c of ownTemplateConstructs(node)) {
      if (CfnResource.isCfnResource(c)) {
        count++;
        byType.set(c.cfnResourceType, (byType.get(c.cfnResourceType) ?? 0) + 1);
      }
    }
    if (count > MAX_RESOURCES) {
      const top = [...byType.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([t, n]) => `${t} ${n}`).join(', ');
      const v = new Validator(node);
      v.fail({
        code: ErrorCodes.LBP_RESOURCE_BUDGET,
        property: 'resources',
        value: `${count} (${top})`,
        limit: `CloudFormation accepts at most ${MAX_RESOURCES} resources per stack`,
        fix: SPLIT_ADVICE,
      });
      v.throwIfAny();
    }
  }
}
