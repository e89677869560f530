import { TemplateResource } from '../template-index';
import { PathCandidate, PathContext, Sink, Unsunk } from './context';
import { endpointOf, textOf } from './endpoints';

/**
 * Event source mappings (SQS, Kinesis, DynamoDB streams, MSK and self-managed Kafka, Amazon MQ, DocumentDB):
 * Lambda polls the source. The sink is the mapping's on-failure destination, or for SQS the source queue's
 * redrive (dead-letter) queue; Amazon MQ's is the broker's dead-letter queue, known by the alarms on it.
 *
 * @internal
 */
export function pollerPaths(ctx: PathContext): PathCandidate[] {
  const found: PathCandidate[] = [];
  for (const esm of ctx.index.ofType('AWS::Lambda::EventSourceMapping')) {
    const fn = ctx.functionAt(esm.file, esm.properties?.FunctionName);
    if (!fn) {
      continue;
    }
    const source = sourceOf(ctx, esm);
    const sink = sinkOf(ctx, esm, source.kind);
    const documentDb = source.kind === 'DocumentDB cluster';
    found.push({
      source: source.endpoint,
      invocation: 'poller',
      fn,
      wiring: esm,
      related: [esm, ...(source.resource ? [source.resource] : [])],
      sink,
      unsunk: sink || documentDb ? undefined : unsunkOf(esm, source.kind),
      note: documentDb
        ? 'AWS offers no on-failure destination for DocumentDB: a failing batch is retried until it succeeds or expires from the change stream. Watch the mapping\'s failed-invocation metrics and the function\'s error alarm.'
        : undefined,
    });
  }
  return found;
}

function sourceOf(ctx: PathContext, esm: TemplateResource) {
  const p = esm.properties ?? {};
  if (p.EventSourceArn === undefined && p.SelfManagedEventSource !== undefined) {
    const servers = p.SelfManagedEventSource?.Endpoints?.KafkaBootstrapServers;
    const name = Array.isArray(servers) ? servers.map(textOf).join(',') : textOf(servers);
    return { endpoint: { kind: 'self-managed Kafka', name }, kind: 'self-managed Kafka', resource: undefined };
  }
  const kind = p.DocumentDBEventSourceConfig !== undefined ? 'DocumentDB cluster' : 'event source';
  const { endpoint, resource } = endpointOf(ctx.index, esm.file, p.EventSourceArn, kind);
  const withKind = p.DocumentDBEventSourceConfig !== undefined ? { ...endpoint, kind: 'DocumentDB cluster' } : endpoint;
  return { endpoint: withKind, kind: withKind.kind, resource };
}

function sinkOf(ctx: PathContext, esm: TemplateResource, kind: string): Sink | undefined {
  const destination = ctx.sinkAt(esm.file, esm.properties?.DestinationConfig?.OnFailure?.Destination);
  if (destination) {
    return destination;
  }
  if (kind === 'SQS queue') {
    const queue = ctx.index.resolve(esm.file, esm.properties?.EventSourceArn);
    return queue ? ctx.sinkAt(queue.file, queue.properties?.RedrivePolicy?.deadLetterTargetArn) : undefined;
  }
  if (kind === 'Amazon MQ broker') {
    return brokerDeadLetterQueue(ctx, textOf(esm.properties?.EventSourceArn));
  }
  return undefined;
}

/**
 * Amazon MQ has no on-failure destination: the broker redelivers and then dead-letters the message into its
 * own queue (`ActiveMQ.DLQ` by default). The library's MQ trigger alarms on it (`AWS/AmazonMQ` QueueSize or
 * MessageCount with the broker's name): that alarm names the queue.
 */
function brokerDeadLetterQueue(ctx: PathContext, brokerArn: string): Sink {
  const broker = /:broker:([^:]+):/.exec(brokerArn)?.[1] ?? brokerArn;
  const queues = new Set<string>();
  const alarms = ctx.alarmsWhere('AWS/AmazonMQ', (d) => {
    const match = (d.Broker === broker || d.Broker?.startsWith(`${broker}-`)) && d.Queue !== undefined;
    if (match) {
      queues.add(d.Queue);
    }
    return match;
  });
  const queue = queues.size > 0 ? [...queues].sort().join(', ') : 'its dead-letter queue';
  return { endpoint: { kind: 'Amazon MQ dead-letter queue', name: `${broker} ${queue}` }, alarms };
}

function unsunkOf(esm: TemplateResource, kind: string): Unsunk {
  const what = `the event source mapping ${esm.path} (${kind})`;
  if (kind === 'SQS queue') {
    return {
      what,
      lost: 'a message that keeps failing is retried until the queue\'s retention period ends and then deleted',
      fix: 'a redrive policy on the source queue (deadLetterQueue: { queue, maxReceiveCount }, e.g. new FailureQueue(...).queue), or fn.addTrigger(Trigger.sqs(queue)) / QueueProcessor',
    };
  }
  if (kind === 'Kinesis stream' || kind === 'DynamoDB stream') {
    return {
      what,
      lost: 'a failing batch is retried until its records expire from the stream, and then skipped',
      fix: 'an onFailure destination on the event source (SqsDlq / SnsDlq / S3OnFailureDestination), or fn.addTrigger(Trigger.kinesis(...)) / Trigger.dynamoDbStream(...)',
    };
  }
  return {
    what,
    lost: 'records of a batch that keeps failing are skipped once its retries are spent, with no copy kept',
    fix: 'an onFailure destination on the event source (an SQS queue, SNS topic or S3 bucket), or the library\'s trigger for this source',
  };
}
