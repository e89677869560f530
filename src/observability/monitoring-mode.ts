import { IConstruct } from 'constructs';

/**
 * How the functions of a scope are alarmed (see docs/fleet-monitoring.md).
 */
export enum MonitoringMode {
  /**
   * Each function has its own combined metric-math alarm over its failure signals (10 alarm metrics
   * for a default function, $1.00 a month at the standard-alarm price).
   */
  PER_FUNCTION = 'PER_FUNCTION',

  /**
   * The scope has one Metrics Insights alarm per signal (and per batch of functions) that reads the
   * signal of every function in scope and names each one as a contributor. A function whose signal
   * is tuned (threshold, period or evaluation) keeps its own alarm for that signal. Metrics Insights
   * alarms are limited to 200 per account and Region, and their price per metric analyzed could not
   * be verified on AWS's pricing page (docs/fleet-monitoring.md).
   */
  FLEET = 'FLEET',
}

const MODES = new WeakMap<IConstruct, MonitoringMode>();

/**
 * Records the monitoring mode of a scope: every ServerlessFunction created below it afterwards reads it.
 *
 * @internal
 */
export function setMonitoringMode(scope: IConstruct, mode: MonitoringMode): void {
  MODES.set(scope, mode);
}

/** The scope whose mode applies to a construct, and the mode (undefined: nobody chose one). @internal */
export interface MonitoringScope {
  readonly scope: IConstruct;
  readonly mode: MonitoringMode;
}

/**
 * The nearest scope (the construct itself or an ancestor) with a monitoring mode.
 *
 * @internal
 */
export function monitoringScopeOf(c: IConstruct): MonitoringScope | undefined {
  for (const scope of [c, ...c.node.scopes.slice(0, -1).reverse()]) {
    const mode = MODES.get(scope);
    if (mode !== undefined) {
      return { scope, mode };
    }
  }
  return undefined;
}
