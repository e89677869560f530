/**
 * A generic checker over CloudFormation template JSON: it finds every event path that can lose an
 * event (Lambda event source mappings, SNS subscriptions to functions, EventBridge rule targets that
 * are functions, IoT topic rules and CloudWatch Logs subscriptions invoking functions, Firehose
 * streams transforming with a function, and every function's asynchronous invocation) and proves each
 * has a failure sink with finite retries, and that every sink queue keeps messages 14 days, is
 * encrypted, refuses non-TLS requests and has an alarm with an action (a Firehose sink is its S3
 * bucket: encrypted, with an error prefix, and the stream alarmed). It knows nothing about this library's
 * constructs, so it covers templates others add later.
 */

export const FOURTEEN_DAYS = 1209600;

export interface CfnTemplate {
  readonly Resources?: { [logicalId: string]: { Type: string; Properties?: any } };
  readonly Outputs?: { [name: string]: { Value: any } };
}

/** One event path found in a template. */
export interface EventPath {
  readonly kind: 'sqs-esm' | 'stream-esm' | 'kafka-esm' | 'mq-esm' | 'documentdb-esm' | 'sns-subscription' | 'rule-target' | 'schedule-target'
  | 'async-invoke' | 'iot-rule' | 'log-subscription' | 'firehose-processor';
  readonly resource: string;
  /**
   * The logical id of the sink (a queue; a bucket for Firehose; for Amazon MQ, whose dead-letter queue
   * is on the broker, the alarm that watches it), when one was found. A DocumentDB mapping has none by
   * AWS's design (Lambda offers no on-failure destination for it).
   */
  readonly sink?: string;
}

export interface FailurePathReport {
  readonly paths: EventPath[];
  readonly problems: string[];
}

/** The logical id an ARN-ish value points at (`Fn::GetAtt [id, Arn]` or `Ref id`). */
function referencedId(value: any): string | undefined {
  if (value && typeof value === 'object') {
    if (Array.isArray(value['Fn::GetAtt'])) {
      return value['Fn::GetAtt'][0];
    }
    if (typeof value.Ref === 'string') {
      return value.Ref;
    }
  }
  return undefined;
}

/** Every logical id referenced anywhere inside a value. */
function allReferences(value: any, into: Set<string> = new Set()): Set<string> {
  const id = referencedId(value);
  if (id) {
    into.add(id);
  }
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) {
      allReferences(v, into);
    }
  }
  return into;
}

/** Whether a function's role (in this template) is trusted by Lambda@Edge (`edgelambda.amazonaws.com`). */
function isEdgeFunction(resources: NonNullable<CfnTemplate['Resources']>, roleArn: any): boolean {
  const role = resources[referencedId(roleArn) ?? ''];
  const trust = JSON.stringify(role?.Properties?.AssumeRolePolicyDocument ?? {});
  return role?.Type === 'AWS::IAM::Role' && trust.includes('edgelambda.amazonaws.com');
}

