import { CfnResource, Duration, Fn } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { KAFKA_DEFAULTS, validateKafkaTriggerOptions } from './kafka-checks';
import { ResourceWildcardAcknowledgement } from '../../acknowledgements/acknowledgements';
import { FailureQueue } from '../../destinations/failure-queue';
import { noteClusterVpcSink } from '../../validation/cluster-vpc-sinks';
import { Validator } from '../../validation/validator';
import { targetRole, TriggerBinding } from '../private/binding';
import { bucketDestination, grantFailedRecords } from '../private/failed-records-bucket';
import { grantPublishFailedRecords, topicDestination } from '../private/failed-records-topic';
import { filterEncryptionKey } from '../private/filter-encryption';
import { grantPollerNetworkInterfaces } from '../private/poller-network';
import { triggerScope } from '../private/trigger-scope';
import { ITrigger, ITriggerTarget, TriggerConfig } from '../trigger';

/**
 * How Lambda authenticates to the Kafka brokers.
 */
export enum KafkaAuthentication {
  /** IAM (MSK only): the function's role gets `kafka-cluster:*` actions scoped to the cluster, topic and group. */
  IAM = 'IAM',
  /** SASL/SCRAM-512, with the credentials in `secret` (MSK and self-managed). */
  SASL_SCRAM_512 = 'SASL_SCRAM_512',
  /** SASL/SCRAM-256, with the credentials in `secret` (self-managed only). */
  SASL_SCRAM_256 = 'SASL_SCRAM_256',
  /** Mutual TLS, with the client certificate and key in `secret` (MSK and self-managed). */
  MTLS = 'MTLS',
}

/**
 * The Kafka cluster a Kafka trigger reads from: an MSK cluster (provisioned or serverless) or a
 * self-managed cluster reachable through its bootstrap servers.
 */
export class KafkaSource {
  /**
   * An Amazon MSK cluster, provisioned or serverless.
   *
   * @param clusterArn the cluster ARN (`arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>`)
   */
  public static msk(clusterArn: string): KafkaSource {
    return new KafkaSource(clusterArn, undefined);
  }

  /**
   * A self-managed Kafka cluster reachable over the internet (Lambda connects with the credentials in
   * the trigger's `secret`).
   *
   * @param bootstrapServers the brokers, `host:port` each
   */
  public static selfManaged(bootstrapServers: string[]): KafkaSource {
    return new KafkaSource(undefined, bootstrapServers);
  }

  /**
   * @param clusterArn the MSK cluster ARN (undefined for a self-managed cluster)
   * @param bootstrapServers the brokers of a self-managed cluster (undefined for MSK)
   */
  private constructor(
    /** The MSK cluster ARN (undefined for a self-managed cluster). */
    public readonly clusterArn: string | undefined,
    /** The brokers of a self-managed cluster (undefined for MSK). */
    public readonly bootstrapServers: string[] | undefined,
  ) {}
}

/**
 * Provisioned mode of a Kafka event source mapping: pollers reserved for the mapping.
 */
export interface KafkaProvisionedPollers {
  /**
   * The fewest pollers (1 to 200).
   *
   * @default 1
   */
  readonly minimumPollers?: number;

  /**
   * The most pollers (1 to 2,000, at least `minimumPollers`).
   *
   * @default 200
   */
  readonly maximumPollers?: number;

  /**
   * A group name: mappings with the same name share pollers (1 to 128 characters of `[a-zA-Z0-9_-]`).
   *
   * @default - dedicated pollers
   */
  readonly pollerGroupName?: string;
}

/**
 * Options of a Kafka trigger.
 */
export interface KafkaTriggerOptions {
  /**
   * The Kafka topic to read (1 to 249 characters of `[a-zA-Z0-9._-]`).
   */
  readonly topic: string;

  /**
   * The consumer group id (1 to 200 characters of `[a-zA-Z0-9-/*:_+=.@]`). Required with IAM
   * authentication, so the group ARN in the role's policy is exact.
   *
   * @default - the mapping's UUID (self-managed, SASL or mTLS only)
   */
  readonly consumerGroupId?: string;

