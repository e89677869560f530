import { Stack, Token } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { SUBSCRIPTION_FILTERS_PER_LOG_GROUP, subscriptionFilters } from './log-subscription-budget';
import { type LogSubscriptionTriggerOptions } from './log-subscription-trigger';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';
import { checkTriggerOptions } from '../private/option-shapes';
import { type ITriggerTarget } from '../trigger';

/** The longest filter pattern CloudWatch Logs accepts. */
const FILTER_PATTERN_MAX = 1024;

/**
 * The checks of {@link LogSubscriptionTriggerOptions} and the filter pattern, which need no function
 * (types, the pattern's length, the filter name). Creates nothing.
 *
 * @internal
 */
export function validateLogSubscriptionTriggerOptions(v: Validator, o: LogSubscriptionTriggerOptions, filterPattern: logs.IFilterPattern): void {
  checkTriggerOptions(v, o, { filterName: 'string', distribution: { oneOf: Object.values(logs.Distribution) } });
  const pattern = filterPattern.logPatternString;
  if (!Token.isUnresolved(pattern)) {
    v.failIf(pattern.length > FILTER_PATTERN_MAX, {
      code: ErrorCodes.LBP_LOG_SUBSCRIPTION_FILTER,
      property: 'filterPattern',
      value: `${pattern.length} characters`,
      limit: `a subscription filter pattern has at most ${FILTER_PATTERN_MAX} characters`,
      fix: 'shorten the pattern, or deliver more events and filter them in the function',
    });
  }
  if (o.filterName !== undefined && !Token.isUnresolved(o.filterName)) {
    v.failIf(!/^[^:*]{1,512}$/.test(o.filterName), {
      code: ErrorCodes.LBP_LOG_SUBSCRIPTION_FILTER,
      property: 'filterName',
      value: `"${o.filterName}"`,
      limit: 'a subscription filter name has 1 to 512 characters, none of them : or *',
      fix: 'choose a name without : and *, or leave filterName unset',
    });
  }
}

/**
 * The checks of the log group against the function: not its own log group (an invocation loop), the
 * same account and Region, and room for one more subscription filter (counted across the app under
 * `key`). Creates nothing.
 *
 * @internal
 */
export function validateLogSubscriptionSource(v: Validator, logGroup: logs.ILogGroup, target: ITriggerTarget, key: string): void {
  v.failIf(sameLogGroup(logGroup, target.logGroup), {
    code: ErrorCodes.LBP_LOG_SUBSCRIPTION_LOOP,
    property: 'logGroup',
    value: `${logGroup.node.path}, the log group of ${target.node.path} itself`,
    limit: 'a function subscribed to its own log group invokes itself for every line it logs: an endless, billed loop',
    fix: 'subscribe a different function, or subscribe to the log groups of other functions or services',
  });

  const here = Stack.of(target);
  const there = Stack.of(logGroup);
  const differs = (a: string, b: string) => !Token.isUnresolved(a) && !Token.isUnresolved(b) && a !== b;
  v.failIf(differs(here.account, there.account) || differs(here.region, there.region), {
    code: ErrorCodes.LBP_LOG_SUBSCRIPTION_ENV,
    property: 'logGroup',
    value: `${logGroup.node.path} in ${there.account}/${there.region}, the function in ${here.account}/${here.region}`,
    limit: 'CloudWatch Logs delivers to a Lambda function in the same account and Region only',
    fix: 'deploy the function next to the log group, or stream the logs cross-account through a Logs destination (Kinesis or Firehose)',
  });

  const existing = subscriptionFilters(target, key);
  v.failIf(existing.length >= SUBSCRIPTION_FILTERS_PER_LOG_GROUP, {
    code: ErrorCodes.LBP_LOG_SUBSCRIPTION_QUOTA,
    property: 'logGroup',
    value: `${logGroup.node.path}, which already has ${existing.length} subscription filters in this app (${existing.join(', ')})`,
    limit: `CloudWatch Logs allows ${SUBSCRIPTION_FILTERS_PER_LOG_GROUP} subscription filters per log group (LimitExceededException at deploy time)`,
    fix: 'subscribe one function that fans out (e.g. to an SNS topic or EventBridge), or subscribe to another log group',
  });
}

/** Whether two log group handles name the same log group (same construct, or the same resolved name in one stack). */
function sameLogGroup(a: logs.ILogGroup, b: logs.ILogGroup): boolean {
  if (a === b) {
    return true;
  }
  const an = a.logGroupName;
  const bn = b.logGroupName;
  if (!Token.isUnresolved(an) && !Token.isUnresolved(bn)) {
    return an === bn;
  }
  const stack = Stack.of(a);
  if (stack !== Stack.of(b)) {
    return false;
  }
  return JSON.stringify(stack.resolve(an)) === JSON.stringify(stack.resolve(bn));
}
