import { countPerResource } from './acknowledgements';
import { ReportSummary, StackReport } from './report-model';

/**
 * The numbers at the top of the report, summed over its stacks. Costs are rounded to the cent so that the
 * sum does not depend on the order of additions.
 *
 * @internal
 */
export function summaryOf(stacks: StackReport[]): ReportSummary {
  const sum = (of: (s: StackReport) => number): number => stacks.reduce((total, s) => total + of(s), 0);
  const cents = (of: (s: StackReport) => number): number => Math.round(sum(of) * 100) / 100;
  return {
    stacks: stacks.length,
    functions: sum((s) => s.functions.length),
    eventPaths: sum((s) => s.eventPaths.length),
    gaps: sum((s) => s.gaps.length),
    unacknowledgedFindings: sum((s) => s.nagPacks.reduce((n, p) => n + p.unacknowledged.length, 0)),
    libraryAcknowledgements: sum((s) => countPerResource(s.acknowledgements)),
    userDecisions: sum((s) => countPerResource(s.userDecisions)),
    alarms: sum((s) => s.alarms.length),
    monthlyUsd: cents((s) => s.cost?.monthlyUsd ?? 0),
    unverifiedMonthlyUsd: cents((s) => s.cost?.unverifiedMonthlyUsd ?? 0),
    stacksWithoutCost: stacks.filter((s) => s.cost === undefined).length,
  };
}
