import * as fs from 'fs';
import * as path from 'path';
import { renderReportHtml } from './render-html';
import { ReportModel } from './report-model';

/** The files of a blueprint report, in the cloud assembly. @internal */
export const REPORT_HTML = 'blueprints.html';
/** @internal */
export const REPORT_JSON = 'blueprints.json';

/**
 * Writes `blueprints.json` and `blueprints.html` of `model` into `outdir` and returns their paths.
 *
 * @internal
 */
export function writeReportFiles(model: ReportModel, outdir: string): { htmlFile: string; jsonFile: string } {
  fs.mkdirSync(outdir, { recursive: true });
  const jsonFile = path.join(outdir, REPORT_JSON);
  const htmlFile = path.join(outdir, REPORT_HTML);
  fs.writeFileSync(jsonFile, JSON.stringify(model, undefined, 2) + '\n');
  fs.writeFileSync(htmlFile, renderReportHtml(model));
  return { htmlFile, jsonFile };
}
