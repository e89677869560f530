import {
  AwsSolutionsChecks,
  HIPAASecurityChecks,
  NIST80053R5Checks,
  PCIDSS321Checks,
  ServerlessChecks,
} from 'cdk-nag';
import { IConstruct } from 'constructs';
import { Blueprints, UserDecisions } from '../../src';

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
 * The decisions a regulated team gives with `Blueprints.acknowledgeUserDecisions` (the library never
 * makes them itself): without them, the regulatory packs report LambdaInsideVPC, LambdaConcurrency,
 * S3BucketReplicationEnabled and DynamoDBInBackupPlan.
 */
export const USER_DECISIONS: UserDecisions = {
  noVpc: 'Test app: the functions reach only AWS service endpoints, no private network.',
  noReservedConcurrency: 'Test app: the account concurrency pool is shared on purpose.',
  noBucketReplication: 'Test app: the objects can be re-created from their sources.',
  noBackupPlan: 'Test app: point-in-time recovery is enough for this data.',
  noWebAcl: 'Test app: no public traffic reaches the test APIs.',
  noApiCache: 'Test app: responses depend on the caller and must not be cached.',
};

const decided = new WeakSet<IConstruct>();

/**
 * Runs all five cdk-nag packs over a scope and returns the findings that are not acknowledged.
 * The app's root first gets the user's decisions (`USER_DECISIONS`, or the ones given; `{}` checks
 * without any), once per app, as a regulated user's app would.
 */
export function nagFindings(scope: IConstruct, decisions: UserDecisions = USER_DECISIONS): Finding[] {
  const root = scope.node.root;
  if (Object.keys(decisions).length > 0 && !decided.has(root)) {
    decided.add(root);
    Blueprints.acknowledgeUserDecisions(root, decisions);
  }
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