export function checkFailurePaths(template: CfnTemplate, related: CfnTemplate[] = []): FailurePathReport {
  const resources = template.Resources ?? {};
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const typeOf = (id: string | undefined) => (id ? resources[id]?.Type : undefined);
  const paths: EventPath[] = [];
  const problems: string[] = [];

  /** Is this value a reference to a function (or one of its aliases/versions)? Returns the function's logical id. */
  const functionOf = (value: any): string | undefined => {
    for (const id of allReferences(value)) {
      const type = typeOf(id);
      if (type === 'AWS::Lambda::Function') {
        return id;
      }
      if (type === 'AWS::Lambda::Alias' || type === 'AWS::Lambda::Version') {
        const fn = [...allReferences(resources[id].Properties?.FunctionName)].find((f) => typeOf(f) === 'AWS::Lambda::Function');
        return fn ?? id;
      }
    }
    return undefined;
  };

  const sink = (path: string, value: any): string | undefined => {
    const id = referencedId(value);
    if (!id || typeOf(id) !== 'AWS::SQS::Queue') {
      problems.push(`${path}: failure sink ${JSON.stringify(value)} is not an SQS queue in this template`);
      return undefined;
    }
    return id;
  };

  // ---- event source mappings
  for (const [id, r] of ofType('AWS::Lambda::EventSourceMapping')) {
    const p = r.Properties ?? {};
    if (p.DocumentDBEventSourceConfig !== undefined) {
      // None by AWS's design: Lambda offers no on-failure destination for DocumentDB. A failing batch is
      // retried until it succeeds or its events expire from the change stream, then Lambda disables the
      // mapping (Lambda docs "Process Amazon DocumentDB events with Lambda"; DocumentDB docs "Using AWS
      // Lambda with change streams"). A destination here would be refused or ignored.
      if (p.DestinationConfig !== undefined) {
        problems.push(`${id}: DocumentDB mapping has a DestinationConfig, which Lambda does not offer for DocumentDB`);
      }
      paths.push({ kind: 'documentdb-esm', resource: id });
      continue;
    }
    const sourceId = referencedId(p.EventSourceArn);
    const sourceType = typeOf(sourceId);
    if (p.Queues !== undefined) {
      // Amazon MQ: Lambda has no on-failure destination for it (none by AWS's design); the broker
      // redelivers and dead-letters, so the sink is the broker's dead-letter queue and must be alarmed.
      const alarm = amazonMqAlarm(resources, p.EventSourceArn);
      if (!alarm) {
        problems.push(`${id}: Amazon MQ mapping has no AWS/AmazonMQ alarm (with an action) on its broker's dead-letter queue`);
      }
      if (p.DestinationConfig !== undefined || p.MaximumRetryAttempts !== undefined) {
        problems.push(`${id}: Amazon MQ mapping sets DestinationConfig or MaximumRetryAttempts, which Lambda does not offer for Amazon MQ`);
      }
      paths.push({ kind: 'mq-esm', resource: id, sink: alarm });
      continue;
    }
    const isSqs = sourceType === 'AWS::SQS::Queue' || (typeof p.EventSourceArn === 'string' && p.EventSourceArn.includes(':sqs:'));
    if (isSqs) {
      const redrive = sourceType === 'AWS::SQS::Queue' ? resources[sourceId!].Properties?.RedrivePolicy : undefined;
      if (!redrive?.deadLetterTargetArn) {
        problems.push(`${id}: SQS source ${sourceId ?? p.EventSourceArn} has no redrive policy in this template`);
        paths.push({ kind: 'sqs-esm', resource: id });
        continue;
      }
      if (typeof redrive.maxReceiveCount !== 'number' || redrive.maxReceiveCount < 1) {
        problems.push(`${id}: redrive maxReceiveCount ${redrive.maxReceiveCount} is not a finite count`);
      }
      paths.push({ kind: 'sqs-esm', resource: id, sink: sink(id, redrive.deadLetterTargetArn) });
    } else {
      const destination = p.DestinationConfig?.OnFailure?.Destination;
      if (!destination) {
        problems.push(`${id}: stream mapping has no on-failure destination`);
      }
      // A Kafka mapping in on-demand mode has no retry or record-age controls (Lambda offers them in
      // provisioned mode); with an on-failure destination Lambda caps its infinite retries at 10
      // (Lambda docs, "Using a Kafka topic as an on-failure destination"), so the destination bounds it.
      const kafkaOnDemand = p.Topics !== undefined && p.ProvisionedPollerConfig === undefined && destination !== undefined;
      if (kafkaOnDemand) {
        paths.push({ kind: 'kafka-esm', resource: id, sink: sink(id, destination) });
        continue;
      }
      if (p.MaximumRetryAttempts === undefined || p.MaximumRetryAttempts === -1) {
        problems.push(`${id}: stream mapping retries forever (MaximumRetryAttempts ${p.MaximumRetryAttempts})`);
      }
      if (p.MaximumRecordAgeInSeconds === undefined || p.MaximumRecordAgeInSeconds === -1) {
        problems.push(`${id}: stream mapping keeps records forever (MaximumRecordAgeInSeconds ${p.MaximumRecordAgeInSeconds})`);
      }
      paths.push({ kind: p.Topics !== undefined ? 'kafka-esm' : 'stream-esm', resource: id, sink: destination ? sink(id, destination) : undefined });
    }
  }

  // ---- SNS subscriptions to functions
  for (const [id, r] of ofType('AWS::SNS::Subscription')) {
    const p = r.Properties ?? {};
    if (p.Protocol !== 'lambda') {
      continue;
    }
    const dlq = p.RedrivePolicy?.deadLetterTargetArn;
    if (!dlq) {
      problems.push(`${id}: SNS subscription to a function has no redrive dead-letter queue`);
    }
    // SNS retries deliveries to Lambda a bounded number of times (AWS-managed delivery policy).
    paths.push({ kind: 'sns-subscription', resource: id, sink: dlq ? sink(id, dlq) : undefined });
  }

  /**
   * An EventBridge rule target or Scheduler schedule target (same shape: Arn, DeadLetterConfig.Arn,
   * RetryPolicy) that invokes a function needs a dead-letter queue and an explicit, finite retry policy.
   */
  const eventTarget = (kind: 'rule-target' | 'schedule-target', name: string, target: any): void => {
    const isFunction = functionOf(target.Arn) !== undefined || (typeof target.Arn === 'string' && target.Arn.includes(':lambda:'));
    if (!isFunction) {
      return;
    }
    const label = kind === 'rule-target' ? 'rule target' : 'schedule target';
    const dlq = target.DeadLetterConfig?.Arn;
    if (!dlq) {
      problems.push(`${name}: ${label} has no dead-letter queue`);
    }
    const retry = target.RetryPolicy;
    if (!retry || typeof retry.MaximumRetryAttempts !== 'number' || typeof retry.MaximumEventAgeInSeconds !== 'number') {
      problems.push(`${name}: ${label} has no explicit, finite retry policy (${JSON.stringify(retry)})`);
    }
    paths.push({ kind, resource: name, sink: dlq ? sink(name, dlq) : undefined });
  };

  // ---- EventBridge rule targets and Scheduler schedules that invoke functions
  for (const [id, r] of ofType('AWS::Events::Rule')) {
    for (const [i, target] of (r.Properties?.Targets ?? []).entries()) {
      eventTarget('rule-target', `${id}.Targets[${i}]`, target);
    }
  }
  for (const [id, r] of ofType('AWS::Scheduler::Schedule')) {
    eventTarget('schedule-target', id, r.Properties?.Target ?? {});
  }

  // ---- IoT topic rules invoking functions: an SQS error action (the function's own async path is checked below)
  for (const [id, r] of ofType('AWS::IoT::TopicRule')) {
    const payload = r.Properties?.TopicRulePayload ?? {};
    const invokes = (payload.Actions ?? []).some((a: any) => a.Lambda && (functionOf(a.Lambda.FunctionArn) !== undefined
      || (typeof a.Lambda.FunctionArn === 'string' && a.Lambda.FunctionArn.includes(':lambda:'))));
    if (!invokes) {
      continue;
    }
    const queueUrl = payload.ErrorAction?.Sqs?.QueueUrl;
    if (!queueUrl) {
      problems.push(`${id}: IoT rule invoking a function has no SQS error action (failed invocations are dropped)`);
    }
    if (payload.AwsIotSqlVersion === undefined) {
      problems.push(`${id}: IoT rule has no AwsIotSqlVersion (CloudFormation falls back to 2015-10-08)`);
    }
    paths.push({ kind: 'iot-rule', resource: id, sink: queueUrl ? sink(id, queueUrl) : undefined });
  }

  // ---- CloudWatch Logs subscriptions to functions: the function's failed async invocations must be kept
  for (const [id, r] of ofType('AWS::Logs::SubscriptionFilter')) {
    const fn = functionOf(r.Properties?.DestinationArn);
    if (!fn || typeOf(fn) !== 'AWS::Lambda::Function') {
      continue;
    }
    const dlq = resources[fn].Properties?.DeadLetterConfig?.TargetArn;
    if (!dlq) {
      problems.push(`${id}: log subscription to ${fn}, whose failed asynchronous invocations are not kept`);
    }
    paths.push({ kind: 'log-subscription', resource: id, sink: dlq ? sink(id, dlq) : undefined });
  }

  // ---- Firehose streams transforming with a function: bounded retries, failed records kept in an encrypted bucket, alarmed
  for (const [id, r] of ofType('AWS::KinesisFirehose::DeliveryStream')) {
    const s3 = r.Properties?.ExtendedS3DestinationConfiguration;
    const lambdaProcessors = (s3?.ProcessingConfiguration?.Processors ?? [])
      .filter((p: any) => p.Type === 'Lambda');
    const anyLambda = JSON.stringify(r.Properties ?? {}).includes('"Type":"Lambda"');
    if (lambdaProcessors.length === 0) {
      if (anyLambda) {
        problems.push(`${id}: Firehose stream transforms with a function but has no S3 destination keeping failed records`);
      }
      continue;
    }
    for (const processor of lambdaProcessors) {
      const retries = (processor.Parameters ?? []).find((p: any) => p.ParameterName === 'NumberOfRetries')?.ParameterValue;
      if (retries === undefined || !/^\d+$/.test(`${retries}`) || Number(retries) > 300) {
        problems.push(`${id}: Firehose Lambda processor has no explicit, bounded NumberOfRetries (${retries})`);
      }
    }
    const bucket = referencedId(s3.BucketARN);
    if (!bucket || typeOf(bucket) !== 'AWS::S3::Bucket') {
      problems.push(`${id}: Firehose destination ${JSON.stringify(s3.BucketARN)} is not a bucket in this template`);
      paths.push({ kind: 'firehose-processor', resource: id });
      continue;
    }
    if (!s3.ErrorOutputPrefix) {
      problems.push(`${id}: Firehose destination has no explicit ErrorOutputPrefix for failed records`);
    }
    if (!resources[bucket].Properties?.BucketEncryption) {
      problems.push(`${bucket}: Firehose sink bucket is not explicitly encrypted`);
    }
    const alarmed = Object.values(resources).some((a) => a.Type === 'AWS::CloudWatch::Alarm'
      && a.Properties?.Namespace === 'AWS/Firehose'
      && (a.Properties?.Dimensions ?? []).some((d: any) => d.Name === 'DeliveryStreamName' && referencedId(d.Value) === id)
      && (a.Properties?.AlarmActions ?? []).length > 0);
    if (!alarmed) {
      problems.push(`${id}: Firehose stream has no alarm (with an action) on its failures`);
    }
    paths.push({ kind: 'firehose-processor', resource: id, sink: bucket });
  }

  // ---- every function's asynchronous invocation
  const eics = ofType('AWS::Lambda::EventInvokeConfig');
  for (const [id, r] of ofType('AWS::Lambda::Function')) {
    if (isEdgeFunction(resources, r.Properties?.Role)) {
      // Lambda@Edge: CloudFront invokes it synchronously (errors go to the viewer) and it cannot have
      // a dead-letter queue; there is no asynchronous path to check.
      continue;
    }
    const dlq = r.Properties?.DeadLetterConfig?.TargetArn;
    const eic = eics.find(([, e]) => allReferences(e.Properties?.FunctionName).has(id));
    const onFailure = eic?.[1].Properties?.DestinationConfig?.OnFailure?.Destination;
    if (!dlq && !onFailure) {
      problems.push(`${id}: failed asynchronous invocations are dropped (no DeadLetterConfig, no on-failure destination)`);
    }
    const retries = eic?.[1].Properties?.MaximumRetryAttempts;
    if (retries !== undefined && (retries < 0 || retries > 2)) {
      problems.push(`${id}: asynchronous MaximumRetryAttempts ${retries} outside 0-2`);
    }
    paths.push({ kind: 'async-invoke', resource: id, sink: dlq ? sink(id, dlq) : sink(id, onFailure) });
  }

  // ---- every sink: 14 days, encrypted, TLS-only, alarmed
  const sinks = new Set(paths.map((p) => p.sink).filter((s): s is string => s !== undefined && typeOf(s) === 'AWS::SQS::Queue'));
  for (const q of sinks) {
    problems.push(...checkSinkQueue(resources, q, template, related));
  }
  return { paths, problems };
}

