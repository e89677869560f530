/// `npm run bench -- bundling`: N = 1, 10, 50 distinct Node.js entries, bundled and synthesized with
/// FunctionCode.fromNodejsEntry and with aws_lambda_nodejs.NodejsFunction in the same run, each
/// measurement in a fresh process. Last line: `speedup: <x>x` (NodejsFunction / ours, N = 50).
import * as fs from 'fs';
import * as path from 'path';
import { freshDir, median, printTable, ratio, REPO, runApp, sec, SMOKE } from './lib/measure';

const SIZES = SMOKE ? [1] : [1, 10, 50];
/** The largest size: the last line's speedup is measured there. */
const TOP = SIZES[SIZES.length - 1];
const reps = (n: number) => (SMOKE ? 1 : n);

/** N distinct entries sharing a small module (each bundle differs; all need real bundling). */
function writeEntries(dir: string, n: number): void {
  fs.mkdirSync(path.join(dir, 'shared'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'shared', 'respond.ts'), [
    'export interface Response { statusCode: number; body: string }',
    'export function respond(name: string, payload: unknown): Response {',
    '  return { statusCode: 200, body: JSON.stringify({ name, payload, at: Date.now() }) };',
    '}',
    'export function neverUsed(): string { return "tree-shaken"; }',
    '',
  ].join('\n'));
  for (let i = 0; i < n; i++) {
    fs.writeFileSync(path.join(dir, `fn${i}.ts`), [
      "import { respond } from './shared/respond';",
      `const NAME = 'function-${i}';`,
      'export async function handler(event: { id?: string }) {',
      `  const items = Array.from({ length: ${i + 1} }, (_, k) => ({ k, id: event.id ?? NAME }));`,
      '  return respond(NAME, items);',
      '}',
      '',
    ].join('\n'));
  }
}

export function benchBundling(): void {
  const src = freshDir('bundling', 'src');
  writeEntries(src, Math.max(...SIZES));
  // The floor's functions deploy these bundles, written here so that no child starts esbuild early.
  const prebuilt = freshDir('bundling', 'prebuilt');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('esbuild').buildSync({
    entryPoints: Object.fromEntries(Array.from({ length: Math.max(...SIZES) }, (_, i) => [`fn${i}/index`, path.join(src, `fn${i}.ts`)])),
    outdir: prebuilt,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    absWorkingDir: REPO,
    logLevel: 'silent',
  });
  const impls: { name: string; label: string; reps: (n: number) => number }[] = [
    { name: 'nodejs', label: 'NodejsFunction', reps: (n) => reps(n >= 50 ? 1 : 2) },
    { name: 'ours', label: 'fromNodejsEntry (lambda.Function)', reps: () => reps(5) },
    { name: 'ours-hardened', label: 'fromNodejsEntry (ServerlessFunction)', reps: () => reps(5) },
    { name: 'floor', label: 'floor: 1 esbuild run + N bare functions', reps: () => reps(5) },
  ];
  const results: { [impl: string]: { [n: number]: number } } = {};
  for (const n of SIZES) {
    // Repetitions are interleaved across implementations, so a busy moment on the machine hits all alike.
    const times: { [impl: string]: number[] } = {};
    for (let rep = 0; rep < Math.max(...impls.map((i) => i.reps(n))); rep++) {
      for (const impl of impls.filter((i) => rep < i.reps(n))) {
        const out = freshDir('bundling', `cdk.out-${impl.name}-${n}-${rep}`);
        const r = runApp('bundling-app.ts', [impl.name, String(n), src, out, prebuilt]);
        if (r.functions !== n) {
          throw new Error(`${impl.name} synthesized ${r.functions} functions, expected ${n}`);
        }
        (times[impl.name] ??= []).push(r.ms as number);
      }
    }
    for (const impl of impls) {
      (results[impl.name] ??= {})[n] = median(times[impl.name]);
      process.stderr.write(`  ${impl.label}, N=${n}: ${sec(results[impl.name][n])} s\n`);
    }
  }
  console.log('\nBundling + synth time (s, construct to cloud assembly, median; each run in a fresh process)\n');
  printTable(['implementation', ...SIZES.map((n) => `N=${n}`), `per function (N=${TOP})`], impls.map((impl) => [
    impl.label, ...SIZES.map((n) => sec(results[impl.name][n])), `${(results[impl.name][TOP] / TOP).toFixed(0)} ms`,
  ]));
  console.log('');
  for (const n of SIZES) {
    console.log(`N=${n}: NodejsFunction / ours = ${ratio(results.nodejs[n], results.ours[n])}x; `
      + `ours / floor = ${ratio(results.ours[n], results.floor[n])}x; `
      + `NodejsFunction / ours (hardened ServerlessFunction) = ${ratio(results.nodejs[n], results['ours-hardened'][n])}x`);
  }
  console.log(`speedup: ${ratio(results.nodejs[TOP], results.ours[TOP])}x`);
}
