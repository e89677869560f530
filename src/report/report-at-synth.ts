import * as fs from 'fs';
import * as path from 'path';
import { Aspects, attachCustomSynthesis, IAspect, ISynthesisSession, Stack, Stage } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { nagRunFindings } from './nag-runs';
import { readReportModel } from './private/read-report';
import { writeReportFiles } from './private/write-report';

const ATTACHED = new WeakSet<IConstruct>();

/**
 * The context key that turns the report off for a whole app (`cdk synth -c cdk-lambda-blueprints.report=false`),
 * whatever its stacks ask for. @internal
 */
export const REPORT_CONTEXT = 'cdk-lambda-blueprints.report';

/** The construct id of the report writer under the app (it holds no resource). @internal */
export const REPORT_WRITER_ID = 'CdkLambdaBlueprintsReport';

/**
 * Writes the blueprint report of the app that holds `scope` into its cloud assembly at every synth.
 *
 * The report is read from the assembly itself (the same reader as the CLI's), so it must run once every
 * template is written and before aws-cdk-lib's validation plugins (which may not change the assembly). An
 * aspect adds, at synth, a writer as the app's last child: aws-cdk-lib synthesizes the app's children in
 * order (stacks, their templates and metadata, then the tree), so the writer runs after all of them. The
 * assembly's manifest is written after it: the writer passes the stack artifacts it describes instead.
 *
 * @internal
 */
export function reportAtSynth(scope: IConstruct): void {
  const root = scope.node.root;
  if (ATTACHED.has(root)) {
    return;
  }
  ATTACHED.add(root);
  Aspects.of(root).add(new AddReportWriter(root));
}

class AddReportWriter implements IAspect {
  constructor(private readonly root: IConstruct) {}

  public visit(node: IConstruct): void {
    if (node === this.root && Stage.isStage(node) && !node.node.tryFindChild(REPORT_WRITER_ID)) {
      const writer = new Construct(node, REPORT_WRITER_ID);
      attachCustomSynthesis(writer, { onSynthesize: (session) => writeAtSynth(node, session) });
    }
  }
}

function writeAtSynth(root: Stage, session: ISynthesisSession): void {
  const wanted = root.node.tryGetContext(REPORT_CONTEXT);
  if (wanted === false || wanted === 'false') {
    return;
  }
  const outdir = session.outdir;
  try {
    const model = readReportModel(outdir, nagRunFindings(root), { artifacts: artifactsSoFar(session, root, outdir) });
    writeReportFiles(model, outdir);
  } catch (e) {
    // The report describes the app; it never fails its synth. The templates are written: say why there is no page.
    process.stderr.write(`cdk-lambda-blueprints: the blueprint report was not written (${(e as Error).message}); ` +
      `write it with: npx cdk-lambda-blueprints report ${outdir}\n`);
  }
}

/**
 * The artifacts the assembly's manifest will list: the assembly builder's own record when it is readable
 * (aws-cdk-lib's `CloudAssemblyBuilder` keeps them in `artifacts` until it writes `manifest.json`), else
 * described from the tree as aws-cdk-lib describes them (stacks with their template, metadata and asset
 * manifest; nested assemblies of Stages).
 */
function artifactsSoFar(session: ISynthesisSession, root: Stage, outdir: string): Record<string, unknown> {
  const recorded = (session.assembly as unknown as { artifacts?: unknown }).artifacts;
  if (recorded !== null && typeof recorded === 'object' && Object.keys(recorded).length > 0) {
    return recorded as Record<string, unknown>;
  }
  const artifacts: Record<string, unknown> = {};
  const exists = (file: string) => fs.existsSync(path.join(outdir, file));
  for (const child of root.node.findAll()) {
    if (Stack.isStack(child) && !child.nestedStackParent && Stage.of(child) === root) {
      const assets = `${child.artifactId}.assets`;
      if (exists(`${assets}.json`)) {
        artifacts[assets] = { type: 'cdk:asset-manifest', properties: { file: `${assets}.json` } };
      }
      artifacts[child.artifactId] = {
        type: 'aws:cloudformation:stack',
        environment: child.environment,
        properties: { templateFile: child.templateFile },
        dependencies: exists(`${assets}.json`) ? [assets] : undefined,
        additionalMetadataFile: exists(`${child.artifactId}.metadata.json`) ? `${child.artifactId}.metadata.json` : undefined,
        displayName: child.node.path,
      };
    } else if (Stage.isStage(child) && child.parentStage === root) {
      artifacts[child.artifactId] = { type: 'cdk:cloud-assembly', properties: { directoryName: child.artifactId, displayName: child.node.path } };
    }
  }
  return artifacts;
}