/**
 * The logical id of an alarm (with an action) on an `AWS/AmazonMQ` metric whose `Broker` dimension names
 * the mapping's broker: the broker name of a literal ARN (ActiveMQ adds `-1`/`-2`), the `BrokerName` of an
 * `AWS::AmazonMQ::Broker` in the template, or a value built from the same references as the ARN.
 */
function amazonMqAlarm(resources: NonNullable<CfnTemplate['Resources']>, brokerArn: any): string | undefined {
  const refs = allReferences(brokerArn);
  const brokerResource = [...refs].map((r) => resources[r]).find((r) => r?.Type === 'AWS::AmazonMQ::Broker');
  const name: string | undefined = typeof brokerArn === 'string' ? brokerArn.split(':')[6] : brokerResource?.Properties?.BrokerName;
  const namesBroker = (d: any) => d.Name === 'Broker' && (typeof d.Value === 'string'
    ? name !== undefined && (d.Value === name || d.Value === `${name}-1` || d.Value === `${name}-2`)
    : [...allReferences(d.Value)].some((r) => refs.has(r)));
  const watches = (namespace: any, dimensions: any[] | undefined) => namespace === 'AWS/AmazonMQ' && (dimensions ?? []).some(namesBroker);
  const found = Object.entries(resources).find(([, r]) => r.Type === 'AWS::CloudWatch::Alarm'
    && (r.Properties?.AlarmActions ?? []).length > 0
    && (watches(r.Properties?.Namespace, r.Properties?.Dimensions)
      || (r.Properties?.Metrics ?? []).some((m: any) => watches(m.MetricStat?.Metric?.Namespace, m.MetricStat?.Metric?.Dimensions))));
  return found?.[0];
}

