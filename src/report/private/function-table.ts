import { cell, escapeHtml, list, pathHtml, shortPath, table } from './html';
import { EndpointReport, FunctionReport, StackReport } from './report-model';

/** `SQS queue BlueprintsCore/Jobs/DeadLetterQueue` with what is known of its retention and encryption. @internal */
export function endpointText(endpoint: EndpointReport): string {
  const facts: string[] = [];
  if (endpoint.retentionSeconds !== undefined) {
    facts.push(`keeps ${retention(endpoint.retentionSeconds)}`);
  }
  if (endpoint.encrypted !== undefined) {
    facts.push(endpoint.encrypted ? 'encrypted' : 'not encrypted');
  }
  const more = facts.length === 0 ? '' : ` <span class="muted">(${escapeHtml(facts.join(', '))})</span>`;
  return `${escapeHtml(endpoint.kind)} ${pathHtml(endpoint.name)}${more}`;
}

function retention(seconds: number): string {
  if (seconds % 86400 === 0) {
    return `${seconds / 86400} days`;
  }
  if (seconds % 3600 === 0) {
    return `${seconds / 3600} hours`;
  }
  return `${seconds} s`;
}

function concurrency(fn: FunctionReport): string {
  const parts: string[] = [];
  if (fn.reservedConcurrency !== undefined) {
    parts.push(`reserved ${fn.reservedConcurrency}`);
  }
  if (fn.provisionedConcurrency !== undefined) {
    parts.push(`provisioned ${fn.provisionedConcurrency}`);
  }
  return cell(parts.join(', '));
}

/**
 * The functions of a stack: one row each, with what it runs (code kind, runtime, architecture), its size
 * (memory, timeout, concurrency), the alias callers invoke, its asynchronous failure sink and its alarms.
 *
 * @internal
 */
export function renderFunctionTable(stack: StackReport): string {
  const rows = stack.functions.map((fn) => [
    pathHtml(fn.name),
    fn.blueprint ? 'blueprint' : 'plain',
    cell(fn.codeKind),
    cell(fn.runtime),
    cell(fn.architecture),
    cell(fn.memoryMb),
    cell(fn.timeoutSeconds),
    concurrency(fn),
    cell(fn.alias),
    fn.asyncFailureSink ? endpointText(fn.asyncFailureSink) : cell(undefined),
    list(fn.alarms.map((a) => shortPath(stack.displayName, a))),
  ]);
  const headers = ['Function', 'Kind', 'Code', 'Runtime', 'Architecture', 'Memory (MB)', 'Timeout (s)', 'Concurrency', 'Alias',
    'Async failure sink', 'Alarms'];
  return table('functions', `Functions (${stack.functions.length})`, headers, rows, 'none in this stack');
}
