import * as fs from 'fs';
import * as path from 'path';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { UserDecisions } from '../../src';
import { CfnTemplate, controlIdOf, controlTowerException } from '../../src/compliance/private/control-tower-controls';
import { USER_DECISION_FINDINGS } from '../../src/compliance/private/user-decision-findings';

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
  /** The documented exception that covers it (the decisions of {@link DECISIONS_TAKEN} counted as given), if any. */
  readonly exception?: string;
}

/**
 * The user decisions counted as given over the integ snapshots and the example app: every one, except a
 * shorter log retention, which none of them asks for (so a library default below one year is a finding).
 */
export const DECISIONS_TAKEN: UserDecisions = Object.fromEntries(USER_DECISION_FINDINGS
  .filter((d) => d.property !== 'shortLogRetention')
  .map((d) => [d.property, 'counted as given by the Control Tower snapshot test']));

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
      if (r.resourceLogicalId === undefined) {
        // cfn-guard also reports a failed KMS key rule once per template without a resource (the key's own
        // finding, with its logical id, is kept).
        continue;
      }
      if (!templates.has(r.templatePath)) {
        templates.set(r.templatePath, JSON.parse(fs.readFileSync(r.templatePath, 'utf8')));
      }
      const template = templates.get(r.templatePath)!;
      const exception = controlTowerException(violation.ruleName, template, r.resourceLogicalId, DECISIONS_TAKEN);
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
