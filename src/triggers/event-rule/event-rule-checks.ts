import { Duration } from 'aws-cdk-lib';
import { emptyArrayPaths } from './event-pattern';
import { type EventRuleTriggerProps } from './event-rule-trigger';
import { checkLength, checkName, NAME_RULES } from '../../validation/aws-names';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';
import { EVENT_RULE_TRIGGER_SHAPE, checkTriggerOptions } from '../private/option-shapes';
import { checkTargetFailureHandling, RetryPolicy } from '../private/retry-policy';

/**
 * The checks of {@link EventRuleTriggerProps} (types, a non-empty event pattern without empty arrays,
 * the retry policy and dead-letter queue, the rule name and description), which need no function.
 * Creates nothing. Returns the resolved retry policy.
 *
 * @internal
 */
export function validateEventRuleTriggerOptions(v: Validator, props: EventRuleTriggerProps): RetryPolicy {
  checkTriggerOptions(v, props, EVENT_RULE_TRIGGER_SHAPE);
  const fields = Object.entries(props.eventPattern ?? {}).filter(([, value]) => value !== undefined);
  v.failIf(fields.length === 0, {
    code: ErrorCodes.LBP_EVENT_PATTERN,
    property: 'eventPattern',
    value: JSON.stringify(props.eventPattern ?? {}),
    limit: 'a rule needs an event pattern with at least one field, or it matches nothing',
    fix: 'set e.g. eventPattern: { source: [\'my.app\'], detailType: [\'OrderPlaced\'] }, or use Trigger.schedule for timed runs',
  });
  for (const at of fields.length > 0 ? emptyArrayPaths(props.eventPattern, 'eventPattern') : []) {
    v.fail({
      code: ErrorCodes.LBP_EVENT_PATTERN,
      property: at,
      value: '[] (an empty array)',
      limit: 'EventBridge refuses an empty array anywhere in an event pattern: each field lists one or more values',
      fix: `list at least one value at ${at}, or remove the field to match any value`,
    });
  }
  const retry = checkTargetFailureHandling(v, 'EventBridge', props, { retryAttempts: 10, maxEventAge: Duration.hours(6) });
  checkName(v, ErrorCodes.LBP_EVENT_RULE_NAME, 'ruleName', props.ruleName, NAME_RULES.eventRule);
  checkLength(v, ErrorCodes.LBP_EVENT_RULE_NAME, 'description', props.description, 512, 'EventBridge PutRule');
  return retry;
}
