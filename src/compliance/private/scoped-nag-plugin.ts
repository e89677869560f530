import { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport } from 'aws-cdk-lib';
import { NagPack } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { INagRun, NagRunFinding, registerNagRun } from '../../report/nag-runs';

/**
 * Runs one cdk-nag pack over one scope as a policy-validation plugin. cdk-nag 3.0.2's own
 * `validate(context)` needs `appConstruct` on the context, which aws-cdk-lib 2.257 does not provide
 * (the plugin then fails every synth with "NagPack requires a construct tree"); this wrapper walks the
 * scope itself with `validateScope`, which also limits the pack to the scope it was applied to. The blueprint
 * report runs the pack earlier in the same synth (`prefetch`): the plugin then returns that result.
 *
 * @internal
 */
export class ScopedNagPlugin implements IPolicyValidationPlugin, INagRun {
  public readonly name: string;
  public readonly version?: string;
  public readonly pack: string;
  private prefetched?: PolicyValidationPluginReport;

  constructor(private readonly nagPack: NagPack, private readonly scope: IConstruct) {
    this.name = nagPack.name;
    this.version = nagPack.version;
    this.pack = nagPack.name;
    registerNagRun(scope, this);
  }

  public validate(_context: IPolicyValidationContext): PolicyValidationPluginReport {
    const report = this.prefetched ?? this.nagPack.validateScope(this.scope);
    this.prefetched = undefined;
    return report;
  }

  public prefetch(): NagRunFinding[] {
    this.prefetched = undefined;
    let report: PolicyValidationPluginReport;
    try {
      report = this.nagPack.validateScope(this.scope);
    } catch {
      // The plugin runs the pack again in aws-cdk-lib's validation, which reports the failure as the pack's.
      return [];
    }
    this.prefetched = report;
    return report.violations.flatMap((v) => v.violatingResources.map((r) => ({
      path: (r as { constructPath?: string }).constructPath ?? r.resourceLogicalId ?? '',
      level: v.severity ?? 'error',
      id: v.ruleName,
      message: v.description,
    })));
  }
}
