import { CfnResource } from 'aws-cdk-lib';
import { IVpc } from 'aws-cdk-lib/aws-ec2';

/** The service of an on-failure destination Lambda reaches from an event source's VPC. @internal */
export type SinkService = 'sqs' | 'sns' | 's3';

/** The event source mappings whose on-failure destination Lambda reaches from the source's VPC. */
const CLUSTER_VPC_SINKS = new WeakMap<CfnResource, { vpc: IVpc; service: SinkService }>();

/**
 * Records that Lambda sends a mapping's failed records to `service` from inside `vpc` (the VPC of a
 * Kafka cluster), for the app-wide check: Lambda's docs require a VPC endpoint for the destination's
 * service there.
 *
 * @internal
 */
export function noteClusterVpcSink(mapping: CfnResource, vpc: IVpc, service: SinkService): void {
  CLUSTER_VPC_SINKS.set(mapping, { vpc, service });
}

/** The VPC and destination service noted for a mapping, if any. @internal */
export function clusterVpcSinkOf(mapping: CfnResource): { vpc: IVpc; service: SinkService } | undefined {
  return CLUSTER_VPC_SINKS.get(mapping);
}
