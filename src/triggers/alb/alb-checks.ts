import { Duration } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { type AlbTriggerProps } from './alb-trigger';
import { checkName, NAME_RULES } from '../../validation/aws-names';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';
import { seconds } from '../private/duration';
import { ALB_TRIGGER_SHAPE, checkTriggerOptions } from '../private/option-shapes';

/**
 * The checks of {@link AlbTriggerProps} (types, the rule's priority and conditions, the target group name)
 * and of the function's timeout against the load balancer's idle timeout. Creates nothing.
 *
 * @internal
 */
export function validateAlbTriggerOptions(v: Validator, props: AlbTriggerProps, fn: { readonly timeout: Duration }): void {
  checkTriggerOptions(v, props, ALB_TRIGGER_SHAPE);
  const hasConditions = (props.conditions?.length ?? 0) > 0;
  v.range(ErrorCodes.LBP_ALB_PRIORITY, 'priority', props.priority, 1, 50000, {
    integer: true,
    source: 'listener rule priority',
  });
  v.failIf((props.priority !== undefined) !== hasConditions, {
    code: ErrorCodes.LBP_ALB_PRIORITY,
    property: props.priority !== undefined ? 'conditions' : 'priority',
    value: 'unset',
    limit: 'a listener rule needs both a priority and at least one condition',
    fix: props.priority !== undefined
      ? 'add conditions, e.g. [ListenerCondition.pathPatterns([\'/api/*\'])]'
      : 'add a priority (1 to 50,000, unique on the listener)',
  });
  v.failIf(props.priority === undefined && !hasConditions && !(props.listener instanceof elbv2.ApplicationListener), {
    code: ErrorCodes.LBP_ALB_PRIORITY,
    property: 'priority',
    value: 'unset',
    limit: 'an imported listener\'s default action cannot be changed from this app',
    fix: 'pass priority and conditions to add a listener rule',
  });
  checkName(v, ErrorCodes.LBP_ALB_TARGET_GROUP_NAME, 'targetGroupName', props.targetGroupName, NAME_RULES.targetGroup);
  const idle = props.loadBalancerIdleTimeout ?? Duration.seconds(60);
  const idleSeconds = idle.isUnresolved() ? undefined : idle.toSeconds({ integral: false });
  const timeout = seconds(fn.timeout);
  v.failIf(timeout !== undefined && idleSeconds !== undefined && timeout > idleSeconds, {
    code: ErrorCodes.LBP_ALB_IDLE_TIMEOUT,
    property: 'timeout',
    value: `${timeout} seconds`,
    limit: `the load balancer's idle timeout is ${idleSeconds} seconds: a longer invocation gets a 504 while the function keeps running (and billing)`,
    fix: `set the function's timeout to Duration.seconds(${idleSeconds}) or less, or, if your load balancer's idle timeout is longer, pass it as loadBalancerIdleTimeout`,
  });
}
