import { EndpointReport } from '../report-model';
import { Json, TemplateResource } from '../template-index';
import { listOf, PathCandidate, PathContext } from './context';
import { endpointOf, endpointOfResource } from './endpoints';

/**
 * S3 event notifications straight to Lambda (`bucket.addEventNotification`: a `Custom::S3BucketNotifications`
 * resource, or the bucket's own `NotificationConfiguration`): asynchronous, and S3 has no dead-letter
 * queue for them, so every such path is a gap whatever the function's own sink.
 *
 * @internal
 */
export function notificationPaths(ctx: PathContext): PathCandidate[] {
  const found: PathCandidate[] = [];
  for (const r of ctx.index.ofType('Custom::S3BucketNotifications')) {
    const bucket = endpointOf(ctx.index, r.file, r.properties?.BucketName, 'S3 bucket');
    const arns = listOf(r.properties?.NotificationConfiguration?.LambdaFunctionConfigurations).map((c) => c.LambdaFunctionArn);
    found.push(...arns.flatMap((arn) => notificationPath(ctx, arn, r, bucket)));
  }
  for (const r of ctx.index.ofType('AWS::S3::Bucket')) {
    const arns = listOf(r.properties?.NotificationConfiguration?.LambdaConfigurations).map((c) => c.Function);
    found.push(...arns.flatMap((arn) => notificationPath(ctx, arn, r, { endpoint: endpointOfResource(r), resource: r })));
  }
  return found;
}

function notificationPath(ctx: PathContext, arn: Json, wiring: TemplateResource,
  bucket: { endpoint: EndpointReport; resource?: TemplateResource }): PathCandidate[] {
  const fn = ctx.functionAt(wiring.file, arn);
  return fn ? [{
    source: bucket.endpoint,
    invocation: 'asynchronous',
    fn,
    wiring,
    related: [wiring, ...(bucket.resource ? [bucket.resource] : [])],
    service: 's3',
    sink: ctx.asyncSinkOf(fn),
    unsunk: {
      what: `the S3 event notification of ${wiring.path}`,
      lost: 'S3 event notifications have no dead-letter queue: events S3 cannot deliver to Lambda are lost',
      fix: 'fn.addTrigger(Trigger.s3(bucket)) (S3 through EventBridge, with a target dead-letter queue and retry policy) instead of bucket.addEventNotification',
    },
  }] : [];
}
