import { Annotations, CfnResource, Stack } from 'aws-cdk-lib';
import { CfnRoute, CfnSubnet, CfnSubnetRouteTableAssociation, CfnVPCEndpoint, Vpc } from 'aws-cdk-lib/aws-ec2';
import { CfnManagedPolicy, CfnPolicy } from 'aws-cdk-lib/aws-iam';
import { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import { AnnotationIds } from '../../validation/annotation-ids';
import { clusterVpcSinkOf } from '../../validation/cluster-vpc-sinks';

/**
 * The AWS services a function reaches from its network interfaces when its role is granted their
 * actions, by IAM prefix, with the VPC endpoint service name that serves them. (Lambda itself writes
 * the function's logs and traces and manages its ENIs, so `logs`, `xray` and `ec2` need no endpoint.
 * KMS is left out: services decrypt on the caller's behalf.)
 */
const ENDPOINT_OF: { [iamPrefix: string]: string } = {
  secretsmanager: 'secretsmanager',
  ssm: 'ssm',
  s3: 's3',
  dynamodb: 'dynamodb',
  sqs: 'sqs',
  sns: 'sns',
  kinesis: 'kinesis-streams',
  events: 'events',
  states: 'states',
  lambda: 'lambda',
  sts: 'sts',
};

/**
 * At synth (from the app-wide validation): a function attached to subnets of a VPC defined in the app, whose role is
 * granted actions of an AWS service, while one of those subnets has no route to a NAT gateway and the
 * VPC has no endpoint for that service, gets a warning naming the missing endpoints (the calls would
 * time out at run time).
 *
 * @internal
 */
export function checkVpcEndpoints(root: IConstruct, cfn: CfnResource[] = cfnResourcesOf(root)): void {
  {
    // Most apps have no function in a VPC: then there is nothing to look up.
    const inVpc = cfn.filter((r): r is CfnFunction => r instanceof CfnFunction && r.vpcConfig !== undefined);
    if (inVpc.length === 0) {
      return;
    }
    const byRef = new Map<string, CfnResource>();
    for (const r of cfn) {
      byRef.set(`${Stack.of(r).node.path}|${Stack.of(r).resolve(r.logicalId)}`, r);
    }
    const refOf = (stack: Stack, value: unknown): CfnResource | undefined => {
      const resolved = stack.resolve(value) as { 'Ref'?: string; 'Fn::GetAtt'?: string[] } | undefined;
      const id = resolved?.Ref ?? resolved?.['Fn::GetAtt']?.[0];
      return typeof id === 'string' ? byRef.get(`${stack.node.path}|${id}`) : undefined;
    };

    for (const fn of inVpc) {
      const stack = Stack.of(fn);
      const vpcConfig = stack.resolve(fn.vpcConfig) as { SubnetIds?: unknown[]; subnetIds?: unknown[] } | undefined;
      const subnetIds = vpcConfig?.SubnetIds ?? vpcConfig?.subnetIds;
      if (!Array.isArray(subnetIds) || subnetIds.length === 0) {
        continue;
      }
      const subnets = subnetIds.map((s) => refOf(stack, s)).filter((s): s is CfnSubnet => s instanceof CfnSubnet);
      if (subnets.length !== subnetIds.length) {
        continue; // an imported subnet: its routes are unknown here
      }
      const withoutNat = subnets.filter((s) => !hasNatRoute(stack, s, cfn, refOf));
      if (withoutNat.length === 0) {
        continue;
      }
      const vpcKey = JSON.stringify(stack.resolve(subnets[0].vpcId));
      const endpoints = new Set(cfn
        .filter((r): r is CfnVPCEndpoint => r instanceof CfnVPCEndpoint && JSON.stringify(Stack.of(r).resolve(r.vpcId)) === vpcKey)
        .map((e) => serviceSuffix(JSON.stringify(Stack.of(e).resolve(e.serviceName)))));
      const granted = grantedPrefixes(stack, fn, cfn, refOf, serviceSideResources(stack, fn, cfn));
      const missing = [...new Set(granted.map((p) => ENDPOINT_OF[p]).filter((x) => x !== undefined))]
        .filter((service) => !endpoints.has(service))
        .sort();
      if (missing.length > 0 && !WARNED.has(fn)) {
        WARNED.add(fn);
        Annotations.of(fn.node.scope ?? fn).addWarningV2(AnnotationIds.VPC_ENDPOINT_MISSING,
          `The function runs in subnets without a NAT route (${withoutNat.map((s) => s.node.path).join(', ')}) and is granted ` +
          `access to ${missing.join(', ')}, but the VPC has no endpoint for ${missing.length === 1 ? 'it' : 'them'}: the calls will time out. ` +
          `Add ${missing.map((m) => (m === 's3' || m === 'dynamodb' ? `a gateway endpoint for ${m}` : `an interface endpoint for ${m}`)).join(', ')} ` +
          '(vpc.addGatewayEndpoint / vpc.addInterfaceEndpoint), or use subnets with a NAT gateway.');
      }
    }
  }
}

/**
 * At synth (from the app-wide validation): an event source mapping noted by `noteClusterVpcSink`,
 * whose VPC is defined in the app and has no endpoint for the destination's service, gets a warning
 * (an imported VPC's endpoints are unknown here: no warning).
 *
 * @internal
 */
export function checkClusterVpcSinks(cfn: CfnResource[]): void {
  for (const mapping of cfn) {
    const sink = clusterVpcSinkOf(mapping);
    if (sink === undefined || !(sink.vpc instanceof Vpc) || WARNED.has(mapping)) {
      continue;
    }
    const stack = Stack.of(mapping);
    const vpcKey = JSON.stringify(stack.resolve(sink.vpc.vpcId));
    const has = cfn.some((r) => r instanceof CfnVPCEndpoint && JSON.stringify(Stack.of(r).resolve(r.vpcId)) === vpcKey
      && serviceSuffix(JSON.stringify(Stack.of(r).resolve(r.serviceName))) === sink.service);
    if (!has) {
      WARNED.add(mapping);
      Annotations.of(mapping.node.scope ?? mapping).addWarningV2(AnnotationIds.CLUSTER_VPC_SINK_ENDPOINT_MISSING,
        `Lambda sends the records that fail to ${sink.service} from inside the cluster's VPC (${sink.vpc.node.path}), ` +
        `which has no ${sink.service} endpoint: Lambda's docs require one (https://docs.aws.amazon.com/lambda/latest/dg/kafka-on-failure.html). ` +
        `Add ${sink.service === 's3' ? 'a gateway endpoint (vpc.addGatewayEndpoint)' : 'an interface endpoint (vpc.addInterfaceEndpoint)'} for ${sink.service}.`);
    }
  }
}

/** Functions (and mappings) already warned (the check runs at every synth of the app). */
const WARNED = new WeakSet<IConstruct>();

function serviceSuffix(resolvedServiceName: string): string {
  const m = /\.([a-z0-9-]+)$/.exec(resolvedServiceName.replace(/[\]}"]+$/g, ''));
  return m ? m[1] : resolvedServiceName;
}

function hasNatRoute(
  stack: Stack, subnet: CfnSubnet, cfn: CfnResource[], refOf: (s: Stack, v: unknown) => CfnResource | undefined,
): boolean {
  const tables = cfn
    .filter((r): r is CfnSubnetRouteTableAssociation => r instanceof CfnSubnetRouteTableAssociation && refOf(stack, r.subnetId) === subnet)
    .map((a) => refOf(stack, a.routeTableId));
  return cfn.some((r) => r instanceof CfnRoute && tables.includes(refOf(stack, r.routeTableId))
    && (r.natGatewayId !== undefined || r.instanceId !== undefined || r.transitGatewayId !== undefined || r.gatewayId !== undefined));
}

/**
 * Actions Lambda's own pollers perform with the function's role (event source mappings), never the
 * function's code: they need no endpoint in the function's VPC.
 */
const POLLER_ACTIONS = /^(sqs:(ReceiveMessage|DeleteMessage|GetQueueAttributes|ChangeMessageVisibility|GetQueueUrl)|kinesis:(Get|Describe|List|SubscribeToShard).*|dynamodb:(GetRecords|GetShardIterator|DescribeStream|ListStreams))$/;

/**
 * The resources Lambda itself sends to with the function's role (the dead-letter queue, async and
 * event-source-mapping destinations), as resolved JSON.
 */
function serviceSideResources(stack: Stack, fn: CfnFunction, cfn: CfnResource[]): Set<string> {
  const out = new Set<string>();
  const fnKey = JSON.stringify(stack.resolve(fn.ref));
  const add = (v: unknown) => {
    if (v !== undefined) {
      out.add(JSON.stringify(stack.resolve(v)));
    }
  };
  const dlq = stack.resolve(fn.deadLetterConfig) as { TargetArn?: unknown; targetArn?: unknown } | undefined;
  add(dlq?.TargetArn ?? dlq?.targetArn);
  for (const r of cfn) {
    if (r.cfnResourceType === 'AWS::Lambda::EventInvokeConfig' || r.cfnResourceType === 'AWS::Lambda::EventSourceMapping') {
      const resolved = JSON.stringify(stack.resolve((r as unknown as { functionName?: unknown }).functionName));
      if (!resolved.includes(fnKey.replace(/^\{"Ref":"|"\}$/g, ''))) {
        continue;
      }
      type Target = { Destination?: unknown; destination?: unknown };
      const dest = stack.resolve((r as unknown as { destinationConfig?: unknown }).destinationConfig) as
        { OnFailure?: Target; OnSuccess?: Target; onFailure?: Target; onSuccess?: Target } | undefined;
      add(dest?.OnFailure?.Destination ?? dest?.onFailure?.destination ?? dest?.OnFailure?.destination);
      add(dest?.OnSuccess?.Destination ?? dest?.onSuccess?.destination ?? dest?.OnSuccess?.destination);
    }
  }
  return out;
}

function grantedPrefixes(
  stack: Stack, fn: CfnFunction, cfn: CfnResource[], refOf: (s: Stack, v: unknown) => CfnResource | undefined, serviceSide: Set<string>,
): string[] {
  const role = refOf(stack, fn.role);
  if (!role) {
    return [];
  }
  const prefixes: string[] = [];
  for (const p of cfn) {
    let roles: unknown;
    let doc: unknown;
    if (p instanceof CfnManagedPolicy) {
      [roles, doc] = [p.roles, p.policyDocument];
    } else if (p instanceof CfnPolicy) {
      [roles, doc] = [p.roles, p.policyDocument];
    } else {
      continue;
    }
    const attached = (stack.resolve(roles) as unknown[] | undefined ?? []).some((r) => refOf(stack, r) === role);
    if (!attached) {
      continue;
    }
    const statements = (stack.resolve(doc) as { Statement?: Array<{ Action?: string | string[]; Resource?: unknown }> } | undefined)?.Statement ?? [];
    for (const s of statements) {
      const resources = ([] as unknown[]).concat(s.Resource ?? []);
      if (resources.length > 0 && resources.every((r) => serviceSide.has(JSON.stringify(r)))) {
        continue;
      }
      for (const action of ([] as string[]).concat(s.Action ?? [])) {
        if (!POLLER_ACTIONS.test(action)) {
          prefixes.push(action.split(':')[0].toLowerCase());
        }
      }
    }
  }
  return prefixes;
}

/** Every CloudFormation resource under `root`, in tree order. @internal */
export function cfnResourcesOf(root: IConstruct): CfnResource[] {
  return root.node.findAll().filter((c): c is CfnResource => CfnResource.isCfnResource(c));
}
