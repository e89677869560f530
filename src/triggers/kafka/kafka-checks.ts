import { Duration, Token } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { KafkaSource, KafkaTriggerOptions } from './kafka-trigger';
import { ErrorCodes } from '../../validation/error-codes';
import { PROP_SHAPES } from '../../validation/prop-shapes.generated';
import { Validator } from '../../validation/validator';
import { seconds } from '../private/duration';
import { checkTriggerOptions } from '../private/option-shapes';
import { validateStartingPositionTimestamp } from '../private/starting-position';

/** The bounded defaults of a Kafka trigger. @internal */
export const KAFKA_DEFAULTS = {
  batchSize: 100,
  retryAttempts: 3,
  maxRecordAge: Duration.days(1),
  startingPosition: lambda.StartingPosition.TRIM_HORIZON,
  maxOffsetLag: 10000,
} as const;

const TOPIC = /^[a-zA-Z0-9._-]{1,249}$/;
const GROUP = /^[a-zA-Z0-9\-/*:_+=.@]{1,200}$/;
const POLLER_GROUP = /^[a-zA-Z0-9_-]{1,128}$/;
const CLUSTER_ARN = /^arn:aws[a-z-]*:kafka:[a-z0-9-]+:\d{12}:cluster\/[^/]+\/[^/]+$/;
const BROKER = /^[^\s:]+:\d{1,5}$/;

/**
 * The checks of a Kafka trigger (types, the source, the topic and group, batching, authentication,
 * the on-failure destination, provisioned mode and its retry controls). Creates nothing.
 *
 * @internal
 */
export function validateKafkaTriggerOptions(v: Validator, o: KafkaTriggerOptions, source: KafkaSource): void {
  checkTriggerOptions(v, o, PROP_SHAPES.KafkaTriggerOptions);
  validateKafkaSource(v, source);
  const text = (code: string, property: string, value: string | undefined, pattern: RegExp, limit: string) => {
    v.failIf(value !== undefined && !Token.isUnresolved(value) && !pattern.test(value), {
      code, property, value: `'${value}'`, limit, fix: `use ${limit}`,
    });
  };
  text(ErrorCodes.LBP_KAFKA_TOPIC, 'topic', o.topic, TOPIC, '1 to 249 characters of [a-zA-Z0-9._-]');
  text(ErrorCodes.LBP_KAFKA_TOPIC, 'onFailureKafkaTopic', o.onFailureKafkaTopic, TOPIC, '1 to 249 characters of [a-zA-Z0-9._-]');
  v.failIf(o.onFailureKafkaTopic !== undefined && o.onFailureKafkaTopic === o.topic, {
    code: ErrorCodes.LBP_KAFKA_TOPIC,
    property: 'onFailureKafkaTopic',
    value: `'${o.onFailureKafkaTopic}' (the source topic)`,
    limit: 'Lambda refuses a Kafka on-failure destination that is the source topic (it would loop)',
    fix: 'name another topic of the same cluster',
  });
  text(ErrorCodes.LBP_KAFKA_CONSUMER_GROUP, 'consumerGroupId', o.consumerGroupId, GROUP, '1 to 200 characters of [a-zA-Z0-9-/*:_+=.@]');
  v.range(ErrorCodes.LBP_KAFKA_BATCH_SIZE, 'batchSize', o.batchSize, 1, 10000, { integer: true });
  v.range(ErrorCodes.LBP_BATCHING_WINDOW, 'maxBatchingWindow', seconds(o.maxBatchingWindow), 0, 300, { unit: 'seconds', integer: true });
  const position = o.startingPosition ?? KAFKA_DEFAULTS.startingPosition;
  validateStartingPositionTimestamp(v, ErrorCodes.LBP_KAFKA_STARTING_POSITION, position, o.startingPositionTimestamp);
  validateAuthentication(v, o, source);
  validateOnFailure(v, o);
  validateProvisionedMode(v, o);
  validateVpc(v, o, source);
  v.range(ErrorCodes.LBP_KAFKA_OFFSET_LAG, 'maxOffsetLag', o.maxOffsetLag, 1, 1_000_000_000, { integer: true });
}

function validateVpc(v: Validator, o: KafkaTriggerOptions, source: KafkaSource): void {
  const fail = (property: string, value: string, limit: string, fix: string) =>
    v.fail({ code: ErrorCodes.LBP_KAFKA_VPC, property, value, limit, fix });
  const given = (['vpcSubnets', 'securityGroup'] as const).filter((k) => o[k] !== undefined);
  if (source.clusterArn !== undefined) {
    if (given.length > 0) {
      fail(given.join(', '), 'set for an MSK cluster',
        'Lambda reaches an MSK cluster through the cluster\'s own subnets and security groups',
        'remove them (set the cluster\'s security group rules instead); vpc alone is accepted, for the endpoint check');
    }
    return;
  }
  if (o.vpc === undefined) {
    if (given.length > 0) {
      fail(given.join(', '), 'set without vpc', 'the subnets and security group are those of a VPC', 'set vpc too, or remove them');
    }
    return;
  }
  if (o.securityGroup === undefined) {
    fail('securityGroup', 'undefined', 'Lambda\'s network interfaces in the cluster\'s VPC need a security group',
      'pass a security group that may reach the brokers\' ports');
  }
  // Selecting subnets creates nothing; it throws when the VPC has no subnet of the selected kind.
  let subnets: number;
  try {
    subnets = o.vpc.selectSubnets(o.vpcSubnets).subnetIds.length;
  } catch (e) {
    fail('vpcSubnets', `${(e as Error).message}`, 'the selection must name subnets of vpc', 'select subnets the VPC has');
    return;
  }
  if (subnets === 0) {
    fail('vpcSubnets', 'no subnets', 'Lambda needs at least one subnet of the cluster\'s VPC', 'select subnets the VPC has');
  }
}

function validateKafkaSource(v: Validator, source: KafkaSource): void {
  const isSource = typeof source === 'object' && source !== null
    && ((source as KafkaSource).clusterArn === undefined) !== ((source as KafkaSource).bootstrapServers === undefined);
  if (!isSource) {
    v.fail({
      code: ErrorCodes.LBP_KAFKA_SOURCE,
      property: 'source',
      value: `${typeof source}`,
      limit: 'Trigger.kafka needs a KafkaSource',
      fix: 'pass KafkaSource.msk(clusterArn) or KafkaSource.selfManaged(bootstrapServers)',
    });
    v.throwIfAny();
    return;
  }
  const arn = source.clusterArn;
  v.failIf(arn !== undefined && (typeof arn !== 'string' || (!Token.isUnresolved(arn) && !CLUSTER_ARN.test(arn))), {
    code: ErrorCodes.LBP_KAFKA_SOURCE,
    property: 'clusterArn',
    value: `'${arn}'`,
    limit: 'an MSK cluster ARN is arn:<partition>:kafka:<region>:<account>:cluster/<name>/<uuid>',
    fix: 'pass the ARN of the provisioned or serverless MSK cluster',
  });
  const servers = source.bootstrapServers;
  if (servers === undefined) {
    return;
  }
  const bad = Array.isArray(servers)
    ? servers.filter((s) => typeof s !== 'string' || (!Token.isUnresolved(s) && !BROKER.test(s)))
    : [servers];
  v.failIf(!Array.isArray(servers) || servers.length === 0 || bad.length > 0, {
    code: ErrorCodes.LBP_KAFKA_SOURCE,
    property: 'bootstrapServers',
    value: Array.isArray(servers) && servers.length === 0 ? '[]' : `${JSON.stringify(bad)}`,
    limit: 'a self-managed cluster needs at least one broker, each host:port',
    fix: "list the brokers as 'host:port' (e.g. 'broker1.example.com:9096')",
  });
}

function validateAuthentication(v: Validator, o: KafkaTriggerOptions, source: KafkaSource): void {
  const msk = source.clusterArn !== undefined;
  const auth = o.authentication ?? (msk ? 'IAM' : 'SASL_SCRAM_512');
  const fail = (property: string, value: string, limit: string, fix: string) =>
    v.fail({ code: ErrorCodes.LBP_KAFKA_AUTHENTICATION, property, value, limit, fix });
  if (auth === 'IAM') {
    if (!msk) {
      fail('authentication', 'IAM', 'IAM authentication is for Amazon MSK only', 'use SASL_SCRAM_512, SASL_SCRAM_256 or MTLS with a secret');
    }
    if (o.secret) {
      fail('secret', 'set', 'IAM authentication uses the function\'s role, not a secret', 'remove secret, or choose SASL_SCRAM_512 or MTLS');
    }
    v.failIf(msk && o.consumerGroupId === undefined, {
      code: ErrorCodes.LBP_KAFKA_CONSUMER_GROUP,
      property: 'consumerGroupId',
      value: 'undefined',
      limit: 'with IAM authentication the role is granted its consumer group by ARN, so the group must be named',
      fix: 'set consumerGroupId (it cannot be changed after the mapping is created)',
    });
  } else {
    if (msk && auth === 'SASL_SCRAM_256') {
      fail('authentication', 'SASL_SCRAM_256', 'Amazon MSK supports SASL/SCRAM-512 only', 'use SASL_SCRAM_512, MTLS or IAM');
    }
    if (!o.secret) {
      fail('secret', 'undefined', `${auth} authentication reads its credentials from a secret`, 'pass the secret (an ISecret, by reference)');
    }
  }
  if (msk && o.rootCaCertificate) {
    fail('rootCaCertificate', 'set', 'a root CA certificate is for self-managed clusters with a private CA', 'remove rootCaCertificate');
  }
}

function validateOnFailure(v: Validator, o: KafkaTriggerOptions): void {
  const given = (['onFailureQueue', 'onFailureTopic', 'onFailureBucket', 'onFailureKafkaTopic'] as const).filter((k) => o[k] !== undefined);
  v.failIf(given.length > 1, {
    code: ErrorCodes.LBP_KAFKA_ON_FAILURE,
    property: given.join(', '),
    value: 'more than one set',
    limit: 'a mapping has one on-failure destination',
    fix: 'set only one of them',
  });
  const fifoQueue = o.onFailureQueue && !Token.isUnresolved(o.onFailureQueue.fifo) && o.onFailureQueue.fifo;
  const fifoTopic = o.onFailureTopic && !Token.isUnresolved(o.onFailureTopic.fifo) && o.onFailureTopic.fifo;
  v.failIf(Boolean(fifoQueue || fifoTopic), {
    code: ErrorCodes.LBP_KAFKA_ON_FAILURE,
    property: fifoQueue ? 'onFailureQueue' : 'onFailureTopic',
    value: 'a FIFO destination',
    limit: 'Lambda only sends on-failure records to standard queues and topics',
    fix: 'use a standard queue or topic, or leave it unset for a FailureQueue',
  });
}

function validateProvisionedMode(v: Validator, o: KafkaTriggerOptions): void {
  const p = o.provisionedPollers;
  if (p === undefined) {
    const set = (['retryAttempts', 'maxRecordAge', 'bisectBatchOnError', 'reportBatchItemFailures'] as const).filter((k) => o[k] !== undefined);
    v.failIf(set.length > 0, {
      code: ErrorCodes.LBP_KAFKA_PROVISIONED_MODE,
      property: set.join(', '),
      value: 'set without provisionedPollers',
      limit: 'Lambda offers the retry and record-age controls of a Kafka mapping in provisioned mode',
      fix: 'set provisionedPollers (e.g. { minimumPollers: 1, maximumPollers: 10 }) or remove them',
    });
    return;
  }
  v.range(ErrorCodes.LBP_KAFKA_POLLERS, 'provisionedPollers.minimumPollers', p.minimumPollers, 1, 200, { integer: true });
  v.range(ErrorCodes.LBP_KAFKA_POLLERS, 'provisionedPollers.maximumPollers', p.maximumPollers, 1, 2000, { integer: true });
  const min = p.minimumPollers ?? 1;
  const max = p.maximumPollers ?? 200;
  v.failIf(!Token.isUnresolved(min) && !Token.isUnresolved(max) && min > max, {
    code: ErrorCodes.LBP_KAFKA_POLLERS,
    property: 'provisionedPollers',
    value: `minimumPollers ${min} > maximumPollers ${max}`,
    limit: 'the minimum cannot exceed the maximum',
    fix: 'raise maximumPollers or lower minimumPollers',
  });
  v.failIf(p.pollerGroupName !== undefined && !Token.isUnresolved(p.pollerGroupName) && !POLLER_GROUP.test(p.pollerGroupName), {
    code: ErrorCodes.LBP_KAFKA_POLLERS,
    property: 'provisionedPollers.pollerGroupName',
    value: `'${p.pollerGroupName}'`,
    limit: 'a poller group name is 1 to 128 characters of [a-zA-Z0-9_-]',
    fix: 'rename the group',
  });
  validateRetries(v, o);
}

function validateRetries(v: Validator, o: KafkaTriggerOptions): void {
  if (o.retryAttempts === -1) {
    v.fail({
      code: ErrorCodes.LBP_KAFKA_RETRY_ATTEMPTS,
      property: 'retryAttempts',
      value: '-1 (infinite)',
      limit: 'infinite retries let one bad record block its partition until it expires',
      fix: `set a finite retryAttempts (0 to 10000; default ${KAFKA_DEFAULTS.retryAttempts})`,
    });
  } else {
    v.range(ErrorCodes.LBP_KAFKA_RETRY_ATTEMPTS, 'retryAttempts', o.retryAttempts, 0, 10000, { integer: true });
  }
  v.range(ErrorCodes.LBP_KAFKA_MAX_RECORD_AGE, 'maxRecordAge', seconds(o.maxRecordAge), 60, 604800, { unit: 'seconds', integer: true });
}
