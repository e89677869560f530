import * as fs from 'fs';
import * as path from 'path';
import { readReportModel } from './private/read-report';
import { ReportModel } from './private/report-model';
import { writeReportFiles } from './private/write-report';
import { ErrorCodes } from '../validation/error-codes';
import { placeNamed } from '../validation/place';
import { Validator } from '../validation/validator';

/**
 * The numbers at the top of a blueprint report, and where its files are.
 */
export interface BlueprintReportSummary {
  /** The `blueprints.html` written. */
  readonly htmlFile: string;
  /** The `blueprints.json` written (the same facts, for pipelines). */
  readonly jsonFile: string;
  /** Deployable stacks of the cloud assembly (nested stacks folded into their parent). */
  readonly stacks: number;
  /** Lambda functions of every stack. */
  readonly functions: number;
  /** Ways events reach those functions (event source mappings, subscriptions, rules, APIs, ...). */
  readonly eventPaths: number;
  /** Event paths that lose failed events or whose failure sink no alarm watches. */
  readonly gaps: number;
  /** cdk-nag findings no acknowledgement covers. */
  readonly unacknowledgedFindings: number;
  /** The idle cost of the stacks with a cost report, in USD a month (verified rates only). */
  readonly monthlyUsd: number;
}

/**
 * The blueprint report of a cloud assembly: one self-contained `blueprints.html` (no script, no network) and its
 * machine-readable twin `blueprints.json`, showing per stack and function the event paths from source through
 * function to failure sink and alarm, the gaps, the alarms, the acknowledgements and user decisions, cdk-nag results
 * and the idle cost.
 *
 * `Blueprints.applyTo` and `BlueprintStack` write it at every synth (`report: false` turns that off); this class writes it for
 * an assembly already on disk, as `npx cdk-lambda-blueprints report cdk.out` does.
 */
export class BlueprintReport {
  /**
   * Reads the cloud assembly in `assemblyDirectory` and writes its `blueprints.html` and `blueprints.json` into it.
   *
   * @param assemblyDirectory the cloud assembly (`cdk.out`, or the directory `app.synth()` returned)
   * @param outputDirectory where to write the two files
   * @default outputDirectory - the assembly directory
   */
  public static writeForAssembly(assemblyDirectory: string, outputDirectory?: string): BlueprintReportSummary {
    checkAssemblyDirectory(assemblyDirectory);
    const model = readReportModel(assemblyDirectory);
    return reportSummary(model, writeReportFiles(model, outputDirectory ?? assemblyDirectory));
  }

  private constructor() {}
}

/** The summary of a model whose files were written. */
function reportSummary(model: ReportModel, files: { htmlFile: string; jsonFile: string }): BlueprintReportSummary {
  const s = model.summary;
  return {
    ...files,
    stacks: s.stacks,
    functions: s.functions,
    eventPaths: s.eventPaths,
    gaps: s.gaps,
    unacknowledgedFindings: s.unacknowledgedFindings,
    monthlyUsd: s.monthlyUsd,
  };
}

/** A directory with a cloud assembly manifest, or a coded error. */
function checkAssemblyDirectory(dir: unknown): void {
  const v = new Validator(placeNamed('BlueprintReport'));
  const isString = typeof dir === 'string' && dir.length > 0;
  v.failIf(!isString || !fs.existsSync(path.join(dir, 'manifest.json')), {
    code: ErrorCodes.LBP_REPORT_ASSEMBLY,
    property: 'assemblyDirectory',
    value: isString ? dir : String(dir),
    limit: 'a cloud assembly directory: it holds the manifest.json that cdk synth writes',
    fix: 'run cdk synth first, then pass its output directory (cdk.out by default)',
  });
  v.throwIfAny();
}
