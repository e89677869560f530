/// Benchmark runner: `npm run bench -- <bundling|synth|coldstart|python|all> [--smoke]` (flags go to the benchmarks).
import { benchBundling } from './bundling';
import { benchColdstart } from './coldstart';
import { benchPython } from './python';
import { benchSynth } from './synth';

const BENCHMARKS: { [name: string]: () => void } = {
  bundling: benchBundling,
  synth: benchSynth,
  coldstart: benchColdstart,
  python: benchPython,
};

const names = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (names.length === 0 || names.some((n) => n !== 'all' && !BENCHMARKS[n])) {
  console.error(`usage: npm run bench -- <${[...Object.keys(BENCHMARKS), 'all'].join('|')}>`);
  process.exit(2);
}
for (const name of names.includes('all') ? Object.keys(BENCHMARKS) : names) {
  console.log(`\n=== ${name} ===`);
  BENCHMARKS[name]();
}
