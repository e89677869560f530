import { EndpointReport } from '../report-model';
import { Json, TemplateResource } from '../template-index';
import { listOf, PathCandidate, PathContext, Sink, Unsunk } from './context';
import { endpointOf, endpointOfResource } from './endpoints';

const RETRIES_SPENT = (t: Json) => `once its retry policy is spent (${t?.RetryPolicy ? 'the target\'s RetryPolicy' : 'by default 185 attempts over 24 hours'})`;

/**
 * The services that invoke asynchronously and keep a delivery sink of their own (SNS subscriptions,
 * EventBridge rule targets, EventBridge Scheduler schedules, IoT topic rules): the path's sink is the
 * service's (what it could not hand to Lambda), else the function's own (what Lambda accepted and then
 * failed), and a path without the service's sink is a gap. S3 event notifications and CloudWatch Logs
 * subscription filters have no delivery sink at all.
 *
 * @internal
 */
export function pushAsyncPaths(ctx: PathContext): PathCandidate[] {
  return [
    ...ctx.index.ofType('AWS::SNS::Subscription').flatMap((r) => snsPaths(ctx, r)),
    ...ctx.index.ofType('AWS::Events::Rule').flatMap((r) => rulePaths(ctx, r)),
    ...ctx.index.ofType('AWS::Scheduler::Schedule').flatMap((r) => schedulePaths(ctx, r)),
    ...ctx.index.ofType('AWS::IoT::TopicRule').flatMap((r) => iotPaths(ctx, r)),
    ...ctx.index.ofType('AWS::Logs::SubscriptionFilter').flatMap((r) => logPaths(ctx, r)),
  ];
}

/** A path of a service with a delivery sink: that sink, else the function's, and a gap without the service's. */
function asyncPath(ctx: PathContext, fnValue: Json, wiring: TemplateResource, source: { endpoint: EndpointReport; resource?: TemplateResource },
  delivery: Sink | undefined, service: string, unsunk: Unsunk): PathCandidate[] {
  const fn = ctx.functionAt(wiring.file, fnValue);
  if (!fn) {
    return [];
  }
  return [{
    source: source.endpoint,
    invocation: 'asynchronous',
    fn,
    wiring,
    related: [wiring, ...(source.resource ? [source.resource] : [])],
    service,
    sink: delivery ?? ctx.asyncSinkOf(fn),
    unsunk: delivery ? undefined : unsunk,
  }];
}

function snsPaths(ctx: PathContext, r: TemplateResource): PathCandidate[] {
  const p = r.properties ?? {};
  if (p.Protocol !== 'lambda') {
    return [];
  }
  return asyncPath(ctx, p.Endpoint, r, endpointOf(ctx.index, r.file, p.TopicArn, 'SNS topic'),
    ctx.sinkAt(r.file, p.RedrivePolicy?.deadLetterTargetArn), 'sns', {
      what: `the SNS subscription ${r.path}`,
      lost: 'messages SNS cannot deliver to Lambda are dropped once its delivery retries are spent',
      fix: 'new subscriptions.LambdaSubscription(fn, { deadLetterQueue }) with an SQS queue (e.g. new FailureQueue(...).queue), or fn.addTrigger(Trigger.sns(topic))',
    });
}

/**
 * A rule's source: the bucket of S3 events through EventBridge (`source: ['aws.s3']`, the bucket named in
 * `detail.bucket.name`, as the library's `Trigger.s3` writes it), else the rule itself.
 */
function ruleSource(ctx: PathContext, r: TemplateResource) {
  const pattern = r.properties?.EventPattern;
  const sources: Json[] = Array.isArray(pattern?.source) ? pattern.source : [];
  if (sources.includes('aws.s3')) {
    const names: Json[] = Array.isArray(pattern?.detail?.bucket?.name) ? pattern.detail.bucket.name : [];
    for (const name of names) {
      const bucket = ctx.index.resolve(r.file, name);
      if (bucket) {
        return { endpoint: endpointOfResource(bucket, 'S3 bucket'), resource: bucket };
      }
    }
    const written = names.filter((n) => typeof n === 'string');
    return { endpoint: { kind: 'S3 bucket', name: written.length > 0 ? written.join(', ') : 'any S3 bucket (EventBridge)' } };
  }
  return { endpoint: endpointOfResource(r), resource: r };
}

