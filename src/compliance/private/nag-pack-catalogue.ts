import {
  AwsSolutionsChecks,
  HIPAASecurityChecks,
  NagPack,
  NIST80053R5Checks,
  PCIDSS321Checks,
  ServerlessChecks,
} from 'cdk-nag';
import { NagPackName } from '../nag-packs';

/**
 * The default packs of `Blueprints.applyTo` and `BlueprintStack`: the general ones. The regulatory
 * packs (HIPAA, NIST, PCI) ask for decisions only the user can make (VPC, reserved concurrency,
 * replication, backup plans), so they are opt-in. @internal
 */
export const DEFAULT_NAG_PACKS: NagPackName[] = [NagPackName.AWS_SOLUTIONS, NagPackName.SERVERLESS];

/** A new cdk-nag pack object for a name. @internal */
export function createNagPack(name: NagPackName): NagPack {
  switch (name) {
    case NagPackName.AWS_SOLUTIONS: return new AwsSolutionsChecks();
    case NagPackName.SERVERLESS: return new ServerlessChecks();
    case NagPackName.HIPAA_SECURITY: return new HIPAASecurityChecks();
    case NagPackName.NIST_800_53_R5: return new NIST80053R5Checks();
    case NagPackName.PCI_DSS_321: return new PCIDSS321Checks();
  }
}
