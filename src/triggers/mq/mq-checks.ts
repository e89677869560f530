import { Token } from 'aws-cdk-lib';
import type { MqBroker, MqTriggerOptions } from './mq-trigger';
import { ErrorCodes } from '../../validation/error-codes';
import { PROP_SHAPES } from '../../validation/prop-shapes.generated';
import { Validator } from '../../validation/validator';
import { seconds } from '../private/duration';
import { checkTriggerOptions } from '../private/option-shapes';

/** The bounded defaults of an Amazon MQ trigger. @internal */
export const MQ_DEFAULTS = {
  batchSize: 100,
  /** ActiveMQ's shared dead-letter queue, where a message goes after its redeliveries. */
  activeMqDeadLetterQueue: 'ActiveMQ.DLQ',
} as const;

const BROKER_ARN = /^arn:aws[a-z-]*:mq:[a-z0-9-]+:\d{12}:broker:[A-Za-z0-9_-]{1,50}:[^:\s]+$/;
const VIRTUAL_HOST = /^[a-zA-Z0-9\-/*:_+=.@]{1,200}$/;
/** Amazon MQ for RabbitMQ publishes no per-queue metric for names with blanks or non-ASCII characters. */
const METRIC_NAME = /^[\x21-\x7e]+$/;

/**
 * The checks of an Amazon MQ trigger (types, the broker, the queue, the credentials, the virtual host,
 * batching and the dead-letter queue). Creates nothing.
 *
 * @internal
 */
export function validateMqTriggerOptions(v: Validator, o: MqTriggerOptions, broker: MqBroker): void {
  // The secret first: without it the type check would only say a required property is missing.
  if (typeof o === 'object' && o !== null && o.credentials === undefined) {
    v.fail({
      code: ErrorCodes.LBP_MQ_CREDENTIALS,
      property: 'credentials',
      value: 'undefined',
      limit: 'Lambda authenticates to an Amazon MQ broker only with a user kept in Secrets Manager (BASIC_AUTH)',
      fix: 'pass the secret holding {"username": ..., "password": ...} (an ISecret, by reference)',
    });
    v.throwIfAny();
  }
  checkTriggerOptions(v, o, PROP_SHAPES.MqTriggerOptions);
  validateBroker(v, broker);
  const rabbit = broker.engine === 'RABBITMQ';
  validateQueueName(v, 'queue', o.queue, ErrorCodes.LBP_MQ_QUEUE);
  const vhost = o.virtualHost;
  v.failIf(vhost !== undefined && !rabbit, {
    code: ErrorCodes.LBP_MQ_VIRTUAL_HOST,
    property: 'virtualHost',
    value: `'${vhost}'`,
    limit: 'a virtual host is a RabbitMQ setting; ActiveMQ brokers have none',
    fix: 'remove virtualHost, or use MqBroker.rabbitMq(...)',
  });
  v.failIf(vhost !== undefined && rabbit && !Token.isUnresolved(vhost) && !VIRTUAL_HOST.test(vhost), {
    code: ErrorCodes.LBP_MQ_VIRTUAL_HOST,
    property: 'virtualHost',
    value: `'${vhost}'`,
    limit: 'a VIRTUAL_HOST source access configuration is 1 to 200 characters of [a-zA-Z0-9-/*:_+=.@]',
    fix: 'name the virtual host with those characters',
  });
  v.range(ErrorCodes.LBP_MQ_BATCH_SIZE, 'batchSize', o.batchSize, 1, 10000, { integer: true });
  v.range(ErrorCodes.LBP_BATCHING_WINDOW, 'maxBatchingWindow', seconds(o.maxBatchingWindow), 0, 300, { unit: 'seconds', integer: true });
  validateDeadLetterQueue(v, o, rabbit);
}

function validateBroker(v: Validator, broker: MqBroker): void {
  const isBroker = typeof broker === 'object' && broker !== null && typeof (broker as MqBroker).brokerArn === 'string';
  if (!isBroker) {
    v.fail({
      code: ErrorCodes.LBP_MQ_BROKER,
      property: 'broker',
      value: `${typeof broker}`,
      limit: 'Trigger.mq needs an MqBroker',
      fix: 'pass MqBroker.activeMq(brokerArn), MqBroker.rabbitMq(brokerArn) or MqBroker.fromCfnBroker(broker)',
    });
    v.throwIfAny();
    return;
  }
  const arn = broker.brokerArn;
  v.failIf(!Token.isUnresolved(arn) && !BROKER_ARN.test(arn), {
    code: ErrorCodes.LBP_MQ_BROKER,
    property: 'brokerArn',
    value: `'${arn}'`,
    limit: 'an Amazon MQ broker ARN is arn:<partition>:mq:<region>:<account>:broker:<name>:<id>',
    fix: 'pass the ARN of the broker (its name is 1 to 50 characters of [A-Za-z0-9_-])',
  });
  v.failIf(broker.engine === undefined, {
    code: ErrorCodes.LBP_MQ_BROKER,
    property: 'engineType',
    value: 'not ACTIVEMQ or RABBITMQ',
    limit: 'the trigger must know the engine (authentication, virtual host and dead-letter metrics differ)',
    fix: "give the CfnBroker a literal engineType ('ACTIVEMQ' or 'RABBITMQ'), or use MqBroker.activeMq / rabbitMq",
  });
}

function validateQueueName(v: Validator, property: string, value: string | undefined, code: string): void {
  // The type check has already refused a value that is not a string.
  const bad = typeof value === 'string' && !Token.isUnresolved(value) && (value.length < 1 || value.length > 1000);
  v.failIf(bad, {
    code,
    property,
    value: `${value?.length} characters`,
    limit: 'an Amazon MQ queue name is 1 to 1,000 characters',
    fix: `set ${property} to the name of the broker queue`,
  });
}

function validateDeadLetterQueue(v: Validator, o: MqTriggerOptions, rabbit: boolean): void {
  const dlq = o.deadLetterQueue;
  if (dlq === undefined) {
    v.failIf(rabbit, {
      code: ErrorCodes.LBP_MQ_DEAD_LETTER_QUEUE,
      property: 'deadLetterQueue',
      value: 'undefined',
      limit: 'Lambda has no on-failure destination for Amazon MQ, and a RabbitMQ queue has no dead-letter queue of its own',
      fix: 'route the queue\'s rejected messages to a queue with a dead-letter exchange policy on the broker, and name that queue',
    });
    return;
  }
  validateQueueName(v, 'deadLetterQueue', dlq, ErrorCodes.LBP_MQ_DEAD_LETTER_QUEUE);
  v.failIf(dlq === o.queue, {
    code: ErrorCodes.LBP_MQ_DEAD_LETTER_QUEUE,
    property: 'deadLetterQueue',
    value: `'${dlq}' (the source queue)`,
    limit: 'failed messages cannot be dead-lettered into the queue the function reads (they would loop)',
    fix: 'name another queue',
  });
  v.failIf(rabbit && typeof dlq === 'string' && !Token.isUnresolved(dlq) && dlq.length > 0 && !METRIC_NAME.test(dlq), {
    code: ErrorCodes.LBP_MQ_DEAD_LETTER_QUEUE,
    property: 'deadLetterQueue',
    value: `'${dlq}'`,
    limit: 'Amazon MQ for RabbitMQ publishes no CloudWatch metric for a queue whose name has blanks or non-ASCII characters, so no alarm could watch it',
    fix: 'use a dead-letter queue named with printable ASCII characters only',
  });
}
