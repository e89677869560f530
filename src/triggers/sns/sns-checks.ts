import { Token } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { type SnsTriggerOptions } from './sns-trigger';
import { ErrorCodes } from '../../validation/error-codes';
import { Validator } from '../../validation/validator';

/**
 * The checks of {@link SnsTriggerOptions} that need no function, run by the trigger when it is added
 * and by `TopicSubscriber` before it creates anything.
 *
 * @internal
 */
export function validateSnsTriggerOptions(v: Validator, o: SnsTriggerOptions): void {
  v.failIf(o.filterPolicy !== undefined && o.filterPolicyWithMessageBody !== undefined, {
    code: ErrorCodes.LBP_SNS_FILTER_POLICY,
    property: 'filterPolicy, filterPolicyWithMessageBody',
    value: 'both set',
    limit: 'a subscription has one filter policy scope (attributes or body)',
    fix: 'set only one of them',
  });
}

/**
 * The check of the topic (Lambda cannot subscribe to a FIFO topic), run by the trigger when it is
 * added and by `TopicSubscriber` for an existing topic.
 *
 * @internal
 */
export function validateSnsTopic(v: Validator, topic: sns.ITopic): void {
  v.failIf(!Token.isUnresolved(topic.fifo) && topic.fifo === true, {
    code: ErrorCodes.LBP_SNS_FIFO_TOPIC,
    property: 'topic',
    value: `the FIFO topic ${topic.node.path}`,
    limit: 'Lambda functions cannot subscribe to FIFO topics',
    fix: 'subscribe an SQS FIFO queue to the topic and use Trigger.sqs on that queue',
  });
}
