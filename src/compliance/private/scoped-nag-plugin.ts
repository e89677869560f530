import { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport } from 'aws-cdk-lib';
import { NagPack } from 'cdk-nag';
import { IConstruct } from 'constructs';

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