  /**
   * Where a new consumer group starts reading.
   *
   * @default StartingPosition.TRIM_HORIZON
   */
  readonly startingPosition?: lambda.StartingPosition;

  /**
   * The time (Unix seconds) to start reading from, with `StartingPosition.AT_TIMESTAMP`.
   *
   * @default - none
   */
  readonly startingPositionTimestamp?: number;

  /**
   * How many records one invocation receives (1 to 10,000).
   *
   * @default 100
   */
  readonly batchSize?: number;

  /**
   * How long Lambda gathers records before invoking (0 to 300 seconds).
   *
   * @default - Lambda's default for Kafka (500 ms)
   */
  readonly maxBatchingWindow?: Duration;

  /**
   * Event filter patterns (`lambda.FilterCriteria.filter(...)`).
   *
   * @default - every record invokes the function
   */
  readonly filters?: Array<{ [key: string]: any }>;

  /**
   * How Lambda authenticates to the brokers.
   *
   * @default KafkaAuthentication.IAM for MSK; KafkaAuthentication.SASL_SCRAM_512 for self-managed
   */
  readonly authentication?: KafkaAuthentication;

  /**
   * The secret with the SASL/SCRAM credentials or the mTLS client certificate, by reference (its
   * value never enters the template). Required for SASL/SCRAM and mTLS, refused with IAM.
   *
   * @default - none
   */
  readonly secret?: secretsmanager.ISecret;

  /**
   * The secret with the root CA certificate of a self-managed cluster's brokers (private CA).
   *
   * @default - none
   */
  readonly rootCaCertificate?: secretsmanager.ISecret;

  /**
   * Provisioned mode (reserved pollers). Lambda's retry and record-age controls for Kafka are set
   * in provisioned mode.
   *
   * @default - on-demand mode
   */
  readonly provisionedPollers?: KafkaProvisionedPollers;

  /**
   * How many times a failing batch is retried, 0 to 10,000 (provisioned mode). Infinite (-1) is refused.
   *
   * @default 3 in provisioned mode
   */
  readonly retryAttempts?: number;

  /**
   * The oldest record the function is sent, 60 seconds to 7 days (provisioned mode).
   *
   * @default Duration.days(1) in provisioned mode
   */
  readonly maxRecordAge?: Duration;

  /**
   * Whether a failing batch is split in two and retried (provisioned mode).
   *
   * @default true in provisioned mode
   */
  readonly bisectBatchOnError?: boolean;

  /**
   * Whether the handler may return `batchItemFailures` (provisioned mode).
   *
   * @default true in provisioned mode
   */
  readonly reportBatchItemFailures?: boolean;

  /**
   * A standard SQS queue for the records that failed (instead of the trigger's FailureQueue).
   *
   * @default - a FailureQueue (14 days, encrypted, TLS-only, alarmed)
   */
  readonly onFailureQueue?: sqs.IQueue;

  /**
   * A standard SNS topic for the records that failed.
   *
   * @default - a FailureQueue (14 days, encrypted, TLS-only, alarmed)
   */
  readonly onFailureTopic?: sns.ITopic;

  /**
   * An S3 bucket for the records that failed.
   *
   * @default - a FailureQueue (14 days, encrypted, TLS-only, alarmed)
   */
  readonly onFailureBucket?: s3.IBucket;

  /**
   * A Kafka topic of the same cluster for the records that failed (not the source topic).
   *
   * @default - a FailureQueue (14 days, encrypted, TLS-only, alarmed)
   */
  readonly onFailureKafkaTopic?: string;

  /**
   * Whether the mapping starts enabled.
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * The VPC of the cluster's brokers. For a self-managed cluster, Lambda creates its network
   * interfaces in `vpcSubnets` of this VPC with `securityGroup` (then `securityGroup` is required).
   * For MSK, Lambda uses the cluster's own subnets and security groups: the VPC only lets the trigger
   * check that the on-failure destination's service has a VPC endpoint there.
   *
   * @default - self-managed: brokers reached over the internet; MSK: the endpoint check is skipped
   */
  readonly vpc?: ec2.IVpc;

