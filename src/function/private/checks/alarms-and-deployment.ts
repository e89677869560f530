import { functionRollbackAlarmCount } from '../../../deployment/deployment-config-checks';
import { validateDeploymentOptions } from '../../../deployment/validate-deployment-options';
import { validateAlarmOptions } from '../../../observability/validate-alarm-options';
import { Validator } from '../../../validation/validator';
import { ServerlessFunctionOptions } from '../../serverless-function-props';

/**
 * The alarm options (the dead-letter queue's age alarm too) and the deployment options: checked here
 * once, so the alarms, the queue and the deployment the function builds take them as they are.
 *
 * @internal
 */
export function validateAlarmsAndDeployment(v: Validator, props: ServerlessFunctionOptions): void {
  validateAlarmOptions(v, 'alarms', props.alarms, props.provisionedConcurrency !== undefined);
  if (props.deployment) {
    validateDeploymentOptions(v, 'deployment', props.deployment, {
      scope: v.scope,
      // The duration alarm needs a concrete timeout (the default one is).
      functionAlarmCount: functionRollbackAlarmCount(props.alarms, props.timeout === undefined || !props.timeout.isUnresolved()),
    });
  }
}
