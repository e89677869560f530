import * as path from 'path';
import { AssemblyStack, readJson } from './assembly-reader';
import { StackCost } from './report-model';
import { Json } from './template-index';

/**
 * The idle cost of the stack from the `<artifact id>.cost.json` the library's cost report writes next to its
 * template, or undefined when there is none (cost report off, or not a blueprints stack) or it is unreadable.
 *
 * @internal
 */
export function stackCostOf(stack: AssemblyStack): StackCost | undefined {
  const report = readJson(path.join(stack.dir, `${stack.artifactId}.cost.json`));
  if (report === null || typeof report !== 'object' || typeof report.monthlyUsd !== 'number') {
    return undefined;
  }
  const table = report.priceTable ?? {};
  const line = (l: Json) => ({ item: str(l.item), count: num(l.count), unitUsd: num(l.unitUsd), monthlyUsd: num(l.monthlyUsd) });
  return {
    monthlyUsd: report.monthlyUsd,
    unverifiedMonthlyUsd: num(report.unverifiedMonthlyUsd),
    lines: list(report.lines).map(line),
    unverifiedLines: list(report.unverifiedLines).map(line),
    rates: list(report.rates).map((r) => ({
      item: str(r.item), unitUsd: num(r.unitUsd), url: str(r.url), read: str(r.read), verified: r.verified === true,
    })),
    priceTable: { region: str(table.region), date: str(table.date), currency: str(table.currency) },
  };
}

function list(value: Json): Json[] {
  return Array.isArray(value) ? value.filter((v) => v !== null && typeof v === 'object') : [];
}

function num(value: Json): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function str(value: Json): string {
  return typeof value === 'string' ? value : '';
}
