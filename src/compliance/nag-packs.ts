import { AspectPriority, Aspects, IAspect, IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, Validations } from 'aws-cdk-lib';
import {
  AwsSolutionsChecks,
  HIPAASecurityChecks,
  NagPack,
  NIST80053R5Checks,
  PCIDSS321Checks,
  ServerlessChecks,
} from 'cdk-nag';
import { IConstruct } from 'constructs';

/**
 * A cdk-nag rule pack the library can check a scope against.
 */
export enum NagPackName {
  /** AWS Solutions (`AwsSolutions-*`). */
  AWS_SOLUTIONS = 'AWS_SOLUTIONS',
  /** Serverless (`Serverless-*`). */
  SERVERLESS = 'SERVERLESS',
  /** HIPAA Security (`HIPAA.Security-*`). */
  HIPAA_SECURITY = 'HIPAA_SECURITY',
  /** NIST 800-53 rev 5 (`NIST.800.53.R5-*`). */
  NIST_800_53_R5 = 'NIST_800_53_R5',
  /** PCI DSS 3.2.1 (`PCI.DSS.321-*`). */
  PCI_DSS_321 = 'PCI_DSS_321',
}

/**
 * The default packs of `Blueprints.applyTo` and `BlueprintStack`: the general ones. The regulatory
 * packs (HIPAA, NIST, PCI) ask for decisions only the user can make (VPC, reserved concurrency,
 * replication, backup plans), so they are opt-in. @internal
 */
export const DEFAULT_NAG_PACKS: NagPackName[] = [NagPackName.AWS_SOLUTIONS, NagPackName.SERVERLESS];

/** Every pack. @internal */
export const ALL_NAG_PACKS: NagPackName[] = [
  NagPackName.AWS_SOLUTIONS, NagPackName.SERVERLESS, NagPackName.HIPAA_SECURITY,
  NagPackName.NIST_800_53_R5, NagPackName.PCI_DSS_321,
];

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

/**
 * Applies one cdk-nag pack to `scope` the way the installed cdk-nag line expects.
 *
 * cdk-nag 3.x packs are policy-validation plugins (they have `validateScope`), registered here through
 * {@link ScopedNagPlugin}. cdk-nag 2.x packs are Aspects (they have `visit`) that report findings as
 * annotations at synth, so they are added with `Aspects.of(scope).add`. The line is told apart by the
 * pack object itself, so the library works with whichever cdk-nag the app installed.
 *
 * @internal
 */
export function applyNagPack(scope: IConstruct, pack: NagPack | IAspect): void {
  if (isValidationPack(pack)) {
    Validations.of(scope).addPlugins(new ScopedNagPlugin(pack, scope));
  } else if (isAspectPack(pack)) {
    // Read-only: after the aspects that change the tree (the hardening of plain functions).
    Aspects.of(scope).add(pack, { priority: AspectPriority.READONLY });
  } else {
    throw new Error(`cdk-nag pack ${(pack as any).constructor?.name} is neither a cdk-nag 3 validation plugin nor a cdk-nag 2 Aspect: install cdk-nag 2.x or 3.x`);
  }
}

/** Whether `pack` is a cdk-nag 3.x pack (a policy-validation plugin). @internal */
export function isValidationPack(pack: unknown): pack is NagPack {
  return typeof (pack as NagPack | undefined)?.validateScope === 'function';
}

/** Whether `pack` is a cdk-nag 2.x pack (an Aspect). @internal */
export function isAspectPack(pack: unknown): pack is IAspect {
  return typeof (pack as IAspect | undefined)?.visit === 'function';
}

/**
 * Runs one cdk-nag pack over one scope as a policy-validation plugin. cdk-nag 3.0.2's own
 * `validate(context)` needs `appConstruct` on the context, which aws-cdk-lib 2.257 does not provide
 * (the plugin then fails every synth with "NagPack requires a construct tree"); this wrapper walks the
 * scope itself with `validateScope`, which also limits the pack to the scope it was applied to.
 *
 * @internal
 */
export class ScopedNagPlugin implements IPolicyValidationPlugin {
  public readonly name: string;
  public readonly version?: string;

  constructor(private readonly pack: NagPack, private readonly scope: IConstruct) {
    this.name = pack.name;
    this.version = pack.version;
  }

  public validate(_context: IPolicyValidationContext): PolicyValidationPluginReport {
    return this.pack.validateScope(this.scope);
  }
}
