import { compareMessages, nagPackOf } from './messages';
import { compare } from './order';
import { EventPathReport, GapReport, MessageReport } from './report-model';
import { AnnotationIds } from '../../validation/annotation-ids';

/** The id of the app-wide check's warning on a hand-wired asynchronous path without a failure sink. */
const ASYNC_PATH_WITHOUT_SINK = AnnotationIds.ASYNC_PATH_WITHOUT_SINK;

/**
 * The gaps of a stack: those found on its event paths, then each `asyncPathWithoutSink` warning on a resource
 * no path or gap already covers (matched by construct path), sorted by construct path.
 *
 * @internal
 */
export function gapsOf(pathGaps: GapReport[], eventPaths: EventPathReport[], messages: MessageReport[]): GapReport[] {
  const covered = new Set<string>([...pathGaps.map((g) => g.path), ...eventPaths.filter((p) => p.gap !== undefined).map((p) => p.wiredBy)]);
  const fromWarnings = messages
    .filter((m) => m.id === ASYNC_PATH_WITHOUT_SINK && !covered.has(m.path) && !covered.has(m.path.replace(/\/Resource$/, '')))
    .map((m): GapReport => ({ path: m.path, message: m.message }));
  return [...pathGaps, ...fromWarnings].sort((a, b) => compare([a.path, a.eventPathId ?? '', a.message], [b.path, b.eventPathId ?? '', b.message]));
}

/** The warnings and errors other than cdk-nag findings and gaps. @internal */
export function warningsOf(messages: MessageReport[]): MessageReport[] {
  return messages
    .filter((m) => m.id !== ASYNC_PATH_WITHOUT_SINK && (m.id === undefined || nagPackOf(m.id) === 'other'))
    .sort(compareMessages);
}
