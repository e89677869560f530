import { escapeHtml, integer, table, usd } from './html';
import { StackCost, StackReport } from './report-model';

function linesTable(cost: StackCost): string {
  const rows = cost.lines.map((l) => [escapeHtml(l.item), integer(l.count), usd(l.unitUsd), usd(l.monthlyUsd)]);
  if (rows.length > 0) {
    rows.push(['<strong>Total (verified rates)</strong>', '', '', `<strong>${usd(cost.monthlyUsd)}</strong>`]);
  }
  return table('cost-lines', `Idle cost, ${cost.priceTable.currency} a month`, ['Item', 'Count', 'Unit', 'Monthly'], rows, 'no standing charge');
}

function unverifiedTable(cost: StackCost): string {
  if (cost.unverifiedMonthlyUsd === 0 && (cost.unverifiedLines ?? []).length === 0) {
    return '';
  }
  const rows = (cost.unverifiedLines ?? []).map((l) => [escapeHtml(l.item), integer(l.count), usd(l.unitUsd), usd(l.monthlyUsd)]);
  rows.push(['<strong>Unverified, in no total</strong>', '', '', `<strong>${usd(cost.unverifiedMonthlyUsd)}</strong>`]);
  return table('cost-unverified', 'At rates that could not be verified (not in the total)', ['Item', 'Count', 'Unit', 'Monthly'], rows, 'none');
}

function ratesTable(cost: StackCost): string {
  const rows = cost.rates.map((r) => [
    escapeHtml(r.item),
    usd(r.unitUsd),
    r.verified ? 'verified' : '<span class="gap">unverified</span>',
    /^https:\/\//.test(r.url) ? `<a href="${escapeHtml(r.url)}">${escapeHtml(r.url)}</a>` : escapeHtml(r.url),
    escapeHtml(r.read),
  ]);
  return table('cost-rates', 'Price sources', ['Rate', 'Unit price', 'Status', 'Pricing page', 'Read on'], rows, 'none');
}

/**
 * The idle cost of a stack (what it costs a month with no traffic): its lines and total at verified rates,
 * the charges at unverified rates apart, and each rate with its pricing page and the date it was read. The
 * pricing pages are plain links: the page never loads them.
 *
 * @internal
 */
export function renderCost(stack: StackReport): string {
  const cost = stack.cost;
  if (cost === undefined) {
    return '<p class="empty" data-report="cost-lines">No cost report for this stack (the cost report is off, or it is not a blueprints stack).</p>';
  }
  const table_ = cost.priceTable;
  return [
    `<p class="muted">Prices: ${escapeHtml(table_.region)}, ${escapeHtml(table_.currency)}, price table of ${escapeHtml(table_.date)}. Request-based charges come on top with traffic.</p>`,
    linesTable(cost),
    unverifiedTable(cost),
    ratesTable(cost),
  ].filter((s) => s !== '').join('\n');
}
