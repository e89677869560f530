import * as fs from 'fs';
import * as path from 'path';
import {
  CfnElement, IPolicyValidationContext, IPolicyValidationPlugin, IPolicyValidationPluginBeta1, PolicyValidationPluginReport,
  PolicyViolation, Stack,
} from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { userDecisionsCovering } from './acknowledge-user-decisions';
import { CfnTemplate, controlTowerException } from './control-tower-controls';

/** The npm package of the AWS Control Tower rules (`cdklabs.cdk-validator-cfnguard` on PyPI). @internal */
export const CONTROL_TOWER_PACKAGE = '@cdklabs/cdk-validator-cfnguard';

/**
 * Runs an AWS Control Tower validator (a `CfnGuardValidator` of `@cdklabs/cdk-validator-cfnguard`) over
 * the templates of one scope and reports what it finds there, except the library's documented exceptions
 * (control-tower-controls.ts): AWS's own limits always, a user decision only where the user gave it on
 * the resource's scope or above.
 *
 * @internal
 */
export class ControlTowerPlugin implements IPolicyValidationPlugin {
  public readonly name: string;
  public readonly version?: string;
  public readonly ruleIds?: string[];

  constructor(private readonly validator: IPolicyValidationPluginBeta1, private readonly scope: IConstruct) {
    this.name = validator.name;
    this.version = validator.version;
    this.ruleIds = validator.ruleIds;
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const resources = resourcesUnder(this.scope);
    const templatePaths = context.templatePaths.filter((p) => resources.has(path.basename(p)));
    if (templatePaths.length === 0) {
      return { success: true, violations: [] };
    }
    const report = this.validator.validate({ templatePaths });
    const templates = new Map<string, CfnTemplate>();
    const read = (p: string) => {
      if (!templates.has(p)) {
        templates.set(p, JSON.parse(fs.readFileSync(p, 'utf8')));
      }
      return templates.get(p)!;
    };
    const violations: PolicyViolation[] = [];
    for (const violation of report.violations) {
      const kept = violation.violatingResources.filter((r) => {
        if (r.resourceLogicalId === undefined) {
          return true;
        }
        const element = resources.get(path.basename(r.templatePath))?.get(r.resourceLogicalId);
        if (!element) {
          // A resource of the template outside the scope (the scope is a construct in a larger stack).
          return false;
        }
        return controlTowerException(violation.ruleName, read(r.templatePath), r.resourceLogicalId,
          userDecisionsCovering(element)) === undefined;
      }).map((r) => {
        const element = resources.get(path.basename(r.templatePath))?.get(r.resourceLogicalId);
        return element ? { ...r, constructPath: element.node.path } : r;
      });
      if (kept.length > 0) {
        violations.push({ ...violation, violatingResources: kept });
      }
    }
    return { success: violations.length === 0, violations, metadata: report.metadata };
  }
}

/** The CloudFormation elements under `scope`, by template file name and logical id. */
function resourcesUnder(scope: IConstruct): Map<string, Map<string, CfnElement>> {
  const byTemplate = new Map<string, Map<string, CfnElement>>();
  for (const node of scope.node.findAll()) {
    if (!CfnElement.isCfnElement(node)) {
      continue;
    }
    const stack = Stack.of(node);
    const file = stack.templateFile;
    const elements = byTemplate.get(file) ?? new Map<string, CfnElement>();
    byTemplate.set(file, elements);
    elements.set(stack.resolve(node.logicalId), node);
  }
  return byTemplate;
}

/**
 * The Control Tower validator of the installed `@cdklabs/cdk-validator-cfnguard` (Node.js apps), or
 * undefined when it is not installed. Python and Java apps pass their own instance: the jsii runtime
 * cannot load a package that pip or Maven installed.
 *
 * @internal
 */
export function discoverControlTowerValidator(): IPolicyValidationPluginBeta1 | undefined {
  let module: { CfnGuardValidator: new () => IPolicyValidationPluginBeta1 };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    module = require(CONTROL_TOWER_PACKAGE);
  } catch {
    return undefined;
  }
  return new module.CfnGuardValidator();
}
