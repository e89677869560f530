import { Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { acknowledge } from '../../validation/acknowledge';
import { nagResourceString } from '../../validation/nag-resource-string';

/**
 * Acknowledges the AwsSolutions-IAM5 findings of S3 object ARNs (`<bucket>/<prefix>*`) on a policy,
 * one id per ARN, with the reason. Only for buckets defined in the app: an imported bucket's ARN
 * holds `<AWS::Partition>`, and cdk-nag 3 ids cannot contain more than one `::`, so that finding stays
 * visible.
 *
 * @internal
 */
export function acknowledgeObjectWildcard(policy: IConstruct, objectArns: string[], inApp: boolean, reason: string): void {
  if (!inApp) {
    return;
  }
  const stack = Stack.of(policy);
  acknowledge(policy, {
    ids: objectArns.map((arn) => `AwsSolutions-IAM5[Resource::${nagResourceString(stack.resolve(arn))}]`),
    reason,
  });
}
