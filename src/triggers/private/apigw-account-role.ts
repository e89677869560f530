import { Stack, Token } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { Construct } from 'constructs';
import { acknowledgeResourceWildcards } from '../../acknowledgements/acknowledge';
import { ResourceWildcardAcknowledgement } from '../../acknowledgements/acknowledgements';
import { ManagedPolicyRole } from '../../iam/managed-policy-role';

const ID = 'ApiGatewayCloudWatchRole';

/**
 * The Region's API Gateway CloudWatch Logs role (`AWS::ApiGateway::Account`), once per stack: a role
 * with one customer-managed policy (the AWS managed `AmazonAPIGatewayPushToCloudWatchLogs` would be an
 * AwsSolutions-IAM4 finding).
 *
 * @internal
 */
export function createApiGatewayAccountRole(scope: Construct): { role: iam.IRole; account: apigw.CfnAccount } {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(ID) as Construct | undefined;
  if (existing) {
    return { role: existing.node.findChild('Role') as iam.IRole, account: existing.node.findChild('Account') as apigw.CfnAccount };
  }
  const holder = new Construct(stack, ID);
  // This account's log groups in this Region: literal where the environment is known, pseudo parameters
  // otherwise (whose '::' in the finding id `acknowledge` records for cdk-nag 3 as it is).
  const concrete = !Token.isUnresolved(stack.region) && !Token.isUnresolved(stack.account);
  const partition = concrete ? RegionInfo.get(stack.region).partition ?? 'aws' : stack.partition;
  const resource = `arn:${partition}:logs:${stack.region}:${stack.account}:log-group:*`;
  const role = new ManagedPolicyRole(holder, 'Role', {
    service: 'apigateway.amazonaws.com',
    sourceAccount: stack.account,
    description: 'the API Gateway CloudWatch Logs role of this account and Region',
    policyDescription: 'Every permission of the API Gateway CloudWatch Logs role of this account and Region',
  });
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    sid: 'WriteApiGatewayLogs',
    actions: [
      'logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DescribeLogGroups', 'logs:DescribeLogStreams',
      'logs:PutLogEvents', 'logs:GetLogEvents', 'logs:FilterLogEvents',
    ],
    resources: [resource],
  }));
  acknowledgeResourceWildcards(role.policy, ResourceWildcardAcknowledgement.API_GATEWAY_ACCOUNT_ROLE, [resource]);
  const account = new apigw.CfnAccount(holder, 'Account', { cloudWatchRoleArn: role.roleArn });
  account.node.addDependency(role.policy);
  return { role, account };
}
