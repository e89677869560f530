import {
  AwsSolutionsChecks,
  HIPAASecurityChecks,
  NIST80053R5Checks,
  PCIDSS321Checks,
  ServerlessChecks,
} from 'cdk-nag';
import { IConstruct } from 'constructs';

/** One finding, flattened for readable assertions. */
export interface Finding {
  readonly pack: string;
  readonly rule: string;
  readonly path: string;
}

/** Every pack the library promises to be clean under. */
export const ALL_PACKS = [
  new AwsSolutionsChecks(),
  new ServerlessChecks(),
  new HIPAASecurityChecks(),
  new NIST80053R5Checks(),
  new PCIDSS321Checks(),
];

/**
 * Runs all five cdk-nag packs over a scope and returns the findings that are not acknowledged.
 */
export function nagFindings(scope: IConstruct): Finding[] {
  const findings: Finding[] = [];
  for (const pack of ALL_PACKS) {
    const report = pack.validateScope(scope as any);
    for (const violation of report.violations) {
      for (const resource of violation.violatingResources ?? []) {
        findings.push({ pack: pack.name, rule: violation.ruleName, path: resource.constructPath ?? resource.resourceLogicalId ?? '?' });
      }
    }
  }
  return findings;
}
