import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { pathsOfApp } from './event-paths-helpers';
import { acknowledgeUserDecisions, REFERENCE_WORKLOADS } from '../../examples/reference-workloads';
import { Blueprints } from '../../src';
import { StackEventPaths } from '../../src/report/private/event-paths';
import { Json, StackIndex } from '../../src/report/private/template-index';

const INVOCABLE = ['AWS::Lambda::Function', 'AWS::Lambda::Alias', 'AWS::Lambda::Version'];

/** Whether a value written in the template refers (Ref, GetAtt, or inside a Join) to a function, alias or version. */
function namesFunction(index: StackIndex, file: string, value: Json): boolean {
  const text = JSON.stringify(value ?? null);
  return [...text.matchAll(/"(?:Ref|Fn::GetAtt)":\s*\[?"([A-Za-z0-9]+)"/g)]
    .some((m) => INVOCABLE.includes(index.resource(file, m[1])?.type ?? ''));
}

/** The wiring resources a reader of the templates would count as event paths, by construct path. */
function expectedWiring(index: StackIndex): string[] {
  const found: string[] = [];
  for (const r of index.resources()) {
    const p = r.properties ?? {};
    const wired = (() => {
      switch (r.type) {
        case 'AWS::Lambda::EventSourceMapping': return namesFunction(index, r.file, p.FunctionName);
        case 'AWS::SNS::Subscription': return p.Protocol === 'lambda' && namesFunction(index, r.file, p.Endpoint);
        case 'AWS::Events::Rule': return (p.Targets ?? []).some((t: Json) => namesFunction(index, r.file, t.Arn));
        case 'AWS::Scheduler::Schedule': return namesFunction(index, r.file, p.Target?.Arn);
        case 'AWS::ApiGatewayV2::Integration': return namesFunction(index, r.file, p.IntegrationUri);
        case 'AWS::ApiGateway::Method': return namesFunction(index, r.file, p.Integration?.Uri);
        case 'AWS::Lambda::Url': return namesFunction(index, r.file, p.TargetFunctionArn);
        case 'AWS::IoT::TopicRule': return namesFunction(index, r.file, p.TopicRulePayload?.Actions);
        case 'AWS::Logs::SubscriptionFilter': return namesFunction(index, r.file, p.DestinationArn);
        case 'AWS::KinesisFirehose::DeliveryStream': return namesFunction(index, r.file, p.ExtendedS3DestinationConfiguration?.ProcessingConfiguration);
        case 'AWS::Lambda::Permission': return p.Principal === 'alexa-appkit.amazon.com';
        default: return false;
      }
    })();
    if (wired) {
      found.push(r.path);
    }
  }
  return found.sort();
}

describe('the example app (13 stacks)', () => {
  let stacks: Map<string, StackEventPaths & { index: StackIndex }>;
  let outdir: string;

  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'event-paths-example-'));
    const app = new App({ outdir, context: { 'aws:cdk:enable-path-metadata': true, 'aws:cdk:enable-asset-metadata': true } });
    acknowledgeUserDecisions(app);
    for (const workload of REFERENCE_WORKLOADS) {
      workload.build(app, { account: '123456789012', region: 'us-east-1' });
    }
    Blueprints.applyTo(app, { nagPacks: [], dashboard: false, hardenPlainFunctions: false, resourceBudget: false });
    stacks = pathsOfApp(app);
    if (process.env.DUMP_EVENT_PATHS) {
      fs.writeFileSync(process.env.DUMP_EVENT_PATHS, JSON.stringify([...stacks.values()].map((s) => s.eventPaths), null, 1));
    }
  }, 120_000);

  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('every mapping, subscription, rule/schedule target, integration, URL and invoking service of the templates is a path', () => {
    expect(stacks.size).toBe(13);
    let total = 0;
    for (const [id, { eventPaths, index }] of stacks) {
      const wiredBy = [...new Set(eventPaths.map((p) => p.wiredBy))].sort();
      // Both ways: each wiring resource of the templates is drawn, and nothing else is.
      expect({ id, wiredBy }).toEqual({ id, wiredBy: expectedWiring(index) });
      const functions = new Set(index.ofType('AWS::Lambda::Function').map((r) => r.path));
      for (const p of eventPaths) {
        expect(functions.has(p.functionId)).toBe(true);
      }
      total += eventPaths.length;
    }
    expect(total).toBeGreaterThan(0);
  });

  test('no path of the example app is a gap: the library wired each, with a watched, 14-day, encrypted sink where one exists', () => {
    for (const [id, { eventPaths, gaps }] of stacks) {
      expect({ id, gaps }).toEqual({ id, gaps: [] });
      for (const p of eventPaths) {
        expect({ id: p.id, byLibrary: p.byLibrary, invocation: p.invocation }).toEqual({ id: p.id, byLibrary: true, invocation: expect.stringMatching(/^(asynchronous|synchronous|poller)$/) });
        if (p.invocation !== 'synchronous' && p.failureSink) {
          expect({ id: p.id, alarms: p.sinkAlarms.length > 0 }).toEqual({ id: p.id, alarms: true });
        }
      }
    }
  });

  test('the kinds of sources the example app shows', () => {
    const kinds = new Set([...stacks.values()].flatMap((s) => s.eventPaths.map((p) => `${p.invocation} ${p.source.kind}`)));
    expect([...kinds].sort()).toEqual(expect.arrayContaining([
      'asynchronous EventBridge Scheduler schedule', 'asynchronous S3 bucket', 'asynchronous SNS topic', 'asynchronous IoT topic rule',
      'asynchronous CloudWatch Logs log group', 'poller SQS queue', 'poller Kinesis stream', 'poller DynamoDB stream', 'poller MSK cluster',
      'poller Amazon MQ broker', 'poller DocumentDB cluster', 'synchronous HTTP API', 'synchronous REST API', 'synchronous function URL',
      'synchronous Alexa skill', 'synchronous Firehose delivery stream',
    ]));
  });
});
