import { acknowledgementsOf } from './acknowledgements';
import { alarmsOf } from './alarms';
import { AssemblyManifest, AssemblyStack, readAssemblyStacks } from './assembly-reader';
import { eventPathsOf } from './event-paths';
import { functionsOf } from './functions';
import { messagesOf } from './messages';
import { nagPacksOf, pluginFindingsOf, PluginResults } from './nag-results';
import { compare } from './order';
import { PluginFindings, ReportModel, StackReport } from './report-model';
import { stackCostOf } from './stack-cost';
import { summaryOf } from './summary';
import { gapsOf, warningsOf } from './warnings';

/**
 * The report model of the cloud assembly in `assemblyDir` (its `manifest.json`, templates, stack metadata,
 * `tree.json` and `<stack>.cost.json` files; nested assemblies of Stages included).
 *
 * @param assemblyDir the cloud assembly directory (`cdk.out`)
 * @param plugins the cdk-nag 3 packs that ran at this synth, with their findings (empty from the CLI: it reads
 *                the validation report in the assembly when aws-cdk-lib wrote one)
 * @param manifest the assembly's manifest when it is not written yet (at synth), else read from `manifest.json`
 * @internal
 */
export function readReportModel(assemblyDir: string, plugins: PluginFindings[] = [], manifest?: AssemblyManifest): ReportModel {
  const pluginFindings = pluginFindingsOf(assemblyDir, plugins);
  const stacks = readAssemblyStacks(assemblyDir, manifest)
    .map((stack) => stackReport(assemblyDir, stack, pluginFindings))
    .sort((a, b) => compare(a.id, b.id));
  return {
    schemaVersion: 1,
    generator: 'cdk-lambda-blueprints',
    summary: summaryOf(stacks),
    stacks,
  };
}

function stackReport(assemblyDir: string, stack: AssemblyStack, plugins: PluginResults): StackReport {
  const index = stack.index;
  const alarms = alarmsOf(index);
  const functions = functionsOf(index, alarms, stack.assetObjectKeys);
  const paths = eventPathsOf(stack.id, index, functions);
  const messages = messagesOf(stack);
  const acks = acknowledgementsOf(stack);
  const cost = stackCostOf(stack);
  return {
    id: stack.id,
    displayName: stack.displayName,
    environment: stack.environment,
    templates: stack.templates.map((t) => t.file),
    // The CLI adds AWS::CDK::Metadata (version reporting) and an in-process synth does not: not the app's resource.
    resources: index.resources().filter((r) => r.type !== 'AWS::CDK::Metadata').length,
    functions,
    eventPaths: [...paths.eventPaths].sort((a, b) => compare(a.id, b.id)),
    alarms: alarms.map((a) => a.report),
    acknowledgements: acks.library,
    userDecisions: acks.user,
    nagPacks: nagPacksOf(assemblyDir, stack, messages, acks, plugins),
    gaps: gapsOf(paths.gaps, paths.eventPaths, messages),
    warnings: warningsOf(messages),
    ...(cost ? { cost } : {}),
  };
}
