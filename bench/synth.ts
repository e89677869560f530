/// `npm run bench -- synth`: a hardened ServerlessFunction against a bare lambda.Function, N = 1, 10,
/// 100 functions in one stack, bundling excluded, each measurement in a fresh process. Prints the
/// ratios (in-process construct + synth time, and the whole process as `cdk synth` would pay it) and
/// the resources each hardened function adds, and the template size of each side (by hand writes the same
/// template content, checked by bench/lib/compare-content.ts).
import { freshDir, median, printTable, ratio, runApp, sec, SMOKE } from './lib/measure';

const SIZES = SMOKE ? [1, 2] : [1, 10, 100];
const REPS = SMOKE ? 1 : 3;
/** The sizes the marginal count (MID - 1 functions) and the ratios (TOP) are read at. */
const MID = SIZES[1];
const TOP = SIZES[SIZES.length - 1];

export function benchSynth(): void {
  const r: { [impl: string]: { [n: number]: { ms: number; wallMs: number; resources: number; kb: number; types: { [t: string]: number } } } } = {};
  for (const n of SIZES) {
    for (const impl of ['bare', 'hand', 'hardened']) {
      const runs = Array.from({ length: REPS }, (_, rep) => runApp('synth-app.ts', [impl, String(n), freshDir('synth', `cdk.out-${impl}-${n}-${rep}`)]));
      (r[impl] ??= {})[n] = {
        ms: median(runs.map((x) => x.ms as number)),
        wallMs: median(runs.map((x) => x.wallMs)),
        resources: runs[0].resources as number,
        kb: runs[0].kb as number,
        types: runs[0].types as { [t: string]: number },
      };
      process.stderr.write(`  ${impl}, N=${n}: ${sec(r[impl][n].ms)} s\n`);
    }
  }
  console.log('\nSynth time (s, median of 3, each in a fresh process; bundling excluded)\n');
  printTable(['N', 'bare', 'by hand', 'hardened', 'hardened/bare', 'hardened/by hand', 'process: hardened/bare', 'process: hardened/by hand', 'resources bare / by hand / hardened'],
    SIZES.map((n) => [
      n,
      sec(r.bare[n].ms), sec(r.hand[n].ms), sec(r.hardened[n].ms),
      `${ratio(r.hardened[n].ms, r.bare[n].ms)}x`, `${ratio(r.hardened[n].ms, r.hand[n].ms)}x`,
      `${ratio(r.hardened[n].wallMs, r.bare[n].wallMs)}x`, `${ratio(r.hardened[n].wallMs, r.hand[n].wallMs)}x`,
      `${r.bare[n].resources} / ${r.hand[n].resources} / ${r.hardened[n].resources}`,
    ]));
  console.log('\n"by hand" is the same hardening written with aws-cdk-lib L2s (same resources and template content): hardened/by hand is');
  console.log('what the library itself costs; hardened/bare mostly measures that a hardened function has more resources.');

  // Resources per function: the marginal count (stack singletons such as the alarm topic and its key excluded).
  const perFn = (impl: string) => (r[impl][MID].resources - r[impl][1].resources) / (MID - 1);
  const perFnTypes: { [t: string]: number } = {};
  for (const [t, c] of Object.entries(r.hardened[MID].types)) {
    const marginal = (c - (r.hardened[1].types[t] ?? 0)) / (MID - 1);
    if (marginal > 0) {
      perFnTypes[t] = marginal;
    }
  }
  const singletons = r.hardened[1].resources - perFn('hardened');
  console.log(`\nresources per function: hardened ${perFn('hardened')}, bare ${perFn('bare')}; `
    + `shared per stack (hardened): ${singletons}`);
  console.log(`per hardened function: ${Object.entries(perFnTypes).sort().map(([t, c]) => `${t.replace('AWS::', '')} x${c}`).join(', ')}`);
  console.log(`synth time per resource (N=${TOP}): bare ${(r.bare[TOP].ms / r.bare[TOP].resources).toFixed(2)} ms, `
    + `hardened ${(r.hardened[TOP].ms / r.hardened[TOP].resources).toFixed(2)} ms`);
  console.log(`template size (N=${TOP}): bare ${r.bare[TOP].kb.toFixed(1)} KB, by hand ${r.hand[TOP].kb.toFixed(1)} KB, hardened ${r.hardened[TOP].kb.toFixed(1)} KB`);
  console.log(`ratio (N=${TOP}, in-process synth): ${ratio(r.hardened[TOP].ms, r.bare[TOP].ms)}x`);
  console.log(`ratio (N=${TOP}, whole process): ${ratio(r.hardened[TOP].wallMs, r.bare[TOP].wallMs)}x`);
  console.log(`ratio hardened / by hand (N=${TOP}, whole process): ${ratio(r.hardened[TOP].wallMs, r.hand[TOP].wallMs)}x`);
  console.log(`ratio hardened / by hand (N=${TOP}, in-process synth): ${ratio(r.hardened[TOP].ms, r.hand[TOP].ms)}x`);
}
