import { Duration, Fn, Token } from 'aws-cdk-lib';
import * as amazonmq from 'aws-cdk-lib/aws-amazonmq';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { MQ_DEFAULTS, validateMqTriggerOptions } from './mq-checks';
import { acknowledge } from '../../acknowledgements/acknowledge';
import { InvocationAcknowledgement } from '../../acknowledgements/acknowledgements';
import { Validator } from '../../validation/validator';
import { targetRole, TriggerBinding } from '../private/binding';
import { filterEncryptionKey } from '../private/filter-encryption';
import { grantPollerNetworkInterfaces } from '../private/poller-network';
import { triggerScope } from '../private/trigger-scope';
import { ITrigger, ITriggerTarget, TriggerConfig } from '../trigger';

/**
 * The engine of an Amazon MQ broker.
 */
export enum MqEngine {
  /** Apache ActiveMQ (Lambda authenticates with the SimpleAuthenticationPlugin user in the secret). */
  ACTIVEMQ = 'ACTIVEMQ',
  /** RabbitMQ (Lambda authenticates with the PLAIN mechanism and the user in the secret). */
  RABBITMQ = 'RABBITMQ',
}

/**
 * The Amazon MQ broker an MQ trigger reads from: its ARN and its engine.
 */
export class MqBroker {
  /**
   * An Amazon MQ for ActiveMQ broker.
   *
   * @param brokerArn the broker ARN (`arn:aws:mq:<region>:<account>:broker:<name>:<id>`)
   */
  public static activeMq(brokerArn: string): MqBroker {
    return new MqBroker(brokerArn, MqEngine.ACTIVEMQ, brokerNameOf(brokerArn));
  }

  /**
   * An Amazon MQ for RabbitMQ broker.
   *
   * @param brokerArn the broker ARN (`arn:aws:mq:<region>:<account>:broker:<name>:<id>`)
   */
  public static rabbitMq(brokerArn: string): MqBroker {
    return new MqBroker(brokerArn, MqEngine.RABBITMQ, brokerNameOf(brokerArn));
  }

  /**
   * A broker of this app: its ARN, its name and its engine (which must be a literal `ACTIVEMQ` or
   * `RABBITMQ`) are read from the `CfnBroker`.
   *
   * @param broker the broker resource
   */
  public static fromCfnBroker(broker: amazonmq.CfnBroker): MqBroker {
    const engineType = broker.engineType;
    const engine = !Token.isUnresolved(engineType) && typeof engineType === 'string'
      ? [MqEngine.ACTIVEMQ, MqEngine.RABBITMQ].find((e) => e === engineType.toUpperCase())
      : undefined;
    return new MqBroker(broker.attrArn, engine, broker.brokerName);
  }

  /**
   * @param brokerArn the broker ARN
   * @param engine the broker's engine (undefined when a CfnBroker's engine type is not one of them)
   * @param brokerName the broker's name (the `Broker` dimension of its CloudWatch metrics)
   */
  private constructor(
    /** The broker ARN. */
    public readonly brokerArn: string,
    /** The broker's engine (undefined when a CfnBroker's engine type is neither ActiveMQ nor RabbitMQ). */
    public readonly engine: MqEngine | undefined,
    /** The broker's name (the `Broker` dimension of its CloudWatch metrics). */
    public readonly brokerName: string,
  ) {}
}

/** The name in `arn:<p>:mq:<r>:<a>:broker:<name>:<id>` (a token ARN is split at deploy time). */
function brokerNameOf(brokerArn: string): string {
  if (typeof brokerArn !== 'string') {
    return '';
  }
  return Token.isUnresolved(brokerArn) ? Fn.select(6, Fn.split(':', brokerArn)) : brokerArn.split(':')[6] ?? '';
}

/**
 * Options of an Amazon MQ trigger.
 */
export interface MqTriggerOptions {
  /**
   * The broker queue to consume (an ActiveMQ queue, or a RabbitMQ queue of `virtualHost`), 1 to
   * 1,000 characters.
   */
  readonly queue: string;

