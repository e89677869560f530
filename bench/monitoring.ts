/// `npm run bench -- monitoring`: the idle monitoring cost per function of N default functions (a
/// FunctionGroup), with per-function alarms and with fleet alarms, each read from the cost report the
/// library writes at synth (<stack>.cost.json), never computed here. N = 60 and 300 (3 in smoke mode).
import { freshDir, printTable, runApp, SMOKE } from './lib/measure';

/** The function counts measured, the first the one the summary line names. */
const SIZES = SMOKE ? [3] : [60, 300];
const MODES = ['PER_FUNCTION', 'FLEET'] as const;

interface Report {
  readonly perFunction: { functions: number; monitoringMonthlyUsd: number; unverifiedMonitoringMonthlyUsd: number };
  readonly alarms: { standard: number; highResolution: number; metrics: number };
  readonly insightsAlarms: { alarms: number; metricsAnalyzed: number };
  readonly perSignal: { signal: string; perFunctionUsd: number; verified: boolean }[];
}

/** Verified plus (at most) unverified alarm cost per function, as the report states them. */
function perFunctionUsd(r: Report): number {
  return r.perFunction.monitoringMonthlyUsd + r.perFunction.unverifiedMonitoringMonthlyUsd;
}

export function benchMonitoring(): void {
  const results = new Map<string, Report>();
  for (const n of SIZES) {
    for (const mode of MODES) {
      const outdir = freshDir('monitoring', `${mode}-${n}`);
      results.set(`${mode}-${n}`, runApp('monitoring-app.ts', [mode, String(n), outdir]) as unknown as Report);
    }
  }
  printTable(
    ['functions', 'mode', 'standard alarms', 'alarm metrics', 'Metrics Insights alarms', 'metrics analyzed', 'verified USD/fn', 'unverified USD/fn (at most)', 'USD/fn'],
    SIZES.flatMap((n) => MODES.map((mode) => {
      const r = results.get(`${mode}-${n}`)!;
      return [n, mode, r.alarms.standard + r.alarms.highResolution, r.alarms.metrics, r.insightsAlarms.alarms, r.insightsAlarms.metricsAnalyzed,
        r.perFunction.monitoringMonthlyUsd.toFixed(2), r.perFunction.unverifiedMonitoringMonthlyUsd.toFixed(2), perFunctionUsd(r).toFixed(2)];
    })),
  );
  const first = SIZES[0];
  console.log(`\nper signal at ${first} functions (USD per function a month; * = unverified rate, in no total):`);
  for (const mode of MODES) {
    const r = results.get(`${mode}-${first}`)!;
    console.log(`  ${mode}: ${r.perSignal.map((s) => `${s.signal} ${s.perFunctionUsd.toFixed(2)}${s.verified ? '' : '*'}`).join('; ')}`);
  }
  const fleet = results.get(`FLEET-${first}`)!;
  const perFunction = results.get(`PER_FUNCTION-${first}`)!;
  console.log(`monitoring: ${perFunctionUsd(fleet).toFixed(2)} USD per function a month at ${first} functions (per-function alarms ${perFunctionUsd(perFunction).toFixed(2)})`);
}
