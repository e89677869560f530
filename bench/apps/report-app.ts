/// One measured synth of the report benchmark, in a fresh process: the example app (examples/app.ts, its 13
/// reference workloads with cdk.json's context), with the blueprint report on or off.
/// Usage: report-app.ts <on|off> <outdir>
/// Prints {"ms": <construct + synth time>, "reportMs": <time in the report writer>, "functions": <count>}.
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { acknowledgeUserDecisions, REFERENCE_WORKLOADS } from '../../examples/reference-workloads';
import { Blueprints } from '../../src';
import * as reader from '../../src/report/private/read-report';
import * as writer from '../../src/report/private/write-report';

const [mode, outdir] = process.argv.slice(2);
if (mode !== 'on' && mode !== 'off') {
  throw new Error(`report-app.ts <on|off> <outdir>: got '${mode}'`);
}
const repo = path.resolve(__dirname, '..', '..');
const context = JSON.parse(fs.readFileSync(path.join(repo, 'cdk.json'), 'utf8')).context;

// The time spent inside the report (reading the assembly into the model, writing both files).
let reportMs = 0;
function timed<F extends (...args: any[]) => any>(f: F): F {
  return ((...args: any[]) => {
    const t = performance.now();
    try {
      return f(...args);
    } finally {
      reportMs += performance.now() - t;
    }
  }) as F;
}
(reader as { readReportModel: typeof reader.readReportModel }).readReportModel = timed(reader.readReportModel);
(writer as { writeReportFiles: typeof writer.writeReportFiles }).writeReportFiles = timed(writer.writeReportFiles);

const t0 = performance.now();
// The workloads are BlueprintStacks (each asks for the report): the app-wide context switch turns it off.
const app = new App({ outdir, context: { ...context, 'cdk-lambda-blueprints.report': mode === 'on' } });
acknowledgeUserDecisions(app);
const env = { account: '123456789012', region: 'us-east-1' };
for (const workload of REFERENCE_WORKLOADS) {
  workload.build(app, env);
}
Blueprints.applyTo(app, { nagPacks: [], dashboard: false, hardenPlainFunctions: false, resourceBudget: false });
app.synth();
const ms = performance.now() - t0;
const report = path.join(outdir, 'blueprints.json');
const functions = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')).summary.functions : 0;
console.log(JSON.stringify({ ms, reportMs, functions }));