/**
 * Whether an alarm with an action on an `AWS/SQS` Metrics Insights query lists the queue's name: in this
 * template (`Fn::GetAtt [queue, QueueName]` or `Ref queue`), or in a related one (the parent of a nested
 * stack) through an output of this template whose value is the queue's name (`Fn::GetAtt [stack, Outputs.<name>]`).
 */
function insightsAlarmOnQueue(q: string, template: CfnTemplate, related: CfnTemplate[]): boolean {
  const names = (value: any) => referencedId(value) === q;
  const outputs = new Set(Object.entries(template.Outputs ?? {}).filter(([, o]) => names(o.Value)).map(([name]) => `Outputs.${name}`));
  const listsQueue = (part: any, local: boolean) => (local && names(part))
    || (!local && Array.isArray(part?.['Fn::GetAtt']) && outputs.has(part['Fn::GetAtt'][1]));
  const watches = (t: CfnTemplate, local: boolean) => Object.values(t.Resources ?? {}).some((r) => r.Type === 'AWS::CloudWatch::Alarm'
    && (r.Properties?.AlarmActions ?? []).length > 0
    && (r.Properties?.Metrics ?? []).some((m: any) => {
      const parts: any[] = typeof m.Expression === 'string' ? [m.Expression] : m.Expression?.['Fn::Join']?.[1] ?? [];
      const text = parts.filter((x) => typeof x === 'string').join('');
      return /^SELECT .* FROM SCHEMA\("AWS\/SQS", QueueName\) WHERE QueueName IN \(/.test(text) && parts.some((x) => listsQueue(x, local));
    }));
  return watches(template, true) || related.some((t) => watches(t, false));
}

function checkSinkQueue(resources: NonNullable<CfnTemplate['Resources']>, q: string, template: CfnTemplate, related: CfnTemplate[]): string[] {
  const problems: string[] = [];
  const p = resources[q].Properties ?? {};
  if (p.MessageRetentionPeriod !== FOURTEEN_DAYS) {
    problems.push(`${q}: sink keeps messages ${p.MessageRetentionPeriod ?? 345600} s, not 14 days (${FOURTEEN_DAYS} s)`);
  }
  if (p.SqsManagedSseEnabled !== true && p.KmsMasterKeyId === undefined) {
    problems.push(`${q}: sink is not explicitly encrypted (SqsManagedSseEnabled or KmsMasterKeyId)`);
  }
  const tlsOnly = Object.values(resources).some((r) => r.Type === 'AWS::SQS::QueuePolicy'
    && (r.Properties?.Queues ?? []).some((x: any) => referencedId(x) === q)
    && (r.Properties?.PolicyDocument?.Statement ?? []).some((s: any) => s.Effect === 'Deny'
      && ['false', false].includes(s.Condition?.Bool?.['aws:SecureTransport'])));
  if (!tlsOnly) {
    problems.push(`${q}: sink has no queue policy denying non-TLS requests`);
  }
  // A single-metric alarm names the queue in Dimensions; a metric-math alarm (such as a
  // ServerlessFunction's combined alarm) names it in one of its MetricStat entries.
  const watchesQueue = (dimensions: any[] | undefined) => (dimensions ?? []).some((d: any) => d.Name === 'QueueName' && referencedId(d.Value) === q);
  const alarmed = Object.values(resources).some((r) => r.Type === 'AWS::CloudWatch::Alarm'
    && (watchesQueue(r.Properties?.Dimensions)
      || (r.Properties?.Metrics ?? []).some((m: any) => watchesQueue(m.MetricStat?.Metric?.Dimensions)))
    && (r.Properties?.AlarmActions ?? []).length > 0);
  // A fleet alarm (a Metrics Insights query over many queues) lists the queue's name instead.
  if (!alarmed && !insightsAlarmOnQueue(q, template, related)) {
    problems.push(`${q}: sink has no CloudWatch alarm (with an action) on it`);
  }
  return problems;
}