  /**
   * The Secrets Manager secret with the broker user (`{"username": ..., "password": ...}`), by
   * reference: its value never enters the template. Lambda authenticates with it (BASIC_AUTH).
   */
  readonly credentials: secretsmanager.ISecret;

  /**
   * The RabbitMQ virtual host of the queue (RabbitMQ only), 1 to 200 characters of
   * `[a-zA-Z0-9-/*:_+=.@]`.
   *
   * @default - the broker's default virtual host, `/`
   */
  readonly virtualHost?: string;

  /**
   * The broker queue where messages end after the broker's redeliveries (Lambda has no on-failure
   * destination for Amazon MQ). The trigger raises an alarm as soon as it holds a message. Required
   * for RabbitMQ, whose dead-letter queue is the one your dead-letter exchange policy routes to.
   *
   * @default 'ActiveMQ.DLQ' for ActiveMQ (the broker's shared dead-letter queue); required for RabbitMQ
   */
  readonly deadLetterQueue?: string;

  /**
   * How many messages one invocation receives (1 to 10,000).
   *
   * @default 100
   */
  readonly batchSize?: number;

  /**
   * How long Lambda gathers messages before invoking (0 to 300 seconds).
   *
   * @default - Lambda's default for Amazon MQ (500 ms)
   */
  readonly maxBatchingWindow?: Duration;

  /**
   * Event filter patterns (`lambda.FilterCriteria.filter(...)`).
   *
   * @default - every message invokes the function
   */
  readonly filters?: Array<{ [key: string]: any }>;

  /**
   * Whether the mapping starts enabled.
   *
   * @default true
   */
  readonly enabled?: boolean;
}

/**
 * Invokes the function's `live` alias with batches of messages from an Amazon MQ broker queue
 * (ActiveMQ or RabbitMQ), authenticated with the credentials secret by reference. Lambda offers no
 * on-failure destination for Amazon MQ: failed messages are redelivered by the broker and end in its
 * dead-letter queue, which the trigger watches with an alarm.
 */
export class MqTrigger implements ITrigger {
  /** The broker whose queue invokes the function. */
  public readonly broker: MqBroker;

  private readonly options: MqTriggerOptions;
  private readonly binding = new TriggerBinding<{ mapping: lambda.EventSourceMapping; deadLetterAlarm: cloudwatch.Alarm }>('MqTrigger');

  /**
   * @param broker the broker
   * @param options the queue, the credentials and the mapping's settings
   */
  constructor(broker: MqBroker, options: MqTriggerOptions) {
    this.broker = broker;
    this.options = options;
  }

  /** The event source mapping from the queue to the `live` alias (available once added to a function). */
  public get mapping(): lambda.EventSourceMapping {
    return this.binding.resources('mapping').mapping;
  }

  /** The alarm on the broker's dead-letter queue (available once added to a function). */
  public get deadLetterAlarm(): cloudwatch.Alarm {
    return this.binding.resources('deadLetterAlarm').deadLetterAlarm;
  }

  /** @inheritdoc */
  public bind(target: ITriggerTarget): TriggerConfig {
    this.binding.claim(target);
    const o = this.options;
    const scope = triggerScope(target, `Mq${typeof o?.queue === 'string' ? o.queue : ''}`);
    const v = new Validator(scope);
    validateMqTriggerOptions(v, o, this.broker);
    v.throwIfAny();

    const deadLetterQueue = o.deadLetterQueue ?? MQ_DEFAULTS.activeMqDeadLetterQueue;
    const mapping = this.createMapping(scope, target);
    acknowledge(mapping, InvocationAcknowledgement.MQ_ESM_NO_DESTINATION);
    this.grant(target);
    if (target.role) {
      mapping.node.addDependency(target.role);
    }
    const deadLetterAlarm = this.createDeadLetterAlarm(scope, target, deadLetterQueue);
    this.binding.record(target, { mapping, deadLetterAlarm });
    return {
      description: `Amazon MQ queue ${o.queue} (failed messages: the broker's dead-letter queue ${deadLetterQueue}, alarmed)`,
      failureQueues: [],
      readsStream: false,
      eventSourceMappings: [mapping],
    };
  }

