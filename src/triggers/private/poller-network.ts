import * as iam from 'aws-cdk-lib/aws-iam';

/**
 * What Lambda's event pollers do in a source's VPC (MSK, self-managed Kafka in a VPC, Amazon MQ,
 * DocumentDB) with the function's execution role: create, describe and delete their network interfaces
 * in the source's subnets and security groups (the ec2 actions of AWSLambdaMSKExecutionRole).
 *
 * @internal
 */
export const POLLER_NETWORK_INTERFACE_ACTIONS: readonly string[] = [
  'ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeVpcs',
  'ec2:DeleteNetworkInterface', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups',
];

/**
 * Grants the pollers' network-interface actions. They take `Resource: *` only, so the statement lands in
 * the role's library-only policy (FunctionRole routes it there; its IAM5 acknowledgement names them).
 *
 * @internal
 */
export function grantPollerNetworkInterfaces(role: iam.IRole): void {
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: [...POLLER_NETWORK_INTERFACE_ACTIONS], resources: ['*'] }));
}
