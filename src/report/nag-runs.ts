import { IConstruct } from 'constructs';
import { PluginFindings } from './private/report-model';

/** One finding of a cdk-nag pack: the construct path, `error` or `warning`, the rule id and its text. @internal */
export interface NagRunFinding {
  readonly path: string;
  readonly level: string;
  readonly id: string;
  readonly message: string;
}

/** A cdk-nag 3 pack registered as a validation plugin, run early for the report. @internal */
export interface INagRun {
  /** The pack's name (`AwsSolutions`, ...). */
  readonly pack: string;
  /** Runs the pack now and keeps the result for the validation plugin (it then does not run the pack again). */
  prefetch(): NagRunFinding[];
}

/**
 * The metadata type that records, on each stack (or construct) a cdk-nag pack checks, the pack's name: the report
 * reads from the assembly alone which packs ran, also where they found nothing (aws-cdk-lib's validation report
 * lists only plugins with findings). @internal
 */
export const NAG_PACK_METADATA = 'cdk-lambda-blueprints.nagPack';

const RUNS = new WeakMap<IConstruct, INagRun[]>();

/**
 * Registers a cdk-nag 3 pack of the app whose `scope` it checks. aws-cdk-lib runs validation plugins after the
 * cloud assembly is written and forbids them to change it, so the report (written while the assembly is being
 * synthesized) runs each pack itself, once: the plugin then reports the same result without running it again.
 *
 * @internal
 */
export function registerNagRun(scope: IConstruct, run: INagRun): void {
  const root = scope.node.root;
  RUNS.set(root, [...(RUNS.get(root) ?? []), run]);
}

/** The findings of every cdk-nag 3 pack registered in the app of `root`, merged per pack. @internal */
export function nagRunFindings(root: IConstruct): PluginFindings[] {
  const byPack = new Map<string, NagRunFinding[]>();
  for (const run of RUNS.get(root.node.root) ?? []) {
    byPack.set(run.pack, [...(byPack.get(run.pack) ?? []), ...run.prefetch()]);
  }
  return [...byPack.entries()].map(([pack, findings]) => ({ pack, findings }));
}
