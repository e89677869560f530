/// `npm run bench -- python [--smoke]`: N = 1, 10, 20 Python functions sharing one requirements file
/// with compiled dependencies (pydantic-core, ujson), installed for arm64 and the newest Python
/// runtime with FunctionCode.fromPythonProject (one install, cached) and with a per-function
/// `pip install --platform ... --target` (what each function costs without sharing), each with a
/// cold cache (empty pip cache, empty library cache) and a warm one (both filled by an earlier run).
/// Each measurement runs in a fresh process. Last line: `python speedup: <x>x` (per-function / ours,
/// N = 20, warm). `--smoke` (for CI): N = 1, warm caches only, one repetition, ujson alone: about
/// 15 s, most of it two pip runs.
import * as fs from 'fs';
import * as path from 'path';
import { freshDir, median, OUT, printTable, ratio, runApp, sec, SMOKE } from './lib/measure';

/** Pinned (the benchmark must not move with new releases); compiled: pydantic-core and ujson. */
const REQUIREMENTS = [
  'pydantic==2.12.5',
  'pydantic-core==2.41.5',
  'annotated-types==0.8.0',
  'typing-extensions==4.16.0',
  'typing-inspection==0.4.5',
  'ujson==5.11.0',
];

/** The smoke run's requirements: one small compiled package. */
const SMOKE_REQUIREMENTS = ['ujson==5.11.0'];

function writeProjects(dir: string, n: number, requirements: string[]): void {
  for (let i = 0; i < n; i++) {
    const fn = path.join(dir, `fn${i}`);
    fs.mkdirSync(fn, { recursive: true });
    fs.writeFileSync(path.join(fn, 'requirements.txt'), `${requirements.join('\n')}\n`);
    fs.writeFileSync(path.join(fn, 'index.py'), [
      'import ujson',
      '',
      'def handler(event, context):',
      `    return ujson.dumps({"function": ${i}, "id": event.get("id")})`,
      '',
    ].join('\n'));
  }
}

export function benchPython(): void {
  const smoke = SMOKE || process.argv.includes('--smoke');
  const sizes = smoke ? [1] : [1, 10, 20];
  const requirements = smoke ? SMOKE_REQUIREMENTS : REQUIREMENTS;
  // Ours is cheap to repeat; a per-function run at N = 20 is 20 pip runs, so it is measured once there.
  const repsOf = (impl: string, n: number) => (smoke ? 1 : impl === 'ours' ? 3 : n >= 10 ? 1 : 2);
  const projects = freshDir('python', 'projects');
  writeProjects(projects, Math.max(...sizes), requirements);
  const warmPip = freshDir('python', 'pip-cache-warm');
  const impls = [
    { name: 'ours', label: 'fromPythonProject (shared, cached)' },
    { name: 'per-function', label: 'per-function pip install --target' },
  ];
  const results: { [key: string]: { [n: number]: number } } = {};
  const installs: { [key: string]: { [n: number]: number } } = {};
  const record = (key: string, n: number, ms: number[], count: number) => {
    (results[key] ??= {})[n] = median(ms);
    (installs[key] ??= {})[n] = count;
    process.stderr.write(`  ${key}, N=${n}: ${sec(results[key][n])} s, ${count} installs\n`);
  };
  for (const n of sizes) {
    for (const impl of impls) {
      const reps = repsOf(impl.name, n);
      // Cold: nothing cached anywhere (a fresh pip cache, a fresh library cache). One run per rep.
      const cold: number[] = [];
      let coldInstalls = 0;
      for (let rep = 0; rep < (smoke ? 0 : reps); rep++) {
        const pipCache = freshDir('python', `pip-cache-cold-${impl.name}-${n}-${rep}`);
        const libCache = freshDir('python', `cache-cold-${impl.name}-${n}-${rep}`);
        const r = runApp('python-app.ts', [impl.name, String(n), projects, freshDir('python', 'cdk.out'), libCache], { PIP_CACHE_DIR: pipCache });
        cold.push(r.ms as number);
        coldInstalls = r.installs as number;
      }
      if (!smoke) {
        record(`${impl.name} cold`, n, cold, coldInstalls);
      }
      // Warm: pip's cache filled, and (for ours) the library cache filled by a first, unmeasured synth
      // (pip's cache is shared by both implementations, so the per-function runs find it filled too).
      const libCache = freshDir('python', `cache-warm-${impl.name}-${n}`);
      if (impl.name === 'ours') runApp('python-app.ts', [impl.name, String(n), projects, freshDir('python', 'cdk.out'), libCache], { PIP_CACHE_DIR: warmPip });
      const warm: number[] = [];
      let warmInstalls = 0;
      for (let rep = 0; rep < reps; rep++) {
        const r = runApp('python-app.ts', [impl.name, String(n), projects, freshDir('python', 'cdk.out'), libCache], { PIP_CACHE_DIR: warmPip });
        warm.push(r.ms as number);
        warmInstalls = r.installs as number;
      }
      record(`${impl.name} warm`, n, warm, warmInstalls);
    }
  }
  console.log(`\nPython packaging + synth time (s, median; each run a fresh process; ${requirements.join(', ')}; arm64, the newest Python runtime)\n`);
  const keys = impls.flatMap((i) => (smoke ? [`${i.name} warm`] : [`${i.name} cold`, `${i.name} warm`]));
  printTable(['implementation', ...sizes.map((n) => `N=${n}`), `installs (N=${Math.max(...sizes)})`], keys.map((key) => [
    key.replace(/^ours/, impls[0].label).replace(/^per-function/, impls[1].label),
    ...sizes.map((n) => sec(results[key][n])),
    installs[key][Math.max(...sizes)],
  ]));
  console.log('');
  for (const n of sizes) {
    const cold = smoke ? '' : `${ratio(results['per-function cold'][n], results['ours cold'][n])}x cold, `;
    console.log(`N=${n}: per-function / ours = ${cold}${ratio(results['per-function warm'][n], results['ours warm'][n])}x warm`);
  }
  fs.rmSync(path.join(OUT, 'python', 'cdk.out'), { recursive: true, force: true });
  const top = Math.max(...sizes);
  console.log(`python speedup: ${ratio(results['per-function warm'][top], results['ours warm'][top])}x`);
}
