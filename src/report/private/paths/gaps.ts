import { EndpointReport } from '../report-model';
import { PathCandidate } from './context';

/** The 14 days a failure sink should keep a failed event (SQS's maximum, the library's FailureQueue's). */
const MIN_RETENTION_SECONDS = 1209600;

/**
 * Why a path loses failed events or leaves them unwatched, or undefined: an asynchronous or poller path
 * with no sink for what the service fails to deliver; a sink no alarm watches; a sink that keeps failed
 * events less than 14 days; a sink the template leaves unencrypted. Synchronous paths are never gaps
 * (their note says what to watch), nor are paths whose invocation is unknown.
 *
 * @internal
 */
export function gapOf(p: PathCandidate, sink: EndpointReport | undefined, sinkAlarms: string[]): string | undefined {
  if (p.invocation !== 'asynchronous' && p.invocation !== 'poller') {
    return undefined;
  }
  const fnName = p.fn.name || p.fn.id;
  const problems: string[] = [];
  if (p.unsunk) {
    problems.push(`${p.unsunk.what} invokes ${fnName} ${p.invocation === 'poller' ? 'through a poller' : 'asynchronously'} `
      + `with no failure sink: ${p.unsunk.lost}.${sink && p.invocation === 'asynchronous' ? ` ${fnName}'s own failure sink keeps only events Lambda accepted and then failed.` : ''} Fix: ${p.unsunk.fix}.`);
  }
  if (sink) {
    const what = `the failure sink ${sink.name} (${sink.kind}) of ${p.wiring.path}`;
    if (sinkAlarms.length === 0) {
      problems.push(`No alarm watches ${what}: failed events pile up there unseen. Fix: an alarm on its depth and age (a FailureQueue has both).`);
    }
    if (sink.retentionSeconds !== undefined && sink.retentionSeconds < MIN_RETENTION_SECONDS) {
      problems.push(`${capital(what)} keeps failed events ${days(sink.retentionSeconds)}, less than 14 days: they are deleted before a weekly review. Fix: retentionPeriod: Duration.days(14) (a FailureQueue keeps 14 days).`);
    }
    if (sink.encrypted === false) {
      problems.push(`${capital(what)} is not encrypted: the failed events it keeps are stored in clear. Fix: encryption (SQS-managed or KMS; a FailureQueue is KMS-encrypted).`);
    }
  }
  return problems.length > 0 ? problems.join(' ') : undefined;
}

function days(seconds: number): string {
  const d = seconds / 86400;
  return Number.isInteger(d) ? `${d} day${d === 1 ? '' : 's'}` : `${seconds} seconds`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
