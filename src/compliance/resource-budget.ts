import * as fs from 'fs';
import * as path from 'path';
import {
  CfnResource, IAspect, IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport,
  PolicyViolation, Stack, Stage,
} from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ComplianceCodes } from './error-codes';
import { isShard } from '../scale/private/shard-mark';
import { Validator } from '../validation/validator';

/** CloudFormation's quota of resources per stack. */
export const MAX_RESOURCES = 500;
/** CloudFormation's limit of a template's size (uploaded through S3), in bytes. */
export const MAX_TEMPLATE_BYTES = 1_048_576;
/** The share of a limit at which the budget warns. */
export const BUDGET_WARNING_SHARE = 0.8;

const SPLIT_ADVICE = 'Split the stack: create the functions in a FunctionGroup (nested stacks, placed by a stable hash of their id), or move groups of functions (with their triggers) into their own stacks, ' +
  'or turn off alarms you do not need (alarms: { enabled: false } or per alarm).';

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
    const walk = (c: IConstruct) => {
      for (const child of c.node.children) {
        if (Stack.isStack(child) || Stage.isStage(child)) {
          continue;
        }
        if (CfnResource.isCfnResource(child)) {
          count++;
          byType.set(child.cfnResourceType, (byType.get(child.cfnResourceType) ?? 0) + 1);
        }
        walk(child);
      }
    };
    walk(node);
    if (count > MAX_RESOURCES) {
      const top = [...byType.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([t, n]) => `${t} ${n}`).join(', ');
      const v = new Validator(node);
      v.fail({
        code: ComplianceCodes.RESOURCE_BUDGET,
        property: 'resources',
        value: `${count} (${top})`,
        limit: `CloudFormation accepts at most ${MAX_RESOURCES} resources per stack`,
        fix: SPLIT_ADVICE,
      });
      v.throwIfAny();
    }
  }
}

/** One stack's measured budget. @internal */
export interface StackBudget {
  readonly stackName: string;
  readonly templatePath: string;
  readonly resources: number;
  readonly bytes: number;
}

/**
 * Checks every synthesized template of the stacks in a scope against CloudFormation's 500-resource
 * and 1 MB limits: a warning at 80 %, an error past the limit, both with the advice to split. It
 * reads the template files the synthesis wrote, so it counts exactly what CloudFormation will see
 * (custom resources and aspects included) at the cost of one file read per stack.
 *
 * @internal
 */
export class ResourceBudgetPlugin implements IPolicyValidationPlugin {
  public readonly name = 'cdk-lambda-blueprints-budget';

  constructor(private readonly scope: IConstruct) {}

  public validate(_context: IPolicyValidationContext): PolicyValidationPluginReport {
    const violations = this.measure().flatMap(budgetViolations);
    return { success: violations.every((v) => v.severity !== 'error'), violations };
  }

  /** Measures each stack of the scope whose template was synthesized. */
  public measure(): StackBudget[] {
    const budgets: StackBudget[] = [];
    for (const stack of stacksOf(this.scope)) {
      const stage = Stage.of(stack);
      if (!stage) {
        continue;
      }
      const templatePath = path.join(stage.outdir, stack.templateFile);
      if (!fs.existsSync(templatePath)) {
        continue;
      }
      const text = fs.readFileSync(templatePath, 'utf-8');
      const template = JSON.parse(text);
      budgets.push({
        stackName: stack.stackName,
        templatePath,
        resources: Object.keys(template.Resources ?? {}).length,
        bytes: Buffer.byteLength(text, 'utf-8'),
      });
    }
    return budgets;
  }
}

/** The violations of one stack's budget. @internal */
export function budgetViolations(b: StackBudget): PolicyViolation[] {
  const violations: PolicyViolation[] = [];
  const resource = [{ resourceLogicalId: b.stackName, templatePath: b.templatePath, locations: ['Resources'] }];
  const split = SPLIT_ADVICE;

  if (b.resources >= MAX_RESOURCES * BUDGET_WARNING_SHARE) {
    const over = b.resources > MAX_RESOURCES;
    violations.push({
      ruleName: ComplianceCodes.RESOURCE_BUDGET,
      severity: over ? 'error' : 'warning',
      description: `Stack ${b.stackName} has ${b.resources} resources: ${over ? 'more than' : 'at least 80 % of'} CloudFormation's ${MAX_RESOURCES}` +
        (over ? '; the deployment will fail.' : '; adding functions will soon break the deployment.'),
      fix: split,
      violatingResources: resource,
    });
  }
  if (b.bytes >= MAX_TEMPLATE_BYTES * BUDGET_WARNING_SHARE) {
    const over = b.bytes > MAX_TEMPLATE_BYTES;
    violations.push({
      ruleName: ComplianceCodes.TEMPLATE_SIZE,
      severity: over ? 'error' : 'warning',
      description: `The template of ${b.stackName} is ${b.bytes} bytes: ${over ? 'more than' : 'at least 80 % of'} CloudFormation's ${MAX_TEMPLATE_BYTES} (1 MB)` +
        (over ? '; the deployment will fail.' : '.'),
      fix: split,
      violatingResources: resource,
    });
  }
  return violations;
}

function stacksOf(scope: IConstruct): Stack[] {
  const stacks = new Set<Stack>();
  if (!Stage.isStage(scope)) {
    try {
      stacks.add(Stack.of(scope));
    } catch {
      // a plain construct outside any stack: only its descendant stacks count
    }
  }
  for (const c of scope.node.findAll()) {
    if (Stack.isStack(c)) {
      stacks.add(c);
    }
  }
  return [...stacks];
}
