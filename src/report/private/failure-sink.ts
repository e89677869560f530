import { EndpointReport } from './report-model';
import { Json, StackIndex, TemplateResource } from './template-index';
import { numberOr, textOf } from './template-values';

/** SQS keeps a message 4 days unless the queue says otherwise. */
const SQS_DEFAULT_RETENTION_SECONDS = 345_600;

const SINK_KINDS: Record<string, string> = {
  'AWS::SQS::Queue': 'SQS queue',
  'AWS::SNS::Topic': 'SNS topic',
  'AWS::S3::Bucket': 'S3 bucket',
  'AWS::Lambda::Function': 'Lambda function',
  'AWS::Events::EventBus': 'EventBridge event bus',
};

const ARN_KINDS: Array<[string, string]> = [
  [':sqs:', 'SQS queue'],
  [':sns:', 'SNS topic'],
  [':s3:', 'S3 bucket'],
  [':lambda:', 'Lambda function'],
  [':events:', 'EventBridge event bus'],
];

/**
 * The failure sink a destination ARN written in `file` names: a resource of the app (with its retention and
 * encryption as the template sets them), or the ARN as written when it is outside the app.
 *
 * @internal
 */
export function sinkEndpoint(index: StackIndex, file: string, arn: Json): EndpointReport {
  const target = index.resolve(file, arn);
  if (!target) {
    const name = textOf(index, file, arn);
    return { kind: ARN_KINDS.find(([marker]) => name.includes(marker))?.[1] ?? 'unknown', name };
  }
  return resourceEndpoint(target);
}

/** A resource of the app as an endpoint, with a sink's retention and encryption when its type has them. @internal */
export function resourceEndpoint(target: TemplateResource): EndpointReport {
  const p = target.properties;
  const retentionSeconds = target.type === 'AWS::SQS::Queue' ? numberOr(p.MessageRetentionPeriod, SQS_DEFAULT_RETENTION_SECONDS) : undefined;
  const encrypted = encryptionOf(target);
  return {
    kind: SINK_KINDS[target.type] ?? target.type,
    name: target.path,
    logicalId: target.logicalId,
    ...(retentionSeconds !== undefined ? { retentionSeconds } : {}),
    ...(encrypted !== undefined ? { encrypted } : {}),
  };
}

/** Whether the sink is encrypted at rest, by the template's key or the service's default; undefined for other kinds. */
function encryptionOf(target: TemplateResource): boolean | undefined {
  const p = target.properties;
  switch (target.type) {
    case 'AWS::SQS::Queue':
      // SQS encrypts new queues with its own keys (SSE-SQS) unless the template turns it off.
      return p.KmsMasterKeyId !== undefined || p.SqsManagedSseEnabled !== false;
    case 'AWS::SNS::Topic':
      return p.KmsMasterKeyId !== undefined;
    case 'AWS::S3::Bucket':
      // S3 encrypts every new object (SSE-S3) whether or not the bucket says so.
      return true;
    default:
      return undefined;
  }
}
