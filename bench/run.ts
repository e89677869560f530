/// Benchmark runner: `npm run bench -- <bundling|synth|coldstart|scale|python|monitoring|report|all|smoke> [--smoke]`. `smoke` runs every
/// benchmark at its smallest size (BENCH_SMOKE=1, read by bench/lib/measure.ts), for CI.
const args = process.argv.slice(2);
if (args.includes('smoke')) {
  process.env.BENCH_SMOKE = '1';
}
/* eslint-disable @typescript-eslint/no-require-imports */
// Loaded after BENCH_SMOKE is set: the drivers read it when their module loads.
const BENCHMARKS: { [name: string]: () => void } = {
  bundling: () => require('./bundling').benchBundling(),
  synth: () => require('./synth').benchSynth(),
  coldstart: () => require('./coldstart').benchColdstart(),
  scale: () => require('./scale').benchScale(),
  python: () => require('./python').benchPython(),
  monitoring: () => require('./monitoring').benchMonitoring(),
  report: () => require('./report').benchReport(),
};
/* eslint-enable @typescript-eslint/no-require-imports */

const names = args.filter((a) => !a.startsWith('--'));
if (names.length === 0 || names.some((n) => n !== 'all' && n !== 'smoke' && !BENCHMARKS[n])) {
  console.error(`usage: npm run bench -- <${[...Object.keys(BENCHMARKS), 'all', 'smoke'].join('|')}>`);
  process.exit(2);
}
for (const name of names.some((n) => n === 'all' || n === 'smoke') ? Object.keys(BENCHMARKS) : names) {
  console.log(`\n=== ${name} ===`);
  BENCHMARKS[name]();
}
