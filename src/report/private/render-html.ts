import { ReportModel } from './report-model';
import { renderStack } from './stack-section';
import { REPORT_CSS } from './styles';
import { renderContents, renderSummary } from './summary-section';

/**
 * The self-contained `blueprints.html` of a report model: no script, no external resource, readable without
 * JavaScript; one inline SVG diagram of the event paths per stack. The same model gives the same bytes (no
 * clock, no machine name).
 *
 * @internal
 */
export function renderReportHtml(model: ReportModel): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="cdk-lambda-blueprints">',
    '<title>Blueprint report</title>',
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<h1>Blueprint report</h1>',
    '<p class="lead">What cdk-lambda-blueprints knows about this cloud assembly at synth: each function, the event paths that reach it and where their failed events go, the alarms, the cdk-nag results with the acknowledgements and decisions behind them, and the idle cost. The same facts are in <code>blueprints.json</code>.</p>',
    renderSummary(model),
    renderContents(model),
    ...model.stacks.map((stack, i) => renderStack(stack, i)),
    `<footer>Report schema ${model.schemaVersion}, written by ${model.generator}.</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
