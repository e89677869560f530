/// One measured synth of the synth benchmark, in a fresh process (bundling excluded).
/// Usage: synth-app.ts <hardened|hand|bare> <N> <outdir>
/// `hand` writes the hardening a ServerlessFunction applies by hand with aws-cdk-lib L2s (the same
/// resources and template content: role + managed policy, encrypted log group, DLQ with policy, one metric-math
/// alarm, version, alias, the stack's X-Ray policy, key and topic, metadata included; see hand-hardened.ts),
/// so hardened / hand is the library's own overhead and hand / bare the cost of the resources.
/// Prints {"ms": <construct + synth time>, "resources": <count>, "types": {type: count}, "kb": <template size>}.
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { handHardened } from './hand-hardened';
import { FunctionCode, LatestRuntime, ServerlessFunction } from '../../src';

const [impl, nArg, outdir] = process.argv.slice(2);
const n = Number(nArg);
const handlerDir = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'handler');

const t0 = performance.now();
const app = new App({
  outdir,
  context: {
    'aws:cdk:bundling-stacks': [],
    // 100 hardened functions exceed CloudFormation's 500 resources per stack; the benchmark measures synth only.
    '@aws-cdk/core:stackResourceLimit': 0,
  },
});
const stack = new Stack(app, 'SynthBench', { env: { account: '123456789012', region: 'us-east-1' } });
for (let i = 0; i < n; i++) {
  if (impl === 'hardened') {
    new ServerlessFunction(stack, `Fn${i}`, { code: FunctionCode.fromAsset(handlerDir) });
  } else if (impl === 'hand') {
    handHardened(stack, stack, `Fn${i}`, handlerDir);
  } else if (impl === 'bare') {
    new lambda.Function(stack, `Fn${i}`, {
      code: lambda.Code.fromAsset(handlerDir), handler: 'index.handler', runtime: LatestRuntime.NODEJS,
    });
  } else {
    throw new Error(`unknown implementation ${impl}`);
  }
}
app.synth();
const ms = performance.now() - t0;
const template = fs.readFileSync(path.join(outdir, 'SynthBench.template.json'), 'utf8');
const resources = Object.values<any>(JSON.parse(template).Resources);
const types: { [type: string]: number } = {};
for (const r of resources) {
  types[r.Type] = (types[r.Type] ?? 0) + 1;
}
console.log(JSON.stringify({ ms, resources: resources.length, types, kb: Buffer.byteLength(template) / 1024 }));
