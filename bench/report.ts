/// `npm run bench -- report`: the example app's synth with the blueprint report on and off, runs interleaved
/// (off, on, off, on, ...) each in a fresh process after one warm-up of each (bundling caches filled), so a
/// busy machine moves both sides alike. Prints the medians, the ratio and the report writer's own share.
import { freshDir, median, printTable, ratio, runApp, sec, SMOKE } from './lib/measure';

const REPS = SMOKE ? 1 : 7;

export function benchReport(): void {
  const runs: { [mode: string]: { ms: number; wallMs: number; reportMs: number; functions: number }[] } = { off: [], on: [] };
  for (let rep = -1; rep < REPS; rep++) {
    for (const mode of ['off', 'on']) {
      const r = runApp('report-app.ts', [mode, freshDir('report', `cdk.out-${mode}-${rep}`)]);
      if (rep >= 0 || SMOKE) {
        runs[mode].push({ ms: r.ms as number, wallMs: r.wallMs, reportMs: r.reportMs as number, functions: r.functions as number });
      }
      process.stderr.write(`  report ${mode}, run ${rep}: ${sec(r.ms as number)} s\n`);
    }
  }
  const m = (mode: string, key: 'ms' | 'wallMs' | 'reportMs') => median(runs[mode].map((r) => r[key]));
  console.log(`\nExample app synth (s, median of ${runs.on.length}, interleaved, each in a fresh process)\n`);
  printTable(['report', 'in-process synth', 'whole process', 'in the report writer', 'functions in the report'],
    ['off', 'on'].map((mode) => [mode, sec(m(mode, 'ms')), sec(m(mode, 'wallMs')), sec(m(mode, 'reportMs')), runs[mode][0].functions]));
  const share = (100 * m('on', 'reportMs')) / m('off', 'ms');
  console.log(`\nthe report writer alone: ${share.toFixed(1)} % of the synth without it`);
  console.log(`ratio (whole process, on / off): ${ratio(m('on', 'wallMs'), m('off', 'wallMs'))}x`);
  console.log(`report: ${ratio(m('on', 'ms'), m('off', 'ms'))}x the example app's synth time (report on / off, in-process)`);
}
