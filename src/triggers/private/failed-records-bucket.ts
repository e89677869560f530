import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { acknowledgeResourceWildcards } from '../../acknowledgements/acknowledge';
import { AcknowledgementSpec } from '../../acknowledgements/acknowledgements';
import type { ITriggerTarget } from '../trigger';
import { freeChildId } from '../../validation/free-child-id';

/**
 * An S3 on-failure destination without `S3OnFailureDestination`'s `bucket.grantReadWrite` (wildcard
 * actions in the function's policy): the grant is {@link grantFailedRecords}'s.
 *
 * @internal
 */
export function bucketDestination(bucket: s3.IBucket): lambda.IEventSourceDlq {
  return { bind: () => ({ destination: bucket.bucketArn }) };
}

/**
 * `s3:PutObject` of the failed records and `s3:ListBucket`, in a managed policy only the trigger writes
 * (its one object wildcard acknowledged precisely with `ack`), with encrypt on the bucket's key.
 * Returns the policy (a mapping that writes there depends on it).
 * `kind` names the records (`Kafka`, `Kinesis`, `DynamoDbStream`) in the policy's id and description.
 *
 * @internal
 */
export function grantFailedRecords(
  target: ITriggerTarget, role: iam.IRole, bucket: s3.IBucket, kind: string, ack: AcknowledgementSpec,
): iam.ManagedPolicy {
  const objects = bucket.arnForObjects('*');
  const policy = new iam.ManagedPolicy(target, freeChildId(target, `${kind}FailedRecords${bucket.node.id}`), {
    description: `The failed ${kind} records of ${target.node.path} into ${bucket.node.path}`,
    roles: [role],
    statements: [
      new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [objects] }),
      new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }),
      ...(bucket.encryptionKey ? [new iam.PolicyStatement({ actions: ['kms:Encrypt', 'kms:GenerateDataKey'], resources: [bucket.encryptionKey.keyArn] })] : []),
    ],
  });
  acknowledgeResourceWildcards(policy, ack, [objects]);
  return policy;
}