  /**
   * The subnets of `vpc` where Lambda reaches a self-managed cluster (not for MSK).
   *
   * @default - the VPC's private subnets (`vpc.selectSubnets()`)
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /**
   * The security group of Lambda's network interfaces in `vpc`, for a self-managed cluster (required
   * with `vpc` there). It must be allowed to reach the brokers' ports.
   *
   * @default - none (required with `vpc` for a self-managed cluster)
   */
  readonly securityGroup?: ec2.ISecurityGroup;

  /**
   * The offset lag (records not yet processed, the Lambda metric `OffsetLag`) above which the
   * trigger's alarm notifies the function's alarm topic (1 to 1,000,000,000).
   *
   * @default 10000 records, for 3 periods of 5 minutes
   */
  readonly maxOffsetLag?: number;

  /**
   * The level of the mapping's own system logs (what Lambda's pollers log about the mapping).
   *
   * @default EventSourceMappingLogLevel.WARN
   */
  readonly logLevel?: lambda.EventSourceMappingLogLevel;
}

/**
 * Invokes the function's `live` alias with batches of records from a Kafka topic (Amazon MSK or
 * self-managed), with an on-failure destination that is always set (a FailureQueue unless you give a
 * queue, topic, bucket or Kafka topic) and, in provisioned mode, bounded retries and record age.
 */
export class KafkaTrigger implements ITrigger {
  /** The cluster whose topic invokes the function. */
  public readonly source: KafkaSource;

  private readonly options: KafkaTriggerOptions;
  private readonly binding = new TriggerBinding<{
    mapping: lambda.EventSourceMapping; failureQueue?: sqs.IQueue; offsetLagAlarm: cloudwatch.Alarm;
  }>('KafkaTrigger');

  /**
   * @param source the cluster
   * @param options the topic and the mapping's settings
   */
  constructor(source: KafkaSource, options: KafkaTriggerOptions) {
    this.source = source;
    this.options = options;
  }

  /** The event source mapping from the topic to the `live` alias (available once added to a function). */
  public get mapping(): lambda.EventSourceMapping {
    return this.binding.resources('mapping').mapping;
  }

  /**
   * The FailureQueue the trigger created as the mapping's on-failure destination (available once
   * added to a function, undefined when you gave a destination).
   */
  public get failureQueue(): sqs.IQueue | undefined {
    return this.binding.resources('failureQueue').failureQueue;
  }

  /**
   * The alarm on the function's `OffsetLag` (records written to the topic and not yet processed), to
   * the function's alarm topic (available once added to a function).
   */
  public get offsetLagAlarm(): cloudwatch.Alarm {
    return this.binding.resources('offsetLagAlarm').offsetLagAlarm;
  }

  /** @inheritdoc */
  public bind(target: ITriggerTarget): TriggerConfig {
    this.binding.claim(target);
    const o = this.options;
    const scope = triggerScope(target, `Kafka${typeof o?.topic === 'string' ? o.topic : ''}`);
    const v = new Validator(scope);
    validateKafkaTriggerOptions(v, o, this.source);
    v.throwIfAny();

    const purpose = `Kafka topic ${o.topic} -> ${target.node.path}`;
    const { onFailure, failureQueue } = this.onFailure(scope, target, purpose);
    const mapping = this.createMapping(scope, target, onFailure);
    this.grant(target);
    if (target.role) {
      mapping.node.addDependency(target.role);
    }
    this.noteSinkEndpoint(mapping);
    const offsetLagAlarm = this.createOffsetLagAlarm(scope, target);
    this.binding.record(target, { mapping, failureQueue, offsetLagAlarm });
    return {
      description: `Kafka topic ${o.topic}`,
      failureQueues: failureQueue ? [failureQueue] : (o.onFailureQueue ? [o.onFailureQueue] : []),
      // Lambda reports a Kafka mapping's lag as OffsetLag, not IteratorAge: no iterator-age alarm.
      readsStream: false,
      eventSourceMappings: [mapping],
    };
  }

