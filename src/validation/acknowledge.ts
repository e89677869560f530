import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import type { AcknowledgementSpec } from './acknowledgements';
import { skipExternalChecks } from './external-validators';

/**
 * Acknowledges every id of `ack` on `scope` (and so on its descendants), and writes its checkov and
 * cfn-lint skips on the construct's resource. Lives in the validation layer so that every layer
 * above may acknowledge its own findings.
 *
 * @internal
 */
export function acknowledge(scope: IConstruct, ack: AcknowledgementSpec): void {
  for (const id of ack.ids) {
    Validations.of(scope).acknowledge({ id, reason: ack.reason });
  }
  skipExternalChecks(scope, ack, ack.reason);
}
