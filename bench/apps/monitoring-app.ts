/// One synth of the monitoring benchmark, in a fresh process (bundling excluded).
/// Usage: monitoring-app.ts <FLEET|PER_FUNCTION> <N> <outdir>
/// N default ServerlessFunctions in a FunctionGroup (one shard per 25 functions) in a stack with the
/// cost report on (no dashboard, no cdk-nag), in the given monitoring mode. Prints the stack's cost
/// report as the library wrote it to <outdir>/MonitoringBench.cost.json (last stdout line, JSON).
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Blueprints, FunctionCode, FunctionGroup, MonitoringMode } from '../../src';

const [mode, nArg, outdir] = process.argv.slice(2);
const n = Number(nArg);
if (mode !== MonitoringMode.FLEET && mode !== MonitoringMode.PER_FUNCTION) {
  throw new Error(`unknown monitoring mode ${mode}`);
}
const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
const stack = new Stack(app, 'MonitoringBench', { env: { account: '123456789012', region: 'us-east-1' } });
Blueprints.applyTo(stack, { nagPacks: [], dashboard: false, monitoring: mode });
const group = new FunctionGroup(stack, 'Functions', { shards: Math.max(1, Math.ceil(n / 25)) });
const code = FunctionCode.fromAsset(path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'handler'));
for (let i = 0; i < n; i++) {
  group.addFunction(`Fn${i}`, { code });
}
app.synth();
const report = JSON.parse(fs.readFileSync(path.join(outdir, 'MonitoringBench.cost.json'), 'utf-8'));
console.log(JSON.stringify(report));
