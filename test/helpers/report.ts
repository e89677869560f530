import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { readReportModel } from '../../src/report/private/read-report';
import { PluginFindings, ReportModel, StackReport } from '../../src/report/private/report-model';

/** An app built by `build`, synthesized into a throw-away folder, read into a report model; the folder is removed. */
export function reportOf(build: (app: App) => void, plugins: PluginFindings[] = [], keep?: (outdir: string) => void): ReportModel {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-'));
  try {
    const app = new App({ outdir });
    build(app);
    app.synth();
    keep?.(outdir);
    return readReportModel(outdir, plugins);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** The stack of the model with that id (fails the test when there is none). */
export function stackOf(model: ReportModel, id: string): StackReport {
  const stack = model.stacks.find((s) => s.id === id);
  if (!stack) {
    throw new Error(`no stack ${id} in the report (stacks: ${model.stacks.map((s) => s.id).join(', ')})`);
  }
  return stack;
}
