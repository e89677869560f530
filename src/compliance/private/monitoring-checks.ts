import { IConstruct } from 'constructs';
import { ServerlessFunction } from '../../function/serverless-function';
import { MonitoringMode, monitoringScopeOf } from '../../observability/monitoring-mode';
import { ErrorCodes } from '../../validation/error-codes';
import { placeNamed } from '../../validation/place';
import { Validator } from '../../validation/validator';

/**
 * Checks that `Blueprints.applyTo(scope, { monitoring })` comes before the scope's functions: a
 * function chooses its alarms when it is constructed, so a mode given later would leave it with
 * alarms of the other mode. Functions already in the mode asked for are fine.
 *
 * @internal
 */
export function checkMonitoringScope(scope: IConstruct, mode: MonitoringMode): void {
  const early = scope.node.findAll().filter((c): c is ServerlessFunction => c instanceof ServerlessFunction
    && (monitoringScopeOf(c)?.mode ?? MonitoringMode.PER_FUNCTION) !== mode);
  const v = new Validator(placeNamed(scope.node.path || '<app>'));
  v.failIf(early.length > 0, {
    code: ErrorCodes.LBP_FLEET_MODE_LATE,
    property: 'monitoring',
    value: `${mode}, given after ${early.length} ServerlessFunction(s) (${early.slice(0, 3).map((f) => f.node.path).join(', ')}${early.length > 3 ? ', ...' : ''}) chose their alarms`,
    limit: 'a function chooses its alarms when it is constructed',
    fix: 'call Blueprints.applyTo before creating the functions (or pass monitoring to the BlueprintStack or FunctionGroup)',
  });
  v.throwIfAny();
}
