import * as fs from 'fs';
import * as path from 'path';
import { Aspects, attachCustomSynthesis, IAspect, ISynthesisSession, Stack, Stage } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { nagRunFindings } from './nag-runs';
import { readReportModel } from './read-report';
import { writeReportFiles } from './write-report';

const ATTACHED = new WeakSet<IConstruct>();

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
  const outdir = session.outdir;
  const model = readReportModel(outdir, nagRunFindings(root), { artifacts: stackArtifacts(root, outdir) });
  writeReportFiles(model, outdir);
}

/**
 * The manifest artifacts of the app's own stacks and nested assemblies (Stages), as aws-cdk-lib writes them
 * after this point: the stack's artifact id, environment, template and metadata file, display name.
 */
function stackArtifacts(root: Stage, outdir: string): Record<string, unknown> {
  const artifacts: Record<string, unknown> = {};
  for (const child of root.node.findAll()) {
    if (Stack.isStack(child) && !child.nestedStackParent && Stage.of(child) === root) {
      const metadataFile = `${child.artifactId}.metadata.json`;
      artifacts[child.artifactId] = {
        type: 'aws:cloudformation:stack',
        environment: child.environment,
        properties: { templateFile: child.templateFile },
        additionalMetadataFile: fs.existsSync(path.join(outdir, metadataFile)) ? metadataFile : undefined,
        displayName: child.node.path,
      };
    } else if (Stage.isStage(child) && child.parentStage === root) {
      artifacts[child.artifactId] = {
        type: 'cdk:cloud-assembly',
        properties: { directoryName: child.artifactId, displayName: child.node.path },
      };
    }
  }
  return artifacts;
}
