/// One measured synth of the bundling benchmark, in a fresh process.
/// Usage: bundling-app.ts <ours|ours-hardened|nodejs|floor> <N> <srcDir> <outdir> [<prebuilt bundles dir, for floor>]
/// Prints {"ms": <construct + bundle + synth time>, "functions": N}.
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import { FunctionCode, LatestRuntime, ServerlessFunction } from '../../src';

const [impl, nArg, srcDir, outdir, prebuilt] = process.argv.slice(2);
const n = Number(nArg);
const repo = path.resolve(__dirname, '..', '..');
const entries = Array.from({ length: n }, (_, i) => path.join(srcDir, `fn${i}.ts`));
const runtime = LatestRuntime.NODEJS;

const t0 = performance.now();
const app = new App({ outdir });
const stack = new Stack(app, 'BundlingBench', { env: { account: '123456789012', region: 'us-east-1' } });

if (impl === 'ours') {
  entries.forEach((entry, i) => {
    const code = FunctionCode.fromNodejsEntry(entry).bind(stack, lambda.Architecture.X86_64);
    new lambda.Function(stack, `Fn${i}`, { code: code.code, handler: code.handler!, runtime });
  });
} else if (impl === 'ours-hardened') {
  entries.forEach((entry, i) => new ServerlessFunction(stack, `Fn${i}`, { code: FunctionCode.fromNodejsEntry(entry) }));
} else if (impl === 'nodejs') {
  entries.forEach((entry, i) => new nodejs.NodejsFunction(stack, `Fn${i}`, {
    entry, runtime, depsLockFilePath: path.join(repo, 'package-lock.json'), projectRoot: repo,
  }));
} else if (impl === 'floor') {
  // The physical floor: one esbuild run over all entries (in memory, as ours), plus the synth of N bare
  // functions whose assets are those bundles (written to disk beforehand, by the parent process).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild');
  const options = {
    entryPoints: Object.fromEntries(entries.map((e, i) => [`fn${i}/index`, e])),
    outdir: prebuilt!,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    absWorkingDir: repo,
    logLevel: 'silent',
  };
  esbuild.buildSync({ ...options, write: false });
  entries.forEach((_, i) => new lambda.Function(stack, `Fn${i}`, {
    code: lambda.Code.fromAsset(path.join(prebuilt!, `fn${i}`)), handler: 'index.handler', runtime,
  }));
} else {
  throw new Error(`unknown implementation ${impl}`);
}
app.synth();
const ms = performance.now() - t0;
const functions = Object.values(JSON.parse(fs.readFileSync(path.join(outdir, 'BundlingBench.template.json'), 'utf8')).Resources)
  .filter((r: any) => r.Type === 'AWS::Lambda::Function').length;
console.log(JSON.stringify({ ms, functions }));