function rulePaths(ctx: PathContext, r: TemplateResource): PathCandidate[] {
  const source = ruleSource(ctx, r);
  return listOf(r.properties?.Targets).flatMap((t) => asyncPath(ctx, t.Arn, r, source,
    ctx.sinkAt(r.file, t.DeadLetterConfig?.Arn), 'events', {
      what: `the EventBridge rule target '${t.Id}' of ${r.path}`,
      lost: `events EventBridge cannot deliver to Lambda (throttled, permission missing, function unavailable) are dropped ${RETRIES_SPENT(t)}`,
      fix: 'new targets.LambdaFunction(fn, { deadLetterQueue, retryAttempts, maxEventAge }) with an SQS queue (e.g. new FailureQueue(...).queue), or fn.addTrigger(Trigger.eventRule(...)) / Trigger.s3(...)',
    }));
}

function schedulePaths(ctx: PathContext, r: TemplateResource): PathCandidate[] {
  const t = r.properties?.Target ?? {};
  return asyncPath(ctx, t.Arn, r, { endpoint: endpointOfResource(r), resource: r },
    ctx.sinkAt(r.file, t.DeadLetterConfig?.Arn), 'scheduler', {
      what: `the EventBridge Scheduler schedule ${r.path}`,
      lost: `invocations the scheduler cannot deliver to Lambda are dropped ${RETRIES_SPENT(t)}`,
      fix: 'a DeadLetterConfig on the schedule target (deadLetterQueue with aws-scheduler-targets.LambdaInvoke), or fn.addTrigger(Trigger.schedule(...)) / ScheduledJob',
    });
}

/** The error action's destination: the first of its settings that names a resource, else its ARN or name. */
function errorActionSink(ctx: PathContext, r: TemplateResource): Sink | undefined {
  const action = r.properties?.TopicRulePayload?.ErrorAction;
  if (!action || typeof action !== 'object') {
    return undefined;
  }
  const [kind, settings] = Object.entries<Json>(action)[0] ?? [];
  const values = Object.entries<Json>(settings ?? {}).filter(([k]) => k !== 'RoleArn').map(([, v]) => v);
  for (const v of values) {
    const found = ctx.index.resolve(r.file, v);
    if (found) {
      return { endpoint: endpointOfResource(found), resource: found };
    }
  }
  return ctx.sinkAt(r.file, values[0], `IoT ${kind ?? 'error'} action`) ?? { endpoint: { kind: `IoT ${kind} action`, name: String(kind) } };
}

function iotPaths(ctx: PathContext, r: TemplateResource): PathCandidate[] {
  const sink = errorActionSink(ctx, r);
  return listOf(r.properties?.TopicRulePayload?.Actions).filter((a) => a.Lambda).flatMap((a) =>
    asyncPath(ctx, a.Lambda.FunctionArn, r, { endpoint: endpointOfResource(r), resource: r }, sink, 'iot', {
      what: `the IoT topic rule ${r.path}`,
      lost: 'messages the rule fails to hand to Lambda are dropped (a rule without an error action)',
      fix: 'an errorAction on the rule (e.g. to an SQS queue), or fn.addTrigger(Trigger.iotRule(...))',
    }));
}

/** CloudWatch Logs invokes asynchronously and keeps nothing: the function's own sink is the path's. */
function logPaths(ctx: PathContext, r: TemplateResource): PathCandidate[] {
  const fn = ctx.functionAt(r.file, r.properties?.DestinationArn);
  if (!fn) {
    return [];
  }
  const source = endpointOf(ctx.index, r.file, r.properties?.LogGroupName, 'CloudWatch Logs log group');
  const sink = ctx.asyncSinkOf(fn);
  return [{
    source: source.endpoint,
    invocation: 'asynchronous',
    fn,
    wiring: r,
    related: [r, ...(source.resource ? [source.resource] : [])],
    service: 'logs',
    sink,
    unsunk: sink ? undefined : {
      what: `the log subscription filter ${r.path}`,
      lost: 'log events the function fails on are dropped once Lambda\'s asynchronous retries are spent',
      fix: 'a deadLetterQueue or onFailure destination on the function (a ServerlessFunction has one), or fn.addTrigger(Trigger.logSubscription(...))',
    },
  }];
}
