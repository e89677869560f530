import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { ErrorCodes } from '../validation/error-codes';
import { Validator } from '../validation/validator';

/** Lambda's VpcConfig limits (API reference: SubnetIds at most 16 items, SecurityGroupIds at most 5). */
const MAX_SUBNETS = 16;
const MAX_SECURITY_GROUPS = 5;

/**
 * Checks the number of security groups a function is given against Lambda's VpcConfig limit.
 *
 * @internal
 */
export function checkSecurityGroupCount(v: Validator, securityGroups: readonly unknown[] | undefined): void {
  v.failIf(Array.isArray(securityGroups) && securityGroups.length > MAX_SECURITY_GROUPS, {
    code: ErrorCodes.LBP_VPC_CONFIG,
    property: 'securityGroups',
    value: `${securityGroups?.length} security groups`,
    limit: `a function in a VPC has at most ${MAX_SECURITY_GROUPS} security groups (VpcConfig.SecurityGroupIds)`,
    fix: 'merge rules into fewer security groups, or leave securityGroups unset for one the library creates',
  });
}

/**
 * Resolves the subnets a function attaches to, refusing public ones: Lambda gives its network
 * interfaces no public IP, so a function in a public subnet has no internet access at all.
 *
 * @internal
 */
export function selectPrivateSubnets(
  v: Validator,
  vpc: ec2.IVpc,
  selection: ec2.SubnetSelection | undefined,
): ec2.SubnetSelection | undefined {
  const wanted = selection ?? defaultPrivateSelection(vpc);
  if (!wanted) {
    v.fail({
      code: ErrorCodes.LBP_PUBLIC_SUBNET,
      property: 'vpc',
      value: `${vpc.node.path} (no private subnets)`,
      limit: 'a function must run in private subnets; Lambda network interfaces get no public IP',
      fix: 'add private subnets (with a NAT gateway or VPC endpoints) to the VPC, or pass a VPC that has them',
    });
    return undefined;
  }
  const selected = vpc.selectSubnets(wanted);
  v.failIf(selected.subnetIds.length > MAX_SUBNETS, {
    code: ErrorCodes.LBP_VPC_CONFIG,
    property: 'vpcSubnets',
    value: `a selection of ${selected.subnetIds.length} subnets`,
    limit: `Lambda attaches a function to at most ${MAX_SUBNETS} subnets (VpcConfig.SubnetIds)`,
    fix: 'select fewer subnets, e.g. one private subnet per Availability Zone ({ subnetType: SubnetType.PRIVATE_WITH_EGRESS, onePerAz: true })',
  });
  if (selected.hasPublic) {
    v.fail({
      code: ErrorCodes.LBP_PUBLIC_SUBNET,
      property: 'vpcSubnets',
      value: 'a selection with public subnets',
      limit: 'a function must run in private subnets; Lambda network interfaces get no public IP',
      fix: 'select private subnets, e.g. { subnetType: SubnetType.PRIVATE_WITH_EGRESS }',
    });
  }
  return wanted;
}

function defaultPrivateSelection(vpc: ec2.IVpc): ec2.SubnetSelection | undefined {
  if (vpc.privateSubnets.length > 0) {
    return { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
  }
  if (vpc.isolatedSubnets.length > 0) {
    return { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
  }
  return undefined;
}