  private onFailure(scope: Construct, target: ITriggerTarget, purpose: string): { onFailure: lambda.IEventSourceDlq; failureQueue?: sqs.IQueue } {
    const o = this.options;
    if (o.onFailureQueue) {
      return { onFailure: new sources.SqsDlq(o.onFailureQueue) };
    } else if (o.onFailureTopic) {
      return { onFailure: topicDestination(o.onFailureTopic) };
    } else if (o.onFailureBucket) {
      return { onFailure: bucketDestination(o.onFailureBucket) };
    } else if (o.onFailureKafkaTopic) {
      return { onFailure: new sources.KafkaDlq(o.onFailureKafkaTopic) };
    }
    const sink = new FailureQueue(scope, 'FailureQueue', { purpose, alarmTopic: target.alarmTopic });
    return { onFailure: new sources.SqsDlq(sink.queue), failureQueue: sink.queue };
  }

  private createMapping(scope: Construct, target: ITriggerTarget, onFailure: lambda.IEventSourceDlq): lambda.EventSourceMapping {
    const o = this.options;
    const provisioned = o.provisionedPollers !== undefined;
    return new lambda.EventSourceMapping(scope, 'EventSourceMapping', {
      target: target.alias,
      eventSourceArn: this.source.clusterArn,
      kafkaBootstrapServers: this.source.bootstrapServers,
      kafkaTopic: o.topic,
      kafkaConsumerGroupId: o.consumerGroupId,
      batchSize: o.batchSize ?? KAFKA_DEFAULTS.batchSize,
      maxBatchingWindow: o.maxBatchingWindow,
      startingPosition: o.startingPosition ?? KAFKA_DEFAULTS.startingPosition,
      startingPositionTimestamp: o.startingPositionTimestamp,
      filters: o.filters,
      sourceAccessConfigurations: this.accessConfigurations(),
      onFailure,
      supportS3OnFailureDestination: true,
      provisionedPollerConfig: o.provisionedPollers,
      retryAttempts: provisioned ? o.retryAttempts ?? KAFKA_DEFAULTS.retryAttempts : undefined,
      maxRecordAge: provisioned ? o.maxRecordAge ?? KAFKA_DEFAULTS.maxRecordAge : undefined,
      bisectBatchOnError: provisioned ? o.bisectBatchOnError ?? true : undefined,
      reportBatchItemFailures: provisioned ? o.reportBatchItemFailures ?? true : undefined,
      enabled: o.enabled,
      // Encrypted filter criteria: the stack's library key (aws-cdk-lib grants lambda.amazonaws.com kms:Decrypt on it).
      filterEncryption: filterEncryptionKey(target, o.filters),
      metricsConfig: { metrics: [lambda.MetricType.EVENT_COUNT, lambda.MetricType.ERROR_COUNT, lambda.MetricType.KAFKA_METRICS] },
      logLevel: o.logLevel ?? lambda.EventSourceMappingLogLevel.WARN,
    });
  }

