import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Environment } from 'aws-cdk-lib';
import * as workloads from '../../examples/reference-workloads';

/** The integ tests' folder. */
export const INTEG_DIR = path.join(__dirname, '..', '..', 'integ');

/** Every integ app (`integ.*.ts`) under `dir`, sorted. */
export function integApps(dir = INTEG_DIR): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.endsWith('.snapshot')) {
      found.push(...integApps(full));
    } else if (entry.isFile() && /^integ\..*\.ts$/.test(entry.name)) {
      found.push(full);
    }
  }
  return found.sort();
}

/**
 * Loads one integ app as it is (in the calling test's module registry, so `App` is the class spied on),
 * synthesizing into a throw-away folder, and returns the app it synthesized. `beforeSynth` runs on the
 * app just before its synthesis (to add Aspects, for example).
 */
export function loadIntegApp(file: string, beforeSynth: (app: App) => void = () => undefined): App {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'integ-app-'));
  const originalSynth = App.prototype.synth;
  let app: App | undefined;
  const spy = jest.spyOn(App.prototype, 'synth').mockImplementation(function (this: App, options) {
    app = this;
    beforeSynth(this);
    return originalSynth.call(this, options);
  });
  const previousOutdir = process.env.CDK_OUTDIR;
  process.env.CDK_OUTDIR = outdir;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(file);
  } finally {
    spy.mockRestore();
    if (previousOutdir === undefined) {
      delete process.env.CDK_OUTDIR;
    } else {
      process.env.CDK_OUTDIR = previousOutdir;
    }
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  if (!app) {
    throw new Error(`${file} did not synthesize an App`);
  }
  return app;
}

/**
 * The example app (every reference workload, as examples/app.ts builds it, without the idle-cost report),
 * synthesized into a throw-away folder (removed again) and returned.
 */
export function synthesizedExampleApp(): App {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'example-app-')) });
  workloads.acknowledgeUserDecisions(app);
  const env: Environment = { account: '123456789012', region: 'us-east-1' };
  for (const workload of workloads.REFERENCE_WORKLOADS) {
    workload.build(app, env);
  }
  app.synth();
  fs.rmSync(app.outdir, { recursive: true, force: true });
  return app;
}
