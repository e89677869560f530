import { ReportModel } from './report-model';

/**
 * The self-contained `blueprints.html` of a report model: no script, no external resource, readable without
 * JavaScript; one inline SVG diagram of the event paths per stack.
 *
 * @internal
 */
export function renderReportHtml(model: ReportModel): string {
  throw new Error(`renderReportHtml(${model.stacks.length} stacks) is built on branch i24-html`);
}
