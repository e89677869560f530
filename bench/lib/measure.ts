import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/**
 * Smoke mode (`npm run bench -- smoke`, or BENCH_SMOKE=1): every benchmark at its smallest size and
 * one repetition, so CI notices a benchmark that breaks. Its numbers mean nothing; nothing asserts a time.
 */
export const SMOKE = process.env.BENCH_SMOKE === '1';

/** The repository root. */
export const REPO = path.resolve(__dirname, '..', '..');

/** Scratch space of the benchmarks (gitignored). */
export const OUT = path.join(REPO, 'bench', 'out');

/** A fresh, empty directory under bench/out/. */
export function freshDir(...parts: string[]): string {
  const dir = path.join(OUT, ...parts);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** What a child app reports on its last stdout line, plus the child's wall time (spawn to exit). */
export interface ChildResult {
  readonly wallMs: number;
  readonly [key: string]: unknown;
}

/**
 * Runs a TypeScript app of bench/apps/ in a fresh Node.js process (so every measurement starts cold,
 * like a `cdk synth`), and returns the JSON it printed last, with the process's wall time.
 */
export function runApp(app: string, args: string[], env: { [key: string]: string } = {}): ChildResult {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(REPO, 'bench', 'apps', app), ...args], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, TS_NODE_PROJECT: path.join(REPO, 'tsconfig.check.json'), ...env },
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) {
    throw new Error(`bench/apps/${app} ${args.join(' ')} failed (${child.status}):\n${child.stderr}\n${child.stdout}`);
  }
  const lines = child.stdout.trim().split('\n');
  return { ...JSON.parse(lines[lines.length - 1]), wallMs };
}

/** The median of some numbers. */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Prints a table with aligned columns. */
export function printTable(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(cells[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) {
    console.log(line(r));
  }
}

/** Seconds with 2 decimals. */
export function sec(ms: number): string {
  return (ms / 1000).toFixed(2);
}

/** A ratio with 1 decimal (2 below 10). */
export function ratio(a: number, b: number): string {
  const r = a / b;
  return r >= 10 ? r.toFixed(1) : r.toFixed(2);
}
