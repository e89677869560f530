import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { BlueprintReport, Blueprints, BlueprintStack, FunctionCode, NagPackName, ServerlessFunction } from '../../src';
import { ScopedNagPlugin } from '../../src/compliance/private/scoped-nag-plugin';
import * as reader from '../../src/report/private/read-report';
import { REPORT_WRITER_ID } from '../../src/report/report-at-synth';
import { HANDLER_DIR, TEST_ENV } from '../helpers/template';

const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `report-${name}-`));
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** An app whose stack holds a ServerlessFunction (a path through the library) and a hand-wired rule with no dead-letter queue (a gap). */
function appWithGap(outdir: string, report?: boolean, context: Record<string, unknown> = {}): App {
  const app = new App({ outdir, context });
  const stack = new BlueprintStack(app, 'Orders', { env: TEST_ENV, nagPacks: [], report });
  const fn = new ServerlessFunction(stack, 'Handler', { code: FunctionCode.fromAsset(HANDLER_DIR) });
  new events.Rule(stack, 'Nightly', { schedule: events.Schedule.cron({ hour: '3', minute: '0' }) })
    .addTarget(new targets.LambdaFunction(fn.alias));
  return app;
}

describe('at synth', () => {
  test('BlueprintStack writes blueprints.html and blueprints.json into the cloud assembly, one for the app', () => {
    const outdir = tmp('synth');
    const app = appWithGap(outdir);
    new BlueprintStack(app, 'Second', { env: TEST_ENV, nagPacks: [] });
    app.synth();
    const model = readJson(path.join(outdir, 'blueprints.json'));
    expect(model.stacks.map((s: { id: string }) => s.id)).toEqual(['Orders', 'Second']);
    expect(model.summary.functions).toBe(1);
    expect(model.summary.gaps).toBeGreaterThanOrEqual(1);
    expect(fs.readFileSync(path.join(outdir, 'blueprints.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    // The writer is one construct of the app, holding nothing.
    expect(app.node.findAll().filter((c) => c.node.id === REPORT_WRITER_ID)).toHaveLength(1);
  });

  test('the report at synth equals the one the CLI writes over the same assembly (same reader)', () => {
    const outdir = tmp('same');
    appWithGap(outdir).synth();
    const atSynth = fs.readFileSync(path.join(outdir, 'blueprints.json'), 'utf8');
    const again = tmp('again');
    BlueprintReport.writeForAssembly(outdir, again);
    expect(fs.readFileSync(path.join(again, 'blueprints.json'), 'utf8')).toEqual(atSynth);
  });

  test('cdk-nag packs that ran clean show as ran, on the stacks they check only, at synth and from the CLI alike', () => {
    const outdir = tmp('clean-packs');
    const app = new App({ outdir });
    const checked = new BlueprintStack(app, 'Checked', { env: TEST_ENV }); // AwsSolutions and Serverless by default
    new ServerlessFunction(checked, 'Handler', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    const unchecked = new Stack(app, 'Unchecked', { env: TEST_ENV });
    new ServerlessFunction(unchecked, 'Handler', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    app.synth();
    const atSynth = fs.readFileSync(path.join(outdir, 'blueprints.json'), 'utf8');
    const ran = (json: string, stack: string) => JSON.parse(json).stacks.find((s: { id: string }) => s.id === stack)
      .nagPacks.filter((p: { ran: boolean }) => p.ran).map((p: { pack: string }) => p.pack);
    expect(ran(atSynth, 'Checked')).toEqual(['AwsSolutions', 'Serverless']);
    expect(ran(atSynth, 'Unchecked')).toEqual([]);
    const again = tmp('clean-packs-cli');
    BlueprintReport.writeForAssembly(outdir, again);
    expect(fs.readFileSync(path.join(again, 'blueprints.json'), 'utf8')).toEqual(atSynth);
  });

  test('report: false writes none, and a second synth of the same app writes the same report', () => {
    const off = tmp('off');
    appWithGap(off, false).synth();
    expect(fs.existsSync(path.join(off, 'blueprints.html'))).toBe(false);
    // The app-wide switch wins over stacks that ask for the report.
    const contextOff = tmp('context-off');
    appWithGap(contextOff, undefined, { 'cdk-lambda-blueprints.report': 'false' }).synth();
    expect(fs.readdirSync(contextOff).filter((f) => f.startsWith('blueprints.'))).toEqual([]);

    const outdir = tmp('twice');
    const app = appWithGap(outdir);
    app.synth();
    const first = fs.readFileSync(path.join(outdir, 'blueprints.html'), 'utf8');
    fs.rmSync(path.join(outdir, 'blueprints.html'));
    app.synth({ force: true });
    expect(fs.readFileSync(path.join(outdir, 'blueprints.html'), 'utf8')).toEqual(first);
  });

  test('stacks of a Stage are in the app\'s report', () => {
    const outdir = tmp('stage');
    const app = new App({ outdir });
    const stage = new Stage(app, 'Prod', { env: TEST_ENV });
    const stack = new Stack(stage, 'Api');
    new ServerlessFunction(stack, 'Handler', { code: FunctionCode.fromAsset(HANDLER_DIR) });
    Blueprints.applyTo(app, { nagPacks: [] });
    app.synth();
    const model = readJson(path.join(outdir, 'blueprints.json'));
    expect(model.summary.functions).toBe(1);
    expect(model.stacks).toHaveLength(1);
  });

  test('cdk-nag 3 packs run once for the report: their findings are in it, and the plugin reports the same', () => {
    const outdir = tmp('nag3');
    const app = new App({ outdir });
    const stack = new Stack(app, 'Plain', { env: TEST_ENV });
    new lambda.Function(stack, 'Bare', { code: lambda.Code.fromInline('exports.handler=async()=>{}'), handler: 'index.handler', runtime: lambda.Runtime.NODEJS_18_X });
    Blueprints.applyTo(app, { nagPacks: [NagPackName.AWS_SOLUTIONS], hardenPlainFunctions: false });
    const exitCode = process.exitCode;
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      app.synth();
    } finally {
      error.mockRestore();
      process.exitCode = exitCode;
    }
    const model = readJson(path.join(outdir, 'blueprints.json'));
    const pack = model.stacks[0].nagPacks.find((p: { pack: string }) => p.pack === 'AwsSolutions');
    expect(pack.ran).toBe(true);
    expect(pack.unacknowledged.map((f: { id: string }) => f.id)).toContain('AwsSolutions-L1');
    expect(model.summary.unacknowledgedFindings).toBeGreaterThan(0);
    const validation = readJson(path.join(outdir, 'policy-validation-report.json'));
    const nagReport = validation.pluginReports.find((r: { summary: { pluginName: string } }) => r.summary.pluginName === 'AwsSolutions');
    expect(nagReport.violations.map((v: { ruleName: string }) => v.ruleName)).toContain('AwsSolutions-L1');
  });
});

describe('the report never fails a synth', () => {
  test('a report that cannot be written leaves the templates and says so on stderr', () => {
    const outdir = tmp('broken');
    const read = jest.spyOn(reader, 'readReportModel').mockImplementation(() => {
      throw new Error('unreadable assembly');
    });
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      appWithGap(outdir).synth();
      expect(stderr).toHaveBeenCalledWith(expect.stringMatching(/blueprint report was not written \(unreadable assembly\); write it with: npx cdk-lambda-blueprints report /));
    } finally {
      read.mockRestore();
      stderr.mockRestore();
    }
    expect(fs.existsSync(path.join(outdir, 'Orders.template.json'))).toBe(true);
    expect(fs.existsSync(path.join(outdir, 'blueprints.html'))).toBe(false);
  });

  test('a cdk-nag pack that throws when run for the report is run again by its plugin, which reports the failure', () => {
    const stack = new Stack(new App(), 'S');
    let runs = 0;
    const pack = {
      name: 'Broken',
      version: '1',
      validateScope: () => {
        runs++;
        throw new Error('rule crashed');
      },
    };
    const plugin = new ScopedNagPlugin(pack as any, stack);
    expect(plugin.prefetch()).toEqual([]);
    expect(() => plugin.validate({ templatePaths: [] })).toThrow('rule crashed');
    expect(runs).toBe(2);
  });
});

describe('BlueprintReport.writeForAssembly', () => {
  test('writes both files into the assembly, or into the given directory, and returns the summary', () => {
    const outdir = tmp('write');
    appWithGap(outdir, false).synth();
    const summary = BlueprintReport.writeForAssembly(outdir);
    expect(summary).toEqual(expect.objectContaining({ stacks: 1, functions: 1, htmlFile: path.join(outdir, 'blueprints.html') }));
    expect(summary.eventPaths).toBeGreaterThanOrEqual(1);
    expect(readJson(summary.jsonFile).summary.gaps).toBe(summary.gaps);
    const elsewhere = path.join(tmp('elsewhere'), 'nested', 'dir');
    expect(BlueprintReport.writeForAssembly(outdir, elsewhere).htmlFile).toBe(path.join(elsewhere, 'blueprints.html'));
  });

  test.each([
    ['a directory without a manifest', () => tmp('empty')],
    ['a missing directory', () => path.join(os.tmpdir(), 'no-such-assembly-dir')],
    ['an empty string', () => ''],
  ])('%s is a coded error naming the fix', (_name, dir) => {
    expect(() => BlueprintReport.writeForAssembly(dir())).toThrow(/LBP_REPORT_ASSEMBLY[\s\S]*assemblyDirectory[\s\S]*run cdk synth first/);
  });
});

describe('the cdk-lambda-blueprints CLI', () => {
  const bin = path.join(__dirname, '..', '..', 'bin', 'cdk-lambda-blueprints');
  const cli = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  let assembly: string;
  beforeAll(() => {
    assembly = tmp('cli');
    appWithGap(assembly, false).synth();
  });

  test('package.json names it as the package\'s bin', () => {
    expect(readJson(path.join(__dirname, '..', '..', 'package.json')).bin).toEqual({ 'cdk-lambda-blueprints': 'bin/cdk-lambda-blueprints' });
  });

  test('report <dir> writes the report and prints its summary (exit 0 without --fail-on-*)', () => {
    const r = cli('report', assembly);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Blueprint report: 1 stacks, 1 functions, \d+ event paths, [1-9]\d* gaps, 0 unacknowledged findings/);
    expect(fs.existsSync(path.join(assembly, 'blueprints.html'))).toBe(true);
  });

  test('--fail-on-gaps exits 1 when a gap exists; --fail-on-findings does not on an app without findings', () => {
    const gaps = cli('report', assembly, '--fail-on-gaps');
    expect(gaps.status).toBe(1);
    expect(gaps.stderr).toMatch(/failing on \d+ gap\(s\)/);
    expect(cli('report', assembly, '--fail-on-findings').status).toBe(0);
  });

  test('--out writes elsewhere; --help prints the usage', () => {
    const out = tmp('cli-out');
    expect(cli('report', assembly, '--out', out).status).toBe(0);
    expect(fs.existsSync(path.join(out, 'blueprints.json'))).toBe(true);
    const help = cli('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: cdk-lambda-blueprints report/);
  });

  test.each([
    [[], /no command given/],
    [['diagram'], /unknown command 'diagram'/],
    [['report', '--verbose'], /unknown option '--verbose'/],
    [['report', 'a', 'b'], /one cloud assembly at a time/],
    [['report', '--out'], /--out needs a directory/],
    [['report', '/no/such/dir'], /LBP_REPORT_ASSEMBLY/],
  ])('bad usage %j exits 2 with the reason', (args, message) => {
    const r = cli(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
