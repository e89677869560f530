import { Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { acknowledge } from '../../validation/acknowledge';

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

/** A resolved ARN written the way cdk-nag names it in finding ids (`<Logical.Arn>`). */
function nagResourceString(value: any): string {
  if (typeof value === 'string') {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map(nagResourceString).join('');
  }
  if (value && typeof value === 'object') {
    if ('Ref' in value) {
      return `<${value.Ref}>`;
    }
    if ('Fn::GetAtt' in value) {
      return `<${value['Fn::GetAtt'].join('.')}>`;
    }
    if ('Fn::Join' in value) {
      const [sep, parts] = value['Fn::Join'];
      return parts.map(nagResourceString).join(sep);
    }
  }
  return JSON.stringify(value);
}
