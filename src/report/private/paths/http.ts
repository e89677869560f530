import { EndpointReport, FunctionReport } from '../report-model';
import { Json, TemplateResource } from '../template-index';
import { listOf, PathCandidate, PathContext } from './context';
import { endpointOf, endpointOfResource } from './endpoints';

/**
 * What a synchronous path's note says: nothing is kept, the caller gets the error, and which alarm to watch.
 *
 * @internal
 */
export function syncNote(fn: FunctionReport, caller: string): string {
  const alarms = fn.alarms?.length ? ` (${fn.alarms.join(', ')})` : '';
  return `Synchronous: ${caller} gets the error and nothing is kept for a retry. Watch the function's error alarm${alarms}.`;
}

/** A synchronous path, or none when the value does not name a function of the stack. @internal */
export function syncPath(ctx: PathContext, fnValue: Json, wiring: TemplateResource,
  source: { endpoint: EndpointReport; resource?: TemplateResource }, service: string, caller: string): PathCandidate[] {
  const fn = ctx.functionAt(wiring.file, fnValue);
  return fn ? [{
    source: source.endpoint,
    invocation: 'synchronous',
    fn,
    wiring,
    related: [wiring, ...(source.resource ? [source.resource] : [])],
    service,
    note: syncNote(fn, caller),
  }] : [];
}

/**
 * HTTP front doors: REST API methods, HTTP and WebSocket API integrations, function URLs and load balancer
 * target groups. All synchronous: no failure sink.
 *
 * @internal
 */
export function httpPaths(ctx: PathContext): PathCandidate[] {
  const found: PathCandidate[] = [];
  for (const m of ctx.index.ofType('AWS::ApiGateway::Method')) {
    const api = endpointOf(ctx.index, m.file, m.properties?.RestApiId, 'REST API');
    found.push(...syncPath(ctx, m.properties?.Integration?.Uri, m, api, 'apigateway', 'the API client'));
  }
  for (const i of ctx.index.ofType('AWS::ApiGatewayV2::Integration')) {
    const api = endpointOf(ctx.index, i.file, i.properties?.ApiId, 'HTTP API');
    found.push(...syncPath(ctx, i.properties?.IntegrationUri, i, api, 'apigateway', 'the API client'));
  }
  for (const u of ctx.index.ofType('AWS::Lambda::Url')) {
    found.push(...syncPath(ctx, u.properties?.TargetFunctionArn, u, { endpoint: endpointOfResource(u), resource: u }, 'url', 'the HTTPS client'));
  }
  for (const tg of ctx.index.ofType('AWS::ElasticLoadBalancingV2::TargetGroup')) {
    if (tg.properties?.TargetType !== 'lambda') {
      continue;
    }
    for (const t of listOf(tg.properties?.Targets)) {
      found.push(...syncPath(ctx, t.Id, tg, { endpoint: endpointOfResource(tg), resource: tg }, 'elasticloadbalancing', 'the load balancer\'s client'));
    }
  }
  return found;
}
