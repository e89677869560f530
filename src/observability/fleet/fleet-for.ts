import { IConstruct } from 'constructs';
import { FleetAlarms } from './fleet-alarms';
import { MonitoringMode, monitoringScopeOf } from '../monitoring-mode';

/**
 * The fleet alarms a function created at `fn` joins: those of its nearest monitoring scope when that
 * scope chose `MonitoringMode.FLEET`, else none (per-function alarms, the default).
 *
 * @internal
 */
export function fleetFor(fn: IConstruct): FleetAlarms | undefined {
  const chosen = monitoringScopeOf(fn);
  return chosen?.mode === MonitoringMode.FLEET ? FleetAlarms.forFunction(fn, chosen.scope) : undefined;
}
