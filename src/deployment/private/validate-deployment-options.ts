import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';
import { DeploymentOptions } from '../deployment-options';

/**
 * The checks of {@link DeploymentOptions} that need no function, run by `ServerlessFunction` before
 * it creates anything.
 *
 * @internal
 */
export function validateDeploymentOptions(v: Validator, prefix: string, options: DeploymentOptions): void {
  v.failIf(options.preTrafficHook !== undefined && options.preTrafficHook === options.postTrafficHook, {
    code: ErrorCodes.SAME_HOOK,
    property: `${prefix}.postTrafficHook`,
    value: options.postTrafficHook?.node.path ?? '',
    limit: 'CloudFormation names each hook once in the alias update policy and CodeDeploy invokes it for one lifecycle event',
    fix: 'use two functions, or only a preTrafficHook',
  });
}
