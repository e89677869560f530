import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { ErrorCodes } from '../validation/error-codes';
import { Validator } from '../validation/validator';

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
      code: ErrorCodes.PUBLIC_SUBNET,
      property: 'vpc',
      value: `${vpc.node.path} (no private subnets)`,
      limit: 'a function must run in private subnets; Lambda network interfaces get no public IP',
      fix: 'add private subnets (with a NAT gateway or VPC endpoints) to the VPC, or pass a VPC that has them',
    });
    return undefined;
  }
  const selected = vpc.selectSubnets(wanted);
  if (selected.hasPublic) {
    v.fail({
      code: ErrorCodes.PUBLIC_SUBNET,
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
