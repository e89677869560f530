import { Annotations, Aws } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { acknowledgeResourceWildcards } from '../../acknowledgements/acknowledge';
import { ResourceWildcardAcknowledgement } from '../../acknowledgements/acknowledgements';
import { ManagedPolicyRole } from '../../iam/managed-policy-role';
import { AnnotationIds } from '../../validation/annotation-ids';
import { ManagedInstancesOptions } from '../managed-instances-options';

/** What the function's capacity provider is built from. @internal */
export interface ManagedInstancesTarget {
  readonly options: ManagedInstancesOptions;
  readonly fn: lambda.Function;
  readonly version: lambda.IVersion;
  readonly vpc?: ec2.IVpc;
  readonly subnets?: ec2.SubnetSelection;
  readonly architecture: lambda.Architecture;
}

/**
 * Puts the function on Lambda Managed Instances: the given capacity provider or a new one in the
 * function's subnets, `CapacityProviderConfig` on the function and the minimum and maximum execution
 * environments on the version behind `live`. Returns the capacity provider.
 *
 * @internal
 */
export function configureManagedInstances(scope: Construct, t: ManagedInstancesTarget): lambda.ICapacityProvider {
  const provider = t.options.provider ?? createCapacityProvider(scope, t);
  const cfnFunction = t.fn.node.defaultChild as lambda.CfnFunction;
  cfnFunction.capacityProviderConfig = {
    lambdaManagedInstancesCapacityProviderConfig: {
      capacityProviderArn: provider.capacityProviderArn,
      perExecutionEnvironmentMaxConcurrency: t.options.maxConcurrencyPerEnvironment,
      executionEnvironmentMemoryGiBPerVCpu: t.options.memoryPerVCpu,
    },
  };
  const { minEnvironments, maxEnvironments } = t.options;
  if (minEnvironments !== undefined || maxEnvironments !== undefined) {
    (t.version.node.defaultChild as lambda.CfnVersion).functionScalingConfig = {
      minExecutionEnvironments: minEnvironments,
      maxExecutionEnvironments: maxEnvironments,
    };
  }
  Annotations.of(scope).addWarningV2(AnnotationIds.MANAGED_INSTANCES_CONCURRENT_HANDLER,
    'On Lambda Managed Instances one execution environment runs several invocations at once ' +
    `(capacity.maxConcurrencyPerEnvironment ${t.options.maxConcurrencyPerEnvironment ?? 'default'}): the handler must be safe to run ` +
    'concurrently (no per-request state in module globals, /tmp shared). See ' +
    'https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-runtimes.html.');
  return provider;
}

function createCapacityProvider(scope: Construct, t: ManagedInstancesTarget): lambda.CapacityProvider {
  const vpc = t.vpc!;
  const securityGroup = new ec2.SecurityGroup(scope, 'CapacityProviderSecurityGroup', {
    vpc,
    description: `Managed Instances of ${scope.node.path} (no ingress)`,
    allowAllOutbound: true,
  });
  const role = new ManagedPolicyRole(scope, 'CapacityProviderOperatorRole', {
    service: 'lambda.amazonaws.com',
    description: `Lambda operator role of the capacity provider of ${scope.node.path}`,
    policyDescription: 'The actions of AWSLambdaManagedEC2ResourceOperator, in this account and Region',
    refuseAwsManagedPolicies: true,
  });
  const ec2Arn = (resource: string, account: string = Aws.ACCOUNT_ID) => `arn:${Aws.PARTITION}:ec2:${Aws.REGION}:${account}:${resource}`;
  const launched = [ec2Arn('instance/*'), ec2Arn('network-interface/*'), ec2Arn('volume/*')];
  const placement = [ec2Arn('subnet/*'), ec2Arn('security-group/*')];
  const images = [ec2Arn('image/*', '')];
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    sid: 'LaunchManagedInstances',
    actions: ['ec2:RunInstances', 'ec2:CreateTags', 'ec2:AttachNetworkInterface'],
    resources: launched,
    conditions: { StringEquals: { 'ec2:ManagedResourceOperator': 'scaler.lambda.amazonaws.com' } },
  }));
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    sid: 'DescribeCapacity',
    actions: [
      'ec2:DescribeAvailabilityZones', 'ec2:DescribeCapacityReservations', 'ec2:DescribeInstances', 'ec2:DescribeInstanceStatus',
      'ec2:DescribeInstanceTypeOfferings', 'ec2:DescribeInstanceTypes', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets',
    ],
    resources: ['*'],
  }));
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    sid: 'PlaceManagedInstances',
    actions: ['ec2:RunInstances', 'ec2:CreateNetworkInterface'],
    resources: placement,
  }));
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    sid: 'UseAmazonImages',
    actions: ['ec2:RunInstances'],
    resources: images,
    conditions: { StringEquals: { 'ec2:Owner': 'amazon' } },
  }));
  acknowledgeResourceWildcards(role.policy, ResourceWildcardAcknowledgement.MANAGED_INSTANCES_OPERATOR, [...launched, ...placement, ...images]);
  const provider = new lambda.CapacityProvider(scope, 'CapacityProvider', {
    securityGroups: [securityGroup],
    subnets: vpc.selectSubnets(t.subnets).subnets,
    operatorRole: role,
    architectures: [t.architecture],
  });
  provider.node.addDependency(role.policy);
  return provider;
}
