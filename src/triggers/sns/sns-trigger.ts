import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { validateSnsTopic, validateSnsTriggerOptions } from './sns-checks';
import { acknowledge } from '../../acknowledgements/acknowledge';
import { InvocationAcknowledgement } from '../../acknowledgements/acknowledgements';
import { FailureQueue } from '../../destinations/failure-queue';
import { Validator } from '../../validation/validator';
import { acknowledgeAsyncPermissions, asyncFailureQueues } from '../private/async-failures';
import { requireTriggerArgument, TriggerBinding } from '../private/binding';
import { checkTriggerOptions, SNS_TRIGGER_SHAPE } from '../private/option-shapes';
import { triggerScope } from '../private/trigger-scope';
import { ITrigger, ITriggerTarget, TriggerConfig } from '../trigger';

/**
 * Options of an SNS trigger.
 */
export interface SnsTriggerOptions {
  /**
   * A filter policy on message attributes: messages that match it invoke the function, the others
   * are not delivered. Not with `filterPolicyWithMessageBody`.
   *
   * @default - every message is delivered
   */
  readonly filterPolicy?: { [attribute: string]: sns.SubscriptionFilter };

  /**
   * A filter policy on the message body (filter policy scope `MessageBody`). Not with `filterPolicy`.
   *
   * @default - every message is delivered
   */
  readonly filterPolicyWithMessageBody?: { [attribute: string]: sns.FilterOrPolicy };
}

/**
 * Subscribes the function's `live` alias to an SNS topic. The subscription has its own redrive
 * dead-letter queue (a FailureQueue that SNS may write to), for messages SNS could not deliver;
 * messages the function fails on after Lambda's asynchronous retries go to the function's own
 * dead-letter queue. FIFO topics are refused (Lambda cannot subscribe to them).
 */
export class SnsTrigger implements ITrigger {
  /** The topic whose messages invoke the function. */
  public readonly topic: sns.ITopic;

  private readonly options: SnsTriggerOptions;
  private readonly binding = new TriggerBinding<{ subscription: sns.Subscription; permission: lambda.CfnPermission; deadLetterQueue: sqs.IQueue }>('SnsTrigger');

  /**
   * @param topic the topic whose messages invoke the function
   * @param options the subscription's filter policy
   */
  constructor(topic: sns.ITopic, options: SnsTriggerOptions = {}) {
    this.topic = topic;
    this.options = options;
  }

  /** The subscription of the `live` alias to the topic (available once added to a function). */
  public get subscription(): sns.Subscription {
    return this.binding.resources('subscription').subscription;
  }

  /** The permission that lets the topic invoke the `live` alias (available once added to a function). */
  public get permission(): lambda.CfnPermission {
    return this.binding.resources('permission').permission;
  }

  /**
   * Where messages SNS could not deliver go: the subscription's redrive dead-letter queue (available
   * once added to a function).
   */
  public get deadLetterQueue(): sqs.IQueue {
    return this.binding.resources('deadLetterQueue').deadLetterQueue;
  }

  /** @inheritdoc */
  public bind(target: ITriggerTarget): TriggerConfig {
    this.binding.claim(target);
    requireTriggerArgument(target, 'Trigger.sns(topic)', this.topic, 'construct');
    const topic = this.topic;
    const o = this.options;
    // Events this trigger delivers that fail in the function end in its dead-letter queue.
    const functionFailures = asyncFailureQueues(target);
    const scope = triggerScope(target, `Sns${topic.node.id}`);
    const v = new Validator(scope);
    checkTriggerOptions(v, this.options, SNS_TRIGGER_SHAPE);
    validateSnsTopic(v, topic);
    validateSnsTriggerOptions(v, o);
    v.throwIfAny();

    const sink = new FailureQueue(scope, 'DeliveryFailureQueue', {
      purpose: `SNS deliveries from ${topic.node.path} to ${target.node.path}`,
      alarmTopic: target.alarmTopic,
    });

    // sns.Subscription adds the queue-policy statement that lets this topic send to the DLQ.
    const subscription = new sns.Subscription(scope, 'Subscription', {
      topic,
      protocol: sns.SubscriptionProtocol.LAMBDA,
      endpoint: target.alias.functionArn,
      deadLetterQueue: sink.queue,
      filterPolicy: o.filterPolicy,
      filterPolicyWithMessageBody: o.filterPolicyWithMessageBody,
    });
    acknowledge(subscription, InvocationAcknowledgement.SNS_ALIAS_ENDPOINT);
    const permissionId = `AllowInvokeFrom${scope.node.id}`;
    target.alias.addPermission(permissionId, {
      principal: new iam.ServicePrincipal('sns.amazonaws.com'),
      sourceArn: topic.topicArn,
    });
    const permission = target.alias.node.findChild(permissionId) as lambda.CfnPermission;
    this.binding.record(target, { subscription, permission, deadLetterQueue: sink.queue });

    acknowledgeAsyncPermissions(target, 'sns');
    return {
      description: `SNS topic ${topic.node.path}`,
      failureQueues: [sink.queue, ...functionFailures],
    };
  }
}
