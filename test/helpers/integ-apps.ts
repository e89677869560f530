import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';

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
