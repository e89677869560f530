import { Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { acknowledge } from '../../acknowledgements/acknowledge';
import { nagResourceString } from '../../acknowledgements/nag-resource-string';

/**
 * Acknowledges the AwsSolutions-IAM5 findings of S3 object ARNs (`<bucket>/<prefix>*`) on a policy,
 * one id per ARN, with the reason. An imported bucket's ARN (`arn:<AWS::Partition>:s3:::name/...`)
 * gives an id with several `::`, which `acknowledge` records for cdk-nag 3 as it is.
 *
 * @internal
 */
export function acknowledgeObjectWildcard(policy: IConstruct, objectArns: string[], reason: string): void {
  const stack = Stack.of(policy);
  acknowledge(policy, {
    ids: objectArns.map((arn) => `AwsSolutions-IAM5[Resource::${nagResourceString(stack.resolve(arn))}]`),
    reason,
  });
}
