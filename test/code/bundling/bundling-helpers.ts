import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { TEST_ENV } from '../../helpers/template';

/** The committed fixture entries (alpha.ts, beta.ts and a shared module). */
export const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'bundling');

/**
 * A throwaway project in a temp dir (package.json + lock file, so it is its own project root) with
 * the given files. Used where a test edits sources or needs a second checkout in another place.
 */
export function tempProject(files: { [relativePath: string]: string }): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lbp-bundling-'));
  fs.writeFileSync(path.join(root, 'package.json'), '{ "name": "fixture", "private": true }\n');
  fs.writeFileSync(path.join(root, 'package-lock.json'), '{}\n');
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

/** A fresh app and stack (the app's own temp outdir), with optional context. */
export function appStack(context: { [key: string]: unknown } = {}): { app: App; stack: Stack } {
  const app = new App({ context });
  return { app, stack: new Stack(app, 'Bundled', { env: TEST_ENV }) };
}

/** The Lambda functions of a stack by logical id: their asset hash (from the S3 key) and handler. */
export function functionAssets(stack: Stack): { [logicalId: string]: { hash: string; handler: string } } {
  const out: { [logicalId: string]: { hash: string; handler: string } } = {};
  const resources = Template.fromStack(stack).findResources('AWS::Lambda::Function');
  for (const [id, r] of Object.entries<any>(resources)) {
    const key: string = r.Properties.Code.S3Key;
    out[id] = { hash: key.replace(/\.zip$/, ''), handler: r.Properties.Handler };
  }
  return out;
}

/** The staged files of a function's asset (relative path -> text), read from the app's cloud assembly. */
export function assetFiles(app: App, hash: string): { [relativePath: string]: string } {
  const dir = path.join(app.synth().directory, `asset.${hash}`);
  const out: { [relativePath: string]: string } = {};
  for (const name of fs.readdirSync(dir).sort()) {
    out[name] = fs.readFileSync(path.join(dir, name), 'utf8');
  }
  return out;
}

/** The logical id of the `lambda.Function` inside a ServerlessFunction with construct id `id`. */
export function functionIdOf(stack: Stack, id: string): string {
  const fn = stack.node.findChild(id).node.findChild('Function').node.defaultChild as any;
  return stack.getLogicalId(fn);
}
