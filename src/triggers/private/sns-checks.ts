import { ErrorCodes as Codes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';
import type { SnsTriggerOptions } from '../sns-trigger';

/**
 * The checks of {@link SnsTriggerOptions} that need no function, run by the trigger when it is added
 * and by `TopicSubscriber` before it creates anything.
 *
 * @internal
 */
export function validateSnsTriggerOptions(v: Validator, o: SnsTriggerOptions): void {
  v.failIf(o.filterPolicy !== undefined && o.filterPolicyWithMessageBody !== undefined, {
    code: Codes.SNS_FILTER_POLICY,
    property: 'filterPolicy, filterPolicyWithMessageBody',
    value: 'both set',
    limit: 'a subscription has one filter policy scope (attributes or body)',
    fix: 'set only one of them',
  });
}
