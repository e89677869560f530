import { Annotations, CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { AnnotationIds } from '../../validation/annotation-ids';

const ASYNC_TARGET = Symbol.for('cdk-lambda-blueprints.asyncTarget');

/**
 * Marks a construct (a ServerlessFunction) whose function, versions and aliases the app-wide check
 * looks for among hand-wired asynchronous paths.
 *
 * @internal
 */
export function markAsyncTarget(scope: IConstruct): void {
  (scope as IConstruct & { [ASYNC_TARGET]?: boolean })[ASYNC_TARGET] = true;
}

/** The ServerlessFunction a resource belongs to (its nearest marked ancestor). @internal */
export function markedAncestor(c: IConstruct): IConstruct | undefined {
  for (let node: IConstruct | undefined = c; node; node = node.node.scope) {
    if ((node as IConstruct & { [ASYNC_TARGET]?: boolean })[ASYNC_TARGET]) {
      return node;
    }
  }
  return undefined;
}

const INVOCABLE_TYPES = ['AWS::Lambda::Function', 'AWS::Lambda::Alias', 'AWS::Lambda::Version'];

/** An asynchronous path into a function that has no failure sink of its own. */
interface Unsunk {
  /** What the path is, for the message (e.g. `the EventBridge rule target 'Target0'`). */
  readonly what: string;
  /** The reference to the function, alias or version it invokes. */
  readonly arn: unknown;
  /** Which failures are lost, and the fix. */
  readonly lost: string;
  readonly fix: string;
}

type Props = Record<string, any>;

/**
 * At synth (from the app-wide validation): an asynchronous path into a ServerlessFunction wired outside
 * the library's triggers (an EventBridge rule target, an SNS subscription, an S3 bucket notification, an
 * EventBridge Scheduler schedule, an IoT topic rule) without a sink for what the service fails to
 * deliver gets a warning naming the path, the function, which failures are lost and the fix. The
 * function's own dead-letter queue keeps only the events Lambda accepted and then failed; what the
 * service could not hand to Lambda (throttling, a missing permission, retries exhausted) never reaches it.
 *
 * @internal
 */
export function checkAsyncPaths(root: IConstruct, cfn?: CfnResource[]): void {
  cfn ??= root.node.findAll().filter((c): c is CfnResource => CfnResource.isCfnResource(c));
  // The hand-wired paths first: most apps have none, and then no logical id needs resolving.
  const wired = cfn.map((r) => ({ r, paths: unsunkPaths(r) })).filter((w) => w.paths.length > 0);
  if (wired.length === 0) {
    return;
  }
  const targets = new Map<string, IConstruct>();
  for (const r of cfn) {
    if (INVOCABLE_TYPES.includes(r.cfnResourceType)) {
      const owner = markedAncestor(r);
      if (owner) {
        targets.set(`${Stack.of(r).node.path}|${Stack.of(r).resolve(r.logicalId)}`, owner);
      }
    }
  }
  if (targets.size === 0) {
    return;
  }
  for (const { r, paths } of wired) {
    const stack = Stack.of(r);
    for (const path of paths) {
      const resolved = path.arn as { 'Ref'?: unknown; 'Fn::GetAtt'?: unknown[] } | undefined;
      const id = typeof resolved === 'object' && resolved !== null ? resolved.Ref ?? resolved['Fn::GetAtt']?.[0] : undefined;
      const fn = typeof id === 'string' ? targets.get(`${stack.node.path}|${id}`) : undefined;
      if (fn) {
        Annotations.of(r).addWarningV2(AnnotationIds.ASYNC_PATH_WITHOUT_SINK,
          `${path.what} invokes ${fn.node.path} asynchronously with no failure sink: ${path.lost}. `
          + `${fn.node.path}'s own deadLetterQueue keeps only events Lambda accepted and then failed. Fix: ${path.fix}.`);
      }
    }
  }
}

/** The asynchronous invocations a resource makes without a delivery sink (resolved template values). */
function unsunkPaths(r: CfnResource): Unsunk[] {
  const type = r.cfnResourceType;
  if (!['AWS::Events::Rule', 'AWS::SNS::Subscription', 'AWS::S3::Bucket', 'Custom::S3BucketNotifications',
    'AWS::Scheduler::Schedule', 'AWS::IoT::TopicRule'].includes(type)) {
    return [];
  }
  const props = renderedProperties(r);
  if (!props) {
    return [];
  }
  const list = (x: unknown): Props[] => (Array.isArray(x) ? x.filter((i) => typeof i === 'object' && i !== null) : []);
  switch (type) {
    case 'AWS::Events::Rule':
      return list(props.Targets).filter((t) => t.DeadLetterConfig?.Arn === undefined).map((t) => ({
        what: `the EventBridge rule target '${t.Id}' of ${r.node.path}`,
        arn: t.Arn,
        lost: `events EventBridge cannot deliver to Lambda (throttled, permission missing, function unavailable) are dropped once its retry policy is spent (${t.RetryPolicy ? 'the target\'s RetryPolicy' : 'by default 185 attempts over 24 hours'})`,
        fix: 'new targets.LambdaFunction(fn, { deadLetterQueue, retryAttempts, maxEventAge }) with an SQS queue (e.g. new FailureQueue(...).queue), or fn.addTrigger(Trigger.eventRule(...)) / Trigger.schedule(...)',
      }));
    case 'AWS::SNS::Subscription':
      return props.Protocol === 'lambda' && props.RedrivePolicy === undefined ? [{
        what: `the SNS subscription ${r.node.path}`,
        arn: props.Endpoint,
        lost: 'messages SNS cannot deliver to Lambda are dropped once its delivery retries are spent',
        fix: 'new subscriptions.LambdaSubscription(fn, { deadLetterQueue }) with an SQS queue (e.g. new FailureQueue(...).queue), or fn.addTrigger(Trigger.sns(topic))',
      }] : [];
    case 'AWS::S3::Bucket':
    case 'Custom::S3BucketNotifications': {
      const config = (props.NotificationConfiguration ?? {}) as Props;
      const configs = [
        ...list(config.LambdaConfigurations).map((c) => c.Function),
        ...list(config.LambdaFunctionConfigurations).map((c) => c.LambdaFunctionArn),
      ];
      return configs.map((arn) => ({
        what: `the S3 event notification of ${r.node.path}`,
        arn,
        lost: 'S3 event notifications have no dead-letter queue: events S3 cannot deliver to Lambda are lost',
        fix: 'fn.addTrigger(Trigger.s3(bucket)) (S3 through EventBridge, with a target dead-letter queue and retry policy) instead of bucket.addEventNotification',
      }));
    }
    case 'AWS::Scheduler::Schedule': {
      const t = (props.Target ?? {}) as Props;
      return t.DeadLetterConfig?.Arn === undefined ? [{
        what: `the EventBridge Scheduler schedule ${r.node.path}`,
        arn: t.Arn,
        lost: `invocations the scheduler cannot deliver to Lambda are dropped once its retry policy is spent (${t.RetryPolicy ? 'the target\'s RetryPolicy' : 'by default 185 attempts over 24 hours'})`,
        fix: 'a DeadLetterConfig on the schedule target (deadLetterQueue with aws-scheduler-targets.LambdaInvoke), or fn.addTrigger(Trigger.schedule(...)) / ScheduledJob',
      }] : [];
    }
    case 'AWS::IoT::TopicRule': {
      const payload = (props.TopicRulePayload ?? {}) as Props;
      return payload.ErrorAction === undefined
        ? list(payload.Actions).filter((a) => a.Lambda).map((a) => ({
          what: `the IoT topic rule ${r.node.path}`,
          arn: a.Lambda.FunctionArn,
          lost: 'messages the rule fails to hand to Lambda are dropped (a rule without an error action)',
          fix: 'an errorAction on the rule (e.g. to an SQS queue), or fn.addTrigger(Trigger.iotRule(...))',
        }))
        : [];
    }
    default:
      return [];
  }
}

/** The resource's properties as they go into the template (tokens resolved in its stack). */
function renderedProperties(r: CfnResource): Props | undefined {
  try {
    const rendered = Stack.of(r).resolve((r as unknown as { _toCloudFormation(): object })._toCloudFormation()) as
      { Resources?: Record<string, { Properties?: Props }> };
    const resources = Object.values(rendered.Resources ?? {});
    return resources.length === 1 ? resources[0].Properties ?? {} : undefined;
  } catch {
    return undefined;
  }
}
