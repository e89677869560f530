import { Json, TemplateResource } from '../template-index';
import { listOf, PathCandidate, PathContext } from './context';
import { endpointOf, endpointOfResource, textOf } from './endpoints';
import { syncNote, syncPath } from './http';

/**
 * The other synchronous invokers: Cognito user pool triggers, Alexa skills, Lambda@Edge associations of
 * CloudFront distributions, and Firehose transformations (synchronous per batch; the records the function
 * fails on go to the destination bucket's error prefix, the path's sink).
 *
 * @internal
 */
export function otherPaths(ctx: PathContext): PathCandidate[] {
  return [
    ...ctx.index.ofType('AWS::Cognito::UserPool').flatMap((r) => cognitoPaths(ctx, r)),
    ...ctx.index.ofType('AWS::Lambda::Permission').flatMap((r) => alexaPaths(ctx, r)),
    ...ctx.index.ofType('AWS::CloudFront::Distribution').flatMap((r) => edgePaths(ctx, r)),
    ...ctx.index.ofType('AWS::KinesisFirehose::DeliveryStream').flatMap((r) => firehosePaths(ctx, r)),
  ];
}

/**
 * Each trigger of a user pool (`PreSignUp: arn`, or `CustomEmailSender: { LambdaArn }`). The library's
 * Cognito trigger writes its permission under the pool as `BlueprintTrigger<Name>Permission`
 * (src/triggers/cognito): a trigger with that permission is the library's.
 */
function cognitoPaths(ctx: PathContext, pool: TemplateResource): PathCandidate[] {
  const config = pool.properties?.LambdaConfig;
  if (!config || typeof config !== 'object') {
    return [];
  }
  const source = { endpoint: endpointOfResource(pool), resource: pool };
  return Object.entries<Json>(config).filter(([name]) => name !== 'KMSKeyID').flatMap(([name, value]) => {
    const arn = value && typeof value === 'object' && value.LambdaArn !== undefined ? value.LambdaArn : value;
    // Under the pool's construct (its L1 is `<pool>/Resource`); the trigger capitalises the operation's
    // name (`CustomSmsSender` for `CustomSMSSender`), so the comparison ignores case.
    const marker = `${pool.path.replace(/\/Resource$/, '')}/BlueprintTrigger${name}`.toLowerCase();
    const byLibrary = ctx.index.ofType('AWS::Lambda::Permission').some((perm) => perm.path.toLowerCase().startsWith(marker));
    return syncPath(ctx, arn, pool, source, 'cognito-idp', `Cognito (the ${name} trigger)`)
      .map((p) => (ASYNC_COGNITO.includes(name) ? senderPath(ctx, p, name) : p))
      .map((p) => ({ ...p, byLibrary }));
  });
}

/** Cognito's custom email and SMS senders are invoked asynchronously (the others wait for the answer). */
const ASYNC_COGNITO = ['CustomEmailSender', 'CustomSMSSender'];

/** A custom sender: asynchronous, its failures kept by the function's own sink (Cognito keeps none). */
function senderPath(ctx: PathContext, p: PathCandidate, name: string): PathCandidate {
  const sink = ctx.asyncSinkOf(p.fn);
  return {
    ...p,
    invocation: 'asynchronous',
    note: undefined,
    sink,
    unsunk: sink ? undefined : {
      what: `the ${name} trigger of ${p.wiring.path}`,
      lost: 'messages the function fails to send are dropped once Lambda\'s asynchronous retries are spent',
      fix: 'a deadLetterQueue or onFailure destination on the function (a ServerlessFunction has one), or fn.addTrigger(Trigger.cognito(...))',
    },
  };
}

/** An Alexa skill invokes through a permission for `alexa-appkit.amazon.com` (its skill id as EventSourceToken). */
function alexaPaths(ctx: PathContext, r: TemplateResource): PathCandidate[] {
  if (r.properties?.Principal !== 'alexa-appkit.amazon.com') {
    return [];
  }
  const token = r.properties?.EventSourceToken;
  const source = { endpoint: { kind: 'Alexa skill', name: token !== undefined ? textOf(token) : 'any Alexa skill' } };
  return syncPath(ctx, r.properties?.FunctionName, r, source, 'alexa-appkit', 'the Alexa skill');
}

/**
 * Lambda@Edge: a version is associated with a cache behaviour. An edge function lives in us-east-1, often in
 * another stack than the distribution (a cross-region reference): then the function is named by the ARN as
 * written and the path's `functionId` is that text.
 */
function edgePaths(ctx: PathContext, r: TemplateResource): PathCandidate[] {
  const config = r.properties?.DistributionConfig ?? {};
  const behaviours = [config.DefaultCacheBehavior, ...listOf(config.CacheBehaviors)].filter((b) => b && typeof b === 'object');
  const source = { endpoint: endpointOfResource(r), resource: r };
  return behaviours.flatMap((b) => listOf(b.LambdaFunctionAssociations)).flatMap((a) => {
    const found = syncPath(ctx, a.LambdaFunctionARN, r, source, 'edgelambda', `the viewer (CloudFront ${a.EventType ?? 'event'})`);
    if (found.length > 0) {
      return found;
    }
    const arn = textOf(a.LambdaFunctionARN);
    const outside = { id: arn, logicalId: '', file: '', path: arn, name: arn, blueprint: false, codeKind: '', runtime: '', architecture: '', memoryMb: 0, timeoutSeconds: 0, alarms: [] };
    return [{
      source: source.endpoint,
      invocation: 'synchronous' as const,
      fn: outside,
      wiring: r,
      related: [r],
      service: 'edgelambda',
      note: syncNote(outside, `the viewer (CloudFront ${a.EventType ?? 'event'})`),
      functionText: arn,
    }];
  });
}

/** Firehose calls the transformation synchronously per batch; failed records land under the bucket's error prefix. */
function firehosePaths(ctx: PathContext, r: TemplateResource): PathCandidate[] {
  const destination = r.properties?.ExtendedS3DestinationConfiguration ?? {};
  const processors = listOf(destination.ProcessingConfiguration?.Processors).filter((p) => p.Type === 'Lambda');
  return processors.flatMap((processor) => {
    const arn = listOf(processor.Parameters).find((x) => x.ParameterName === 'LambdaArn')?.ParameterValue;
    const fn = ctx.functionAt(r.file, arn);
    if (!fn) {
      return [];
    }
    const bucket = endpointOf(ctx.index, r.file, destination.BucketARN, 'S3 bucket');
    const prefix = destination.ErrorOutputPrefix !== undefined ? textOf(destination.ErrorOutputPrefix) : 'processing-failed/';
    return [{
      source: endpointOfResource(r),
      invocation: 'synchronous' as const,
      fn,
      wiring: r,
      related: [r],
      service: 'firehose',
      sink: bucket,
      note: `Synchronous per batch: Firehose retries the transformation, then writes the records it failed on to the destination bucket under ${prefix}. Watch the function's error alarm and the delivery stream's processing-failure metrics.`,
    }];
  });
}
