import { BlueprintReport, BlueprintReportSummary } from '../blueprint-report';

/** What the CLI prints for `--help` and on bad usage. @internal */
export const CLI_USAGE = `Usage: cdk-lambda-blueprints report [cdk.out] [options]

Writes blueprints.html and blueprints.json of a cloud assembly (cdk.out by default) and prints its summary.

Options:
  --out <dir>         write the two files there instead of into the assembly
  --fail-on-gaps      exit with status 1 when an event path loses failed events or its sink has no alarm
  --fail-on-findings  exit with status 1 when a cdk-nag finding is not acknowledged
  --help              print this help

Exit status: 0 written (and no opted-in failure), 1 an opted-in failure, 2 bad usage or no cloud assembly.`;

interface CliArgs {
  readonly assembly: string;
  readonly out?: string;
  readonly failOnGaps: boolean;
  readonly failOnFindings: boolean;
}

/**
 * Runs `cdk-lambda-blueprints <argv>` and returns its exit status.
 *
 * @param argv the arguments after the program name
 * @param print where the summary and the help go (stdout)
 * @param printError where errors go (stderr)
 * @internal
 */
export function runCli(argv: string[], print: (line: string) => void, printError: (line: string) => void): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    print(CLI_USAGE);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    printError(`cdk-lambda-blueprints: ${args}\n\n${CLI_USAGE}`);
    return 2;
  }
  let summary: BlueprintReportSummary;
  try {
    summary = BlueprintReport.writeForAssembly(args.assembly, args.out);
  } catch (e) {
    printError(`cdk-lambda-blueprints: ${(e as Error).message}`);
    return 2;
  }
  print(summaryLine(summary));
  const failures = [
    args.failOnGaps && summary.gaps > 0 ? `${summary.gaps} gap(s)` : undefined,
    args.failOnFindings && summary.unacknowledgedFindings > 0 ? `${summary.unacknowledgedFindings} unacknowledged finding(s)` : undefined,
  ].filter((f): f is string => f !== undefined);
  if (failures.length > 0) {
    printError(`cdk-lambda-blueprints: failing on ${failures.join(' and ')} (see ${summary.htmlFile})`);
    return 1;
  }
  return 0;
}

/** The one line the CLI prints. */
function summaryLine(s: BlueprintReportSummary): string {
  return `Blueprint report: ${s.stacks} stacks, ${s.functions} functions, ${s.eventPaths} event paths, ${s.gaps} gaps, ` +
    `${s.unacknowledgedFindings} unacknowledged findings, about $${s.monthlyUsd.toFixed(2)} a month idle: ${s.htmlFile} (${s.jsonFile})`;
}

function parseArgs(argv: string[]): CliArgs | string {
  const [command, ...rest] = argv;
  if (command !== 'report') {
    return command === undefined ? 'no command given' : `unknown command '${command}'`;
  }
  let assembly: string | undefined;
  let out: string | undefined;
  let failOnGaps = false;
  let failOnFindings = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--out') {
      out = rest[++i];
      if (out === undefined || out.startsWith('--')) {
        return '--out needs a directory';
      }
    } else if (a === '--fail-on-gaps') {
      failOnGaps = true;
    } else if (a === '--fail-on-findings') {
      failOnFindings = true;
    } else if (a.startsWith('-')) {
      return `unknown option '${a}'`;
    } else if (assembly === undefined) {
      assembly = a;
    } else {
      return `one cloud assembly at a time (got '${assembly}' and '${a}')`;
    }
  }
  return { assembly: assembly ?? 'cdk.out', out, failOnGaps, failOnFindings };
}
