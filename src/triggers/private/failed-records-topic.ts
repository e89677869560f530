import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';

/**
 * An SNS on-failure destination without `SnsDlq`'s `topic.grantPublish` (whose `kms:GenerateDataKey*` on
 * an encrypted topic's key is an IAM5 finding): the grant is {@link grantPublishFailedRecords}'s.
 *
 * @internal
 */
export function topicDestination(topic: sns.ITopic): lambda.IEventSourceDlq {
  return { bind: () => ({ destination: topic.topicArn }) };
}

/**
 * `sns:Publish` on the topic and, for an encrypted topic, exactly `kms:Decrypt` and `kms:GenerateDataKey`
 * on its key (what SNS needs of a publisher to an encrypted topic), never a wildcard action.
 *
 * @internal
 */
export function grantPublishFailedRecords(role: iam.IRole, topic: sns.ITopic): void {
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: [topic.topicArn] }));
  if (topic.masterKey) {
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [topic.masterKey.keyArn] }));
  }
}
