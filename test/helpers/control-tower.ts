import * as fs from 'fs';
import * as path from 'path';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { CfnTemplate, controlIdOf, controlTowerException } from '../../src/compliance/private/control-tower-controls';

/** One AWS Control Tower finding, flattened for readable assertions. */
export interface ControlTowerFinding {
  /** The control id, e.g. `CT.SQS.PR.1`. */
  readonly control: string;
  /** The cfn-guard rule name. */
  readonly rule: string;
  /** `<folder of the template>/<template file>`. */
  readonly template: string;
  readonly logicalId: string;
  readonly type: string;
  /** The documented exception that covers it (every user decision counted as given), if any. */
  readonly exception?: string;
}

/** The repository root. */
export const ROOT = path.join(__dirname, '..', '..');

/** Every integ snapshot template of the repository (the test stacks and their assertion stacks). */
export function integSnapshotTemplates(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (dir.endsWith('.snapshot') && entry.name.endsWith('.template.json')) {
        found.push(full);
      }
    }
  };
  walk(path.join(ROOT, 'integ'));
  return found.sort();
}

/**
 * Runs every AWS Control Tower rule of `@cdklabs/cdk-validator-cfnguard` over the templates (one
 * cfn-guard process) and returns each finding on each resource.
 */
export function controlTowerFindings(templatePaths: string[]): ControlTowerFinding[] {
  const report = new CfnGuardValidator({ maxBuffer: 256 * 1024 * 1024 }).validate({ templatePaths });
  const templates = new Map<string, CfnTemplate>();
  const findings: ControlTowerFinding[] = [];
  for (const violation of report.violations) {
    for (const r of violation.violatingResources) {
      if (!templates.has(r.templatePath)) {
        templates.set(r.templatePath, JSON.parse(fs.readFileSync(r.templatePath, 'utf8')));
      }
      const template = templates.get(r.templatePath)!;
      const exception = controlTowerException(violation.ruleName, template, r.resourceLogicalId, undefined);
      findings.push({
        control: controlIdOf(violation.description) ?? violation.ruleName,
        rule: violation.ruleName,
        template: `${path.basename(path.dirname(r.templatePath))}/${path.basename(r.templatePath)}`,
        logicalId: r.resourceLogicalId,
        type: template.Resources?.[r.resourceLogicalId]?.Type ?? '(none)',
        exception: exception ? `${exception.kind}: ${exception.decision ?? exception.reason}` : undefined,
      });
    }
  }
  return findings;
}
