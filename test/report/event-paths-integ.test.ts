import * as fs from 'fs';
import * as path from 'path';
import { functionsOf } from './event-paths-helpers';
import { eventPathsOf, StackEventPaths } from '../../src/report/private/event-paths';
import { StackIndex } from '../../src/report/private/template-index';

const TRIGGERS = path.join(__dirname, '..', '..', 'integ', 'triggers');

/** The event paths of one committed integ snapshot (integ templates carry no construct paths: logical ids stand in). */
function integPaths(name: string): StackEventPaths {
  const dir = path.join(TRIGGERS, `integ.${name}.ts.snapshot`);
  const file = fs.readdirSync(dir).find((f) => f.startsWith('Blueprints') && f.endsWith('.template.json'))!;
  const index = new StackIndex([{ file, template: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf-8')) }]);
  return eventPathsOf(file.replace('.template.json', ''), index, functionsOf(index));
}

/** Every committed integ snapshot template of the library's own apps (not the assertion stacks). */
function integTemplates(dir = path.join(TRIGGERS, '..')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory()
    ? integTemplates(path.join(dir, e.name))
    : e.name.endsWith('.template.json') && !e.name.includes('DeployAssert') ? [path.join(dir, e.name)] : [])).sort();
}

test('every integ snapshot (triggers, patterns, functions): each path reaches a function, none is a gap, no permission is left over', () => {
  const files = integTemplates();
  expect(files.length).toBeGreaterThan(30);
  let paths = 0;
  for (const f of files) {
    const name = path.relative(TRIGGERS, f);
    const index = new StackIndex([{ file: path.basename(f), template: JSON.parse(fs.readFileSync(f, 'utf-8')) }]);
    const { eventPaths, gaps } = eventPathsOf('Integ', index, functionsOf(index));
    expect({ name, gaps }).toEqual({ name, gaps: [] });
    expect({ name, unknown: eventPaths.filter((p) => p.invocation === 'unknown').map((p) => p.wiredBy) }).toEqual({ name, unknown: [] });
    paths += eventPaths.length;
  }
  expect(paths).toBeGreaterThan(40);
});

test('Cognito: the pre sign-up trigger is synchronous, the custom email sender asynchronous with the function\'s sink', () => {
  const { eventPaths } = integPaths('cognito-trigger');
  expect(eventPaths.map((p) => [p.invocation, p.source.kind, p.source.name, p.functionId]).sort()).toEqual([
    ['asynchronous', 'Cognito user pool', 'Users0A0EEA89', expect.stringMatching(/^EmailSenderFunction/)],
    ['synchronous', 'Cognito user pool', 'Users0A0EEA89', expect.stringMatching(/^PreSignUpFunction/)],
  ]);
  const sender = eventPaths.find((p) => p.invocation === 'asynchronous')!;
  expect(sender.failureSink).toMatchObject({ kind: 'SQS queue', retentionSeconds: 1209600, encrypted: true });
  expect(sender.failureSink!.name).toMatch(/^EmailSenderDeadLetterQueue/);
  expect(sender.sinkAlarms.length).toBeGreaterThan(0);
  expect(eventPaths.find((p) => p.invocation === 'synchronous')!.note).toMatch(/Cognito \(the PreSignUp trigger\) gets the error/);
});

test('HTTP front doors: ALB target group, WebSocket API routes, function URL', () => {
  const http = integPaths('http-triggers').eventPaths;
  expect(http.filter((p) => p.source.kind === 'load balancer target group').map((p) => p.functionId)).toEqual([expect.stringMatching(/^AlbBackendFunction/)]);
  expect(http.filter((p) => p.source.kind === 'function URL').map((p) => p.functionId)).toEqual([expect.stringMatching(/^UrlBackendFunction/)]);
  expect(http.every((p) => p.invocation === 'synchronous' && p.failureSink === undefined && p.note)).toBe(true);
  const ws = integPaths('websocket-api-trigger').eventPaths;
  expect(ws).toHaveLength(4);
  expect(new Set(ws.map((p) => `${p.source.kind} ${p.source.name} -> ${p.functionId}`)).size).toBe(1);
  expect(ws[0].source).toMatchObject({ kind: 'WebSocket API', name: expect.stringMatching(/^ChatWebSocketApi/) });
});

test('Lambda@Edge: the distribution invokes the versions of functions of the stack, one path per association', () => {
  const { eventPaths } = integPaths('edge-function');
  const edge = (fn: RegExp, event: string) => expect.objectContaining({
    invocation: 'synchronous',
    source: expect.objectContaining({ kind: 'CloudFront distribution', name: 'Cdn9963B1AD' }),
    functionId: expect.stringMatching(fn),
    sinkAlarms: [],
    note: expect.stringContaining(`the viewer (CloudFront ${event}) gets the error`),
  });
  expect(eventPaths).toEqual([edge(/^ViewerRequestFunction/, 'viewer-request'), edge(/^OriginRequestFunction/, 'origin-request')]);
  expect(eventPaths.map((p) => p.id)).toEqual(['BlueprintsEdgeFunction/Cdn9963B1AD#1', 'BlueprintsEdgeFunction/Cdn9963B1AD#2']);
});

test('pollers of sources outside the app: MSK, Amazon MQ (the broker\'s dead-letter queue, alarmed), DocumentDB (no destination by design)', () => {
  const kafka = integPaths('kafka-trigger').eventPaths;
  expect(kafka.map((p) => `${p.source.kind}: ${p.source.name}`).sort()).toEqual([
    'MSK cluster: arn:aws:kafka:${AWS::Region}:${AWS::AccountId}:cluster/orders/00000000-0000-0000-0000-000000000000-1',
    'self-managed Kafka: broker1.example.com:9096,broker2.example.com:9096',
    'self-managed Kafka: kafka1.internal:9096',
  ]);
  for (const p of kafka) {
    expect(p.invocation).toBe('poller');
    expect(p.failureSink).toBeDefined();
    expect(p.sinkAlarms.length).toBeGreaterThan(0);
  }
  const [mq] = integPaths('mq-trigger').eventPaths;
  expect(mq).toMatchObject({ invocation: 'poller', source: { kind: 'Amazon MQ broker' }, failureSink: { kind: 'Amazon MQ dead-letter queue' } });
  expect(mq.sinkAlarms.length).toBeGreaterThan(0);
  const [docdb] = integPaths('documentdb-trigger').eventPaths;
  expect(docdb).toMatchObject({ invocation: 'poller', source: { kind: 'DocumentDB cluster' }, sinkAlarms: [] });
  expect(docdb.failureSink).toBeUndefined();
  expect(docdb.gap).toBeUndefined();
  expect(docdb.note).toMatch(/no on-failure destination for DocumentDB/);
});

test('IoT rule with its error action, log subscription with the function\'s sink, Firehose with its bucket', () => {
  const [iot] = integPaths('iot-rule-trigger').eventPaths;
  expect(iot).toMatchObject({ invocation: 'asynchronous', source: { kind: 'IoT topic rule' }, failureSink: { kind: 'SQS queue', retentionSeconds: 1209600 } });
  expect(iot.sinkAlarms.length).toBeGreaterThan(0);
  const [logs] = integPaths('log-subscription-trigger').eventPaths;
  expect(logs).toMatchObject({ invocation: 'asynchronous', source: { kind: 'CloudWatch Logs log group', name: expect.stringMatching(/^OrdersServiceLogs/) } });
  expect(logs.failureSink!.name).toMatch(/^ErrorReporterDeadLetterQueue/);
  const [firehose] = integPaths('firehose-transformation-trigger').eventPaths;
  expect(firehose).toMatchObject({ invocation: 'synchronous', source: { kind: 'Firehose delivery stream' }, failureSink: { kind: 'S3 bucket' } });
  expect(firehose.note).toMatch(/writes the records it failed on to the destination bucket under failed\//);
});