  /** The alarm on `OffsetLag` (AWS/Lambda, by function name), to the function's alarm topic. */
  private createOffsetLagAlarm(scope: Construct, target: ITriggerTarget): cloudwatch.Alarm {
    const threshold = this.options.maxOffsetLag ?? KAFKA_DEFAULTS.maxOffsetLag;
    const alarm = new cloudwatch.Alarm(scope, 'OffsetLagAlarm', {
      alarmDescription: `The Kafka topic ${this.options.topic} has more than ${threshold} records not yet processed by ` +
        `${target.node.path} for 15 minutes: the function falls behind (errors, throttling, too few pollers or partitions).`,
      metric: new cloudwatch.Metric({
        namespace: 'AWS/Lambda',
        metricName: 'OffsetLag',
        dimensionsMap: { FunctionName: target.alias.version.lambda.functionName },
        statistic: cloudwatch.Stats.MAXIMUM,
        period: Duration.minutes(5),
      }),
      threshold,
      evaluationPeriods: 3,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new cwActions.SnsAction(target.alarmTopic));
    return alarm;
  }

  /** For the app-wide check: the service of the on-failure destination, reached from the cluster's VPC. */
  private noteSinkEndpoint(mapping: lambda.EventSourceMapping): void {
    const o = this.options;
    if (o.vpc === undefined || o.onFailureKafkaTopic !== undefined) {
      return;
    }
    const service = o.onFailureTopic ? 'sns' : o.onFailureBucket ? 's3' : 'sqs';
    noteClusterVpcSink(mapping.node.defaultChild as CfnResource, o.vpc, service);
  }

  private accessConfigurations(): lambda.SourceAccessConfiguration[] | undefined {
    const o = this.options;
    const configs: lambda.SourceAccessConfiguration[] = [];
    if (o.secret) {
      const type = {
        [KafkaAuthentication.SASL_SCRAM_512]: lambda.SourceAccessConfigurationType.SASL_SCRAM_512_AUTH,
        [KafkaAuthentication.SASL_SCRAM_256]: lambda.SourceAccessConfigurationType.SASL_SCRAM_256_AUTH,
        [KafkaAuthentication.MTLS]: lambda.SourceAccessConfigurationType.CLIENT_CERTIFICATE_TLS_AUTH,
        [KafkaAuthentication.IAM]: lambda.SourceAccessConfigurationType.SASL_SCRAM_512_AUTH,
      }[o.authentication ?? KafkaAuthentication.SASL_SCRAM_512];
      configs.push({ type, uri: o.secret.secretArn });
    }
    if (o.rootCaCertificate) {
      configs.push({ type: lambda.SourceAccessConfigurationType.SERVER_ROOT_CA_CERTIFICATE, uri: o.rootCaCertificate.secretArn });
    }
    if (this.source.bootstrapServers !== undefined && o.vpc && o.securityGroup) {
      configs.push({ type: lambda.SourceAccessConfigurationType.VPC_SECURITY_GROUP, uri: o.securityGroup.securityGroupId });
      for (const subnetId of o.vpc.selectSubnets(o.vpcSubnets).subnetIds) {
        configs.push({ type: lambda.SourceAccessConfigurationType.VPC_SUBNET, uri: subnetId });
      }
    }
    return configs.length > 0 ? configs : undefined;
  }

  /** The role's statements: secrets by reference; for MSK, the cluster and, with IAM, its topic and group. */
  private grant(target: ITriggerTarget): void {
    const o = this.options;
    const role = targetRole(target, 'KafkaTrigger');
    o.secret?.grantRead(role);
    o.rootCaCertificate?.grantRead(role);
    if (o.onFailureBucket) {
      grantFailedRecords(target, role, o.onFailureBucket, 'Kafka', ResourceWildcardAcknowledgement.KAFKA_FAILED_RECORDS);
    }
    if (o.onFailureTopic) {
      grantPublishFailedRecords(role, o.onFailureTopic);
    }
    const clusterArn = this.source.clusterArn;
    if (clusterArn !== undefined || o.vpc !== undefined) {
      // Lambda's pollers create their network interfaces in the cluster's subnets with this role. These
      // actions take Resource: * only, so the statement lands in the role's library-only policy.
      grantPollerNetworkInterfaces(role);
    }
    if (clusterArn === undefined) {
      return;
    }
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['kafka:DescribeCluster', 'kafka:DescribeClusterV2', 'kafka:GetBootstrapBrokers'],
      resources: [clusterArn],
    }));
    if ((o.authentication ?? KafkaAuthentication.IAM) !== KafkaAuthentication.IAM) {
      return;
    }
    // arn:<p>:kafka:<r>:<a>:cluster/<name>/<uuid> -> topic/<name>/<uuid>/<topic>, group/<name>/<uuid>/<group>
    const parts = Fn.split(':cluster/', clusterArn, 2);
    const arnOf = (kind: string, name: string) => Fn.join('', [Fn.select(0, parts), `:${kind}/`, Fn.select(1, parts), '/', name]);
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['kafka-cluster:Connect', 'kafka-cluster:DescribeClusterDynamicConfiguration'],
      resources: [clusterArn],
    }));
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'],
      resources: [arnOf('topic', o.topic)],
    }));
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['kafka-cluster:DescribeGroup', 'kafka-cluster:AlterGroup'],
      resources: [arnOf('group', o.consumerGroupId!)],
    }));
    if (o.onFailureKafkaTopic) {
      role.addToPrincipalPolicy(new iam.PolicyStatement({
        actions: ['kafka-cluster:DescribeTopic', 'kafka-cluster:WriteData'],
        resources: [arnOf('topic', o.onFailureKafkaTopic)],
      }));
    }
  }
}
