import { Stack, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import type { AcknowledgementSpec } from './acknowledgements';
import { CDK_VALIDATOR_NAMESPACE, skipExternalChecks } from './external-validators';
import { nagResourceString } from './nag-resource-string';
import { writeNagV2Suppressions } from './nag-v2-suppressions';

/**
 * Acknowledges every id of `ack` on `scope` (and so on its descendants), for cdk-nag 3 and cdk-nag 2,
 * and writes its checkov and cfn-lint skips on the construct's resource. Lives in the validation layer
 * so that every layer above may acknowledge its own findings.
 *
 * cdk-nag 3 reads the construct's acknowledgements (`Validations.of(scope).acknowledge`); cdk-nag 2
 * reads `cdk_nag` suppressions from each resource's template metadata, written here on the resources
 * that exist under `scope` (so acknowledge after creating them). Every acknowledgement of the library,
 * and of a user through the library, goes through this function.
 *
 * @internal
 */
export function acknowledge(scope: IConstruct, ack: AcknowledgementSpec): void {
  for (const id of ack.ids) {
    acknowledgeNagV3(scope, id, ack.reason);
  }
  writeNagV2Suppressions(scope, ack.ids, ack.reason);
  for (const id of ack.cdkValidator ?? []) {
    Validations.of(scope).acknowledge({ id: `${CDK_VALIDATOR_NAMESPACE}::${id}`, reason: ack.reason });
  }
  skipExternalChecks(scope, ack, ack.reason);
}

/**
 * Acknowledges `ack` on a policy with one AwsSolutions-IAM5 id per resource ARN, written as cdk-nag writes
 * the resource (`AwsSolutions-IAM5[Resource::<resource>]`). For a resource that needs a wildcard only the
 * run time fills in (`ResourceWildcardAcknowledgement`). An ARN with pseudo parameters gives an id with
 * several `::`, which is recorded for cdk-nag 3 as it is.
 *
 * @internal
 */
export function acknowledgeResourceWildcards(policy: IConstruct, ack: AcknowledgementSpec, resources: readonly string[]): void {
  const stack = Stack.of(policy);
  acknowledge(policy, {
    ...ack,
    ids: [...ack.ids, ...resources.map((resource) => `AwsSolutions-IAM5[Resource::${nagResourceString(stack.resolve(resource))}]`)],
  });
}

/**
 * Records a cdk-nag 3 acknowledgement of `id` on `scope`.
 *
 * `Validations.acknowledge` refuses an id with more than one `::` (aws-cdk-lib reserves it to separate a
 * prefix from the rule), but a cdk-nag finding on an ARN of an environment-agnostic stack holds several:
 * `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:...]` (cdklabs/cdk-nag#2351). cdk-nag 3 reads the
 * acknowledged ids from the `aws:cdk:acknowledged-rules` metadata of the resource and its parents, so such
 * an id is recorded there as it is, merged into the construct's last entry exactly as `Validations` does.
 */
function acknowledgeNagV3(scope: IConstruct, id: string, reason: string): void {
  if (id.split('::').length <= 2) {
    Validations.of(scope).acknowledge({ id, reason });
    return;
  }
  const key = Validations.ACKNOWLEDGED_RULES_METADATA_KEY;
  const entries = scope.node.metadata.filter((m) => m.type === key);
  const acknowledged = { ...(entries[entries.length - 1]?.data ?? {}), [id]: reason };
  scope.node.addMetadata(key, acknowledged);
}
