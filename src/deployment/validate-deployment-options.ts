import { DeploymentContext, validateDeploymentConfig } from './deployment-config-checks';
import { DeploymentOptions } from './deployment-options';
import { ErrorCodes } from '../validation/error-codes';
import { Validator } from '../validation/validator';

/**
 * The checks of {@link DeploymentOptions} that need no function, run by `ServerlessFunction` before
 * it creates anything (and by the patterns, under `functionOptions.deployment`).
 *
 * @internal
 */
export function validateDeploymentOptions(v: Validator, prefix: string, options: DeploymentOptions, context: DeploymentContext): void {
  validateDeploymentConfig(v, prefix, options, context);
  v.failIf(options.preTrafficHook !== undefined && options.preTrafficHook === options.postTrafficHook, {
    code: ErrorCodes.LBP_DEPLOYMENT_SAME_HOOK,
    property: `${prefix}.postTrafficHook`,
    value: options.postTrafficHook?.node.path ?? '',
    limit: 'CloudFormation names each hook once in the alias update policy and CodeDeploy invokes it for one lifecycle event',
    fix: 'use two functions, or only a preTrafficHook',
  });
}
