import { AspectPriority, Aspects, IAspect, Stack, Validations } from 'aws-cdk-lib';
import { NagPack } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { ScopedNagPlugin } from './scoped-nag-plugin';
import { NAG_PACK_METADATA } from '../../report/nag-runs';

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
  // cdk-nag 3 names a pack `name`, cdk-nag 2 `readPackName`.
  const named = pack as { readonly name?: string; readonly readPackName?: string };
  Aspects.of(scope).add(new NagPackRecord(named.name ?? named.readPackName, scope), { priority: AspectPriority.READONLY });
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
 * Records the pack's name as metadata where it checks: on the scope when it is a stack or inside one, else on each
 * top-level stack below it (an App or a Stage), so the blueprint report knows the pack ran there.
 */
class NagPackRecord implements IAspect {
  private readonly inStack: boolean;

  constructor(private readonly pack: string | undefined, private readonly scope: IConstruct) {
    this.inStack = scope.node.scopes.some((c) => Stack.isStack(c));
  }

  public visit(node: IConstruct): void {
    const marks = this.inStack ? node === this.scope : Stack.isStack(node) && !node.nestedStackParent;
    if (marks && this.pack !== undefined) {
      node.node.addMetadata(NAG_PACK_METADATA, this.pack);
    }
  }
}
