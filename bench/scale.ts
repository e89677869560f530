/// `npm run bench -- scale`: 300 hardened functions (the scale app: a FunctionGroup with one nested
/// stack per 25 functions), against 100 of them (linearity) and against the same nested layout and
/// resources written by hand (the library's own cost), each measurement in a fresh process, repetitions
/// interleaved. Last line: `scale: <N> hardened functions in <S> stacks, largest stack <R> resources,
/// <K> KB, synth <T> s`. Smoke mode (BENCH_SMOKE=1): N = 10 and 30, one repetition.
import { freshDir, median, printTable, ratio, runApp, sec, SMOKE } from './lib/measure';

interface Run {
  readonly ms: number;
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly rssMb: number;
  readonly stacks: number;
  readonly largestResources: number;
  readonly largestKb: number;
  readonly resources: number;
  readonly functions: number;
}

export function benchScale(): void {
  const [small, big] = SMOKE ? [10, 30] : [100, 300];
  const reps = SMOKE ? 1 : 5;
  const arms: { impl: string; n: number }[] = [
    { impl: 'hardened', n: small }, { impl: 'hardened', n: big }, { impl: 'hand', n: big },
  ];
  const runs: { [arm: string]: Run[] } = {};
  for (let rep = 0; rep < reps; rep++) {
    for (const { impl, n } of arms) {
      const r = runApp('scale-app.ts', [impl, String(n), freshDir('scale', `cdk.out-${impl}-${n}-${rep}`)]) as unknown as Run;
      if (r.functions !== n) {
        throw new Error(`${impl} synthesized ${r.functions} functions, expected ${n}`);
      }
      (runs[`${impl}-${n}`] ??= []).push(r);
      process.stderr.write(`  ${impl}, N=${n}: ${sec(r.ms)} s, ${r.rssMb.toFixed(0)} MB\n`);
    }
  }
  const med = (arm: string, k: keyof Run) => median(runs[arm].map((r) => r[k] as number));
  console.log(`\nScale: synth of N hardened functions in nested stacks (median of ${reps}, each in a fresh process; bundling excluded)\n`);
  printTable(['app', 'N', 'synth (s)', 'process (s)', 'peak RSS (MB)', 'stacks', 'resources', 'largest stack (resources)', 'largest template (KB)'],
    arms.map(({ impl, n }) => {
      const a = `${impl}-${n}`;
      const first = runs[a][0];
      return [impl === 'hand' ? 'by hand' : 'FunctionGroup', n, sec(med(a, 'ms')), sec(med(a, 'wallMs')), med(a, 'rssMb').toFixed(0),
        first.stacks, first.resources, first.largestResources, first.largestKb];
    }));
  const hb = `hardened-${big}`;
  console.log(`\nlinearity: time(${big}) / time(${small}) = ${ratio(med(hb, 'ms'), med(`hardened-${small}`, 'ms'))}x (linear: ${big / small}x; <= ${(big / small * 1.1).toFixed(1)} expected)`);
  console.log(`library / by hand (N=${big}, in-process synth): ${ratio(med(hb, 'ms'), med(`hand-${big}`, 'ms'))}x (<= 1.1 expected); ` +
    `in CPU time: ${ratio(med(hb, 'cpuMs'), med(`hand-${big}`, 'cpuMs'))}x; whole process: ${ratio(med(hb, 'wallMs'), med(`hand-${big}`, 'wallMs'))}x`);
  const r = runs[hb][0];
  console.log(`scale: ${big} hardened functions in ${r.stacks} stacks, largest stack ${r.largestResources} resources, ${r.largestKb} KB, synth ${sec(med(hb, 'ms'))} s`);
}
