import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import type { AcknowledgementSpec } from './acknowledgements';
import { CDK_VALIDATOR_NAMESPACE, skipExternalChecks } from './external-validators';
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
    Validations.of(scope).acknowledge({ id, reason: ack.reason });
  }
  writeNagV2Suppressions(scope, ack.ids, ack.reason);
  for (const id of ack.cdkValidator ?? []) {
    Validations.of(scope).acknowledge({ id: `${CDK_VALIDATOR_NAMESPACE}::${id}`, reason: ack.reason });
  }
  skipExternalChecks(scope, ack, ack.reason);
}
