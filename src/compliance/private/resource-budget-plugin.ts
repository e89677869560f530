import * as fs from 'fs';
import * as path from 'path';
import { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, PolicyViolation, Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { MAX_RESOURCES, MAX_TEMPLATE_BYTES, SPLIT_ADVICE } from '../../validation/cloudformation-limits';
import { ErrorCodes } from '../../validation/error-codes';

/** The share of a limit at which the budget warns. */
export const BUDGET_WARNING_SHARE = 0.8;

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
      ruleName: ErrorCodes.LBP_RESOURCE_BUDGET,
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
      ruleName: ErrorCodes.LBP_TEMPLATE_SIZE,
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
