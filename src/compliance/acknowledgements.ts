import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { skipExternalChecks } from './external-validators';
import type { AcknowledgementSpec } from '../validation/acknowledgements';

export { Acknowledgement } from '../validation/acknowledgements';

export type { AcknowledgementSpec } from '../validation/acknowledgements';

/**
 * Acknowledges every id of `ack` on `scope` (and so on its descendants).
 *
 * @internal
 */
export function acknowledge(scope: IConstruct, ack: AcknowledgementSpec): void {
  for (const id of ack.ids) {
    Validations.of(scope).acknowledge({ id, reason: ack.reason });
  }
  skipExternalChecks(scope, ack, ack.reason);
}
