import * as fs from 'fs';
import * as path from 'path';
import { StackAcknowledgements, countPerResource } from './acknowledgements';
import { AssemblyStack, objectOr, readJson } from './assembly-reader';
import { compareMessages, NAG_PACKS, nagPackOf } from './messages';
import { MessageReport, NagPackReport, PluginFindings } from './report-model';
import { Json } from './template-index';
import { NAG_PACK_METADATA } from '../nag-runs';

/**
 * The validation report aws-cdk-lib writes into the assembly: `policy-validation-report.json` (2.257: the plugin's
 * name in `summary.pluginName`, findings in `violatingResources`), `validation-report.json` in newer versions
 * (`pluginName`, findings in `violatingConstructs`).
 */
const VALIDATION_REPORTS = ['validation-report.json', 'policy-validation-report.json'];

/** The results of the cdk-nag 3 packs that ran as validation plugins. @internal */
export interface PluginResults {
  /** The findings by pack. */
  readonly findings: Map<string, MessageReport[]>;
  /** The packs the assembly's validation report lists (they ran, on every stack of the app). */
  readonly listed: Set<string>;
}

/**
 * The findings of the cdk-nag 3 packs that ran as validation plugins: those passed in (at synth), else those of
 * the validation report in the assembly (from the CLI), by pack.
 *
 * @internal
 */
export function pluginFindingsOf(assemblyDir: string, plugins: PluginFindings[]): PluginResults {
  const byPack = new Map<string, MessageReport[]>();
  const listed = new Set<string>();
  for (const plugin of plugins) {
    const findings = plugin.findings.map((f) => ({ ...f, path: f.path.replace(/^\//, '') }));
    byPack.set(plugin.pack, [...(byPack.get(plugin.pack) ?? []), ...findings]);
  }
  const report = VALIDATION_REPORTS.map((file) => readJson(path.join(assemblyDir, file))).find((r) => Array.isArray(r?.pluginReports));
  for (const pluginReport of report?.pluginReports ?? []) {
    const pack = pluginReport?.pluginName ?? pluginReport?.summary?.pluginName;
    if (typeof pack === 'string' && (NAG_PACKS as readonly string[]).includes(pack) && !plugins.some((p) => p.pack === pack)) {
      byPack.set(pack, [...(byPack.get(pack) ?? []), ...violationsOf(pluginReport.violations)]);
      listed.add(pack);
    }
  }
  return { findings: byPack, listed };
}

function violationsOf(violations: Json): MessageReport[] {
  const findings: MessageReport[] = [];
  for (const violation of Array.isArray(violations) ? violations : []) {
    const resources = [violation?.violatingResources, violation?.violatingConstructs].find(Array.isArray) ?? [];
    for (const resource of resources) {
      findings.push({
        path: String(objectOr(resource).constructPath ?? resource?.resourceLogicalId ?? '').replace(/^\//, ''),
        level: typeof violation.severity === 'string' ? violation.severity : 'error',
        ...(typeof violation.ruleName === 'string' ? { id: violation.ruleName } : {}),
        message: typeof violation.description === 'string' ? violation.description : '',
      });
    }
  }
  return findings;
}

/**
 * What each of the five packs said about the stack: its unacknowledged findings (cdk-nag 2 annotations, cdk-nag 3
 * plugin results), whether it ran (findings known, the library's record that it checks the stack, or a cdk-nag 2
 * report file for the stack), and its
 * acknowledgements by the library and by the user.
 *
 * @internal
 */
export function nagPacksOf(assemblyDir: string, stack: AssemblyStack, messages: MessageReport[],
  acks: StackAcknowledgements, plugins: PluginResults): NagPackReport[] {
  return NAG_PACKS.map((pack) => {
    const annotated = messages.filter((m) => m.id !== undefined && nagPackOf(m.id) === pack);
    const fromPlugin = (plugins.findings.get(pack) ?? []).filter((f) => inStack(stack, f.path));
    const ran = annotated.length > 0 || fromPlugin.length > 0 || plugins.listed.has(pack) || recorded(stack, pack)
      || hasNagV2Report(assemblyDir, stack, pack);
    return {
      pack,
      ran,
      unacknowledged: [...annotated, ...fromPlugin].sort(compareMessages),
      acknowledgedByLibrary: countPerResource(acks.library.filter((a) => a.pack === pack)),
      acknowledgedByUser: countPerResource(acks.user.filter((a) => a.pack === pack)),
    };
  });
}

/** Whether the library recorded that the pack checks the stack or a construct in it (`NAG_PACK_METADATA`). */
function recorded(stack: AssemblyStack, pack: string): boolean {
  return [...stack.metadata.values()].some((entries) => entries.some((e) => e.type === NAG_PACK_METADATA && e.data === pack));
}

/** Whether a cdk-nag finding was raised on a resource of the stack (its nested stacks' included). @internal */
export function inStack(stack: AssemblyStack, constructPath: string): boolean {
  return constructPath === stack.constructPath || constructPath.startsWith(`${stack.constructPath}/`);
}

/**
 * cdk-nag 2 writes `<pack>-<stage id>-<stack name>-NagReport.csv|json` into the app's assembly for each stack it
 * checked; the stage of a stack outside any Stage is the App, whose id is empty (`AwsSolutions--MyStack-...`).
 */
function hasNagV2Report(assemblyDir: string, stack: AssemblyStack, pack: string): boolean {
  const stages = stack.stageId !== undefined ? [stack.stageId] : [''];
  return stages.some((stage) => ['csv', 'json'].some((ext) =>
    fs.existsSync(path.join(assemblyDir, `${pack}-${stage}-${stack.stackName}-NagReport.${ext}`))));
}