  private createMapping(scope: Construct, target: ITriggerTarget): lambda.EventSourceMapping {
    const o = this.options;
    const access: lambda.SourceAccessConfiguration[] = [
      { type: lambda.SourceAccessConfigurationType.BASIC_AUTH, uri: o.credentials.secretArn },
    ];
    if (o.virtualHost !== undefined) {
      access.push({ type: lambda.SourceAccessConfigurationType.VIRTUAL_HOST, uri: o.virtualHost });
    }
    const mapping = new lambda.EventSourceMapping(scope, 'EventSourceMapping', {
      target: target.alias,
      eventSourceArn: this.broker.brokerArn,
      batchSize: o.batchSize ?? MQ_DEFAULTS.batchSize,
      maxBatchingWindow: o.maxBatchingWindow,
      filters: o.filters,
      filterEncryption: filterEncryptionKey(target, o.filters),
      sourceAccessConfigurations: access,
      enabled: o.enabled,
    });
    // aws-cdk-lib's EventSourceMapping has no `queues` property (no Amazon MQ L2): set it on the L1.
    (mapping.node.defaultChild as lambda.CfnEventSourceMapping).queues = [o.queue];
    return mapping;
  }

  /**
   * The role's statements (Lambda's MQ execution-role permissions): DescribeBroker on the broker, the
   * secret by reference, and the network-interface actions of the pollers in the broker's VPC (only
   * `Resource: *` exists for them, so they land in the role's library-only policy).
   */
  private grant(target: ITriggerTarget): void {
    const role = targetRole(target, 'MqTrigger');
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['mq:DescribeBroker'],
      resources: [this.broker.brokerArn],
    }));
    this.options.credentials.grantRead(role);
    grantPollerNetworkInterfaces(role);
  }

  /**
   * An alarm as soon as the broker's dead-letter queue holds a message. ActiveMQ reports `QueueSize`
   * per broker instance (`<name>-1`, and `<name>-2` for the standby of an active/standby pair), so the
   * alarm adds both; RabbitMQ reports `MessageCount` per virtual host and queue.
   */
  private createDeadLetterAlarm(scope: Construct, target: ITriggerTarget, deadLetterQueue: string): cloudwatch.Alarm {
    const name = this.broker.brokerName;
    const period = Duration.minutes(5);
    const metric = (metricName: string, dimensionsMap: { [key: string]: string }) => new cloudwatch.Metric({
      namespace: 'AWS/AmazonMQ', metricName, dimensionsMap, period, statistic: cloudwatch.Stats.MAXIMUM,
    });
    const watched: cloudwatch.IMetric = this.broker.engine === MqEngine.RABBITMQ
      ? metric('MessageCount', { Broker: name, VirtualHost: this.options.virtualHost ?? '/', Queue: deadLetterQueue })
      : new cloudwatch.MathExpression({
        expression: 'FILL(active, 0) + FILL(standby, 0)',
        usingMetrics: {
          active: metric('QueueSize', { Broker: `${name}-1`, Queue: deadLetterQueue }),
          standby: metric('QueueSize', { Broker: `${name}-2`, Queue: deadLetterQueue }),
        },
        label: `Messages in ${deadLetterQueue}`,
        period,
      });
    const alarm = new cloudwatch.Alarm(scope, 'DeadLetterQueueAlarm', {
      alarmDescription: `Messages from Amazon MQ queue ${this.options.queue} failed in ${target.node.path} and were ` +
        `dead-lettered by the broker into ${deadLetterQueue}. Inspect and redrive them on the broker.`,
      metric: watched,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new cwActions.SnsAction(target.alarmTopic));
    return alarm;
  }
}
