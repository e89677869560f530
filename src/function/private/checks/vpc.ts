import { ErrorCodes } from '../../../validation/error-codes';
import { Validator } from '../../../validation/validator';
import { checkSecurityGroupCount } from '../../function-vpc';
import { ServerlessFunctionOptions } from '../../serverless-function-props';

/**
 * The VPC settings that need no subnet lookup: `vpcSubnets` and `securityGroups` without `vpc`, and
 * the number of security groups.
 *
 * @internal
 */
export function validateVpcOptions(v: Validator, props: ServerlessFunctionOptions): void {
  for (const [property, value] of [['vpcSubnets', props.vpcSubnets], ['securityGroups', props.securityGroups]] as const) {
    v.failIf(value !== undefined && props.vpc === undefined, {
      code: ErrorCodes.LBP_VPC_REQUIRED,
      property,
      value: 'set without vpc',
      limit: `${property} only applies to a function attached to a VPC: without vpc it would be silently ignored`,
      fix: `pass vpc as well, or remove ${property}`,
    });
  }
  checkSecurityGroupCount(v, props.securityGroups);
}
