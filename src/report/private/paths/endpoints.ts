import { EndpointReport } from '../report-model';
import { Json, StackIndex, TemplateResource } from '../template-index';

/** What a resource type is, for people. */
const KINDS: Record<string, string> = {
  'AWS::SQS::Queue': 'SQS queue',
  'AWS::SNS::Topic': 'SNS topic',
  'AWS::S3::Bucket': 'S3 bucket',
  'AWS::Kinesis::Stream': 'Kinesis stream',
  'AWS::DynamoDB::Table': 'DynamoDB stream',
  'AWS::DynamoDB::GlobalTable': 'DynamoDB stream',
  'AWS::MSK::Cluster': 'MSK cluster',
  'AWS::MSK::ServerlessCluster': 'MSK cluster',
  'AWS::MQ::Broker': 'Amazon MQ broker',
  'AWS::DocDB::DBCluster': 'DocumentDB cluster',
  'AWS::Events::Rule': 'EventBridge rule',
  'AWS::Scheduler::Schedule': 'EventBridge Scheduler schedule',
  'AWS::IoT::TopicRule': 'IoT topic rule',
  'AWS::Logs::LogGroup': 'CloudWatch Logs log group',
  'AWS::ApiGateway::RestApi': 'REST API',
  'AWS::Lambda::Url': 'function URL',
  'AWS::ElasticLoadBalancingV2::TargetGroup': 'load balancer target group',
  'AWS::Cognito::UserPool': 'Cognito user pool',
  'AWS::CloudFront::Distribution': 'CloudFront distribution',
  'AWS::KinesisFirehose::DeliveryStream': 'Firehose delivery stream',
  'AWS::Lambda::Function': 'Lambda function',
  'AWS::Events::EventBus': 'EventBridge event bus',
};

/** What an ARN's service is, for people (sources and sinks outside the app). */
const ARN_KINDS: Record<string, string> = {
  sqs: 'SQS queue',
  sns: 'SNS topic',
  s3: 'S3 bucket',
  kinesis: 'Kinesis stream',
  dynamodb: 'DynamoDB stream',
  kafka: 'MSK cluster',
  mq: 'Amazon MQ broker',
  rds: 'DocumentDB cluster',
  events: 'EventBridge rule',
  scheduler: 'EventBridge Scheduler schedule',
  iot: 'IoT topic rule',
  logs: 'CloudWatch Logs log group',
  lambda: 'Lambda function',
  firehose: 'Firehose delivery stream',
  cognito: 'Cognito user pool',
};

/** The kind of a resource of the app. @internal */
export function kindOf(r: TemplateResource): string {
  if (r.type === 'AWS::ApiGatewayV2::Api') {
    return r.properties?.ProtocolType === 'WEBSOCKET' ? 'WebSocket API' : 'HTTP API';
  }
  return KINDS[r.type] ?? r.type;
}

/**
 * A template value as text: strings as written, pseudo parameters and references as `${Name}`, joins
 * concatenated; anything else as compact JSON (never a crash on an unusual value).
 *
 * @internal
 */
export function textOf(value: Json): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value.Ref === 'string') {
    return `\${${value.Ref}}`;
  }
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt)) {
    return `\${${getAtt.map(String).join('.')}}`;
  }
  const join = value['Fn::Join'];
  if (Array.isArray(join) && Array.isArray(join[1])) {
    return join[1].map(textOf).join(typeof join[0] === 'string' ? join[0] : '');
  }
  const select = value['Fn::Select'];
  if (Array.isArray(select) && Array.isArray(select[1]?.['Fn::Split'])) {
    const [delimiter, source] = select[1]['Fn::Split'];
    const part = splitOutsideTokens(textOf(source), String(delimiter))[Number(select[0])];
    if (part !== undefined) {
      return part;
    }
  }
  if (typeof value['Fn::Sub'] === 'string') {
    return value['Fn::Sub'];
  }
  if (value['Fn::ImportValue'] !== undefined) {
    return `import ${textOf(value['Fn::ImportValue'])}`;
  }
  return JSON.stringify(value);
}

/** A text split on a delimiter, `${...}` placeholders (which hold `::`) kept whole. */
function splitOutsideTokens(text: string, delimiter: string): string[] {
  const tokens: string[] = [];
  const masked = text.replace(/\$\{[^}]*\}/g, (t) => `\u0000${tokens.push(t) - 1}\u0000`);
  return masked.split(delimiter).map((part) => part.replace(/\u0000(\d+)\u0000/g, (_m, i) => tokens[Number(i)]));
}

/** The endpoint for a resource of the app. @internal */
export function endpointOfResource(r: TemplateResource, kind = kindOf(r)): EndpointReport {
  return { kind, name: r.path, logicalId: r.logicalId };
}

/**
 * The endpoint a template value names: the resource it resolves to, or the ARN/name as written (its kind
 * read from the ARN's service, else `fallbackKind`).
 *
 * @internal
 */
export function endpointOf(index: StackIndex, file: string, value: Json, fallbackKind: string):
{ endpoint: EndpointReport; resource?: TemplateResource } {
  const resource = index.resolve(file, value);
  if (resource) {
    return { endpoint: endpointOfResource(resource), resource };
  }
  const name = textOf(value);
  const service = /^arn:[^:]*:([^:]+):/.exec(name)?.[1];
  const kind = name.includes(':event-bus/') ? 'EventBridge event bus' : (service && ARN_KINDS[service]) ?? fallbackKind;
  return { endpoint: { kind, name } };
}

/**
 * How long a sink keeps what it holds, and whether it is encrypted, as far as the template says:
 * SQS keeps 4 days unless `MessageRetentionPeriod` says otherwise and encrypts new queues with SSE-SQS
 * unless `SqsManagedSseEnabled` is false; S3 encrypts every object (SSE-S3 by default) and keeps it until
 * a lifecycle rule expires it; SNS encrypts only with a KMS key (it keeps nothing: it forwards).
 * For sinks only: a source's storage is not the report's concern.
 *
 * @internal
 */
export function storageOf(r: TemplateResource): { retentionSeconds?: number; encrypted?: boolean } {
  const p = r.properties ?? {};
  switch (r.type) {
    case 'AWS::SQS::Queue': {
      const retention = typeof p.MessageRetentionPeriod === 'number' ? p.MessageRetentionPeriod : Number(p.MessageRetentionPeriod ?? 345600);
      return {
        ...(Number.isFinite(retention) ? { retentionSeconds: retention } : {}),
        encrypted: p.KmsMasterKeyId !== undefined || (p.SqsManagedSseEnabled !== false && p.SqsManagedSseEnabled !== 'false'),
      };
    }
    case 'AWS::SNS::Topic':
      return { encrypted: p.KmsMasterKeyId !== undefined };
    case 'AWS::S3::Bucket': {
      const rules: Json[] = Array.isArray(p.LifecycleConfiguration?.Rules) ? p.LifecycleConfiguration.Rules : [];
      const days = rules.filter((x) => x?.Status === 'Enabled' && typeof x?.ExpirationInDays === 'number').map((x) => x.ExpirationInDays as number);
      return { ...(days.length > 0 ? { retentionSeconds: Math.min(...days) * 86400 } : {}), encrypted: true };
    }
    default:
      return {};
  }
}
