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
  throw new Error(`eventPathsOf(${stackId}, ${index.resources().length} resources, ${functions.length} functions) is built on branch i24-paths`);
}
