import { PathCandidate, PathContext } from './paths/context';
import { storageOf } from './paths/endpoints';
import { gapOf } from './paths/gaps';
import { httpPaths } from './paths/http';
import { notificationPaths } from './paths/notifications';
import { otherPaths } from './paths/others';
import { permissionPaths } from './paths/permissions';
import { pollerPaths } from './paths/pollers';
import { pushAsyncPaths } from './paths/push-async';
import { EventPathReport, FunctionReport, GapReport } from './report-model';
import { StackIndex } from './template-index';

/** The event paths of one stack and the gaps on them. @internal */
export interface StackEventPaths {
  readonly eventPaths: EventPathReport[];
  readonly gaps: GapReport[];
}

/**
 * Every way events reach the stack's functions (event source mappings, permissions of invoking services,
 * subscriptions, rule and schedule targets, API integrations, function URLs, load balancer targets, Cognito
 * triggers, IoT rules, log subscriptions, Firehose processors, Lambda@Edge associations), each with its failure
 * sink and the alarms that watch the sink, and the gaps: a path with no sink, or a sink no alarm watches.
 *
 * @param stackId the artifact id of the stack (the prefix of each path's id)
 * @param index the stack's resources
 * @param functions the stack's functions (`FunctionReport.logicalId` in `index`), for `functionId`
 * @internal
 */
export function eventPathsOf(stackId: string, index: StackIndex, functions: FunctionReport[]): StackEventPaths {
  const ctx = new PathContext(index, functions);
  const known = [...pollerPaths(ctx), ...pushAsyncPaths(ctx), ...notificationPaths(ctx), ...httpPaths(ctx), ...otherPaths(ctx)];
  const candidates = [...known, ...permissionPaths(ctx, known)];
  const perWiring = new Map<string, number>();
  for (const c of candidates) {
    perWiring.set(c.wiring.path, (perWiring.get(c.wiring.path) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  const eventPaths = candidates.map((c) => {
    const n = (seen.get(c.wiring.path) ?? 0) + 1;
    seen.set(c.wiring.path, n);
    // A construct path is unique in the app; a logical id (path metadata turned off) only in its stack.
    const base = c.wiring.metadata?.['aws:cdk:path'] !== undefined ? c.wiring.path : `${stackId}/${c.wiring.path}`;
    return report(ctx, c, perWiring.get(c.wiring.path)! > 1 ? `${base}#${n}` : base);
  }).sort((a, b) => compare(a.id, b.id));
  const gaps: GapReport[] = eventPaths.filter((p) => p.gap !== undefined)
    .map((p) => ({ path: p.wiredBy, message: p.gap!, eventPathId: p.id }))
    .sort((a, b) => compare(a.path, b.path) || compare(a.eventPathId, b.eventPathId));
  return { eventPaths, gaps };
}

function report(ctx: PathContext, c: PathCandidate, id: string): EventPathReport {
  const sink = c.sink ? { ...c.sink.endpoint, ...(c.sink.resource ? storageOf(c.sink.resource) : {}) } : undefined;
  const sinkAlarms = c.sink ? [...new Set([...c.sink.alarms ?? [], ...ctx.alarmsOn(c.sink.resource)])].sort() : [];
  const gap = gapOf(c, sink, sinkAlarms);
  return {
    id,
    source: c.source,
    invocation: c.invocation,
    functionId: c.functionText ?? c.fn.id,
    wiredBy: c.wiring.path,
    byLibrary: c.byLibrary ?? ctx.isLibraryWiring(c.wiring.path),
    ...(sink ? { failureSink: sink } : {}),
    sinkAlarms,
    ...(gap ? { gap } : {}),
    ...(c.note ? { note: c.note } : {}),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
