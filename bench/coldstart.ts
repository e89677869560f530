/// `npm run bench -- coldstart`: a handler using the DynamoDB client, bundled with fromNodejsEntry's
/// defaults (SDK bundled) and NodejsFunction's (SDK external, loaded from the runtime). Reports the
/// bundle size and the module initialisation time: loading the bundle in a fresh Node.js process, a
/// proxy for Lambda's init phase (NodejsFunction's bundle gets the SDK from node_modules via NODE_PATH,
/// as the runtime provides it from /var/runtime/node_modules).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { freshDir, median, printTable, ratio, REPO, runApp, SMOKE } from './lib/measure';

const RUNS = SMOKE ? 2 : 15;

const HANDLER = [
  "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';",
  '',
  'const client = new DynamoDBClient({});',
  '',
  'export async function handler(event: { id: string }) {',
  '  const out = await client.send(new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { pk: { S: event.id } } }));',
  '  return out.Item ?? null;',
  '}',
  '',
].join('\n');

function dirSize(dir: string): { raw: number; gzip: number; files: number } {
  let raw = 0; let gzip = 0; let files = 0;
  for (const name of fs.readdirSync(dir)) {
    const data = fs.readFileSync(path.join(dir, name));
    raw += data.length; gzip += zlib.gzipSync(data, { level: 9 }).length; files++;
  }
  return { raw, gzip, files };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

export function benchColdstart(): void {
  const src = freshDir('coldstart', 'src');
  const entry = path.join(src, 'ddb.ts');
  fs.writeFileSync(entry, HANDLER);
  const assets = runApp('coldstart-app.ts', [entry, freshDir('coldstart', 'cdk.out')]) as unknown as { ours: string; oursMinified: string; nodejs: string };

  // Outside the repository, so nothing resolves through its node_modules except where NODE_PATH says.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lbp-coldstart-'));
  const kinds = ['ours', 'oursMinified', 'nodejs'] as const;
  const dirs = { ours: path.join(tmp, 'ours'), oursMinified: path.join(tmp, 'ours-minified'), nodejs: path.join(tmp, 'nodejs') };
  for (const k of kinds) {
    fs.cpSync(assets[k], dirs[k], { recursive: true });
  }
  const bundledEnv = { ...process.env, AWS_REGION: 'us-east-1', NODE_PATH: '' };
  const env = {
    ours: bundledEnv,
    oursMinified: bundledEnv,
    nodejs: { ...process.env, AWS_REGION: 'us-east-1', NODE_PATH: path.join(REPO, 'node_modules') },
  };

  const samples: { [k: string]: { ms: number[]; wall: number[]; files: number; bytes: number } } = {};
  for (const k of kinds) {
    samples[k] = { ms: [], wall: [], files: 0, bytes: 0 };
  }
  for (let i = 0; i < RUNS + 1; i++) {
    for (const k of kinds) {
      const start = process.hrtime.bigint();
      const child = spawnSync(process.execPath, [path.join(REPO, 'bench', 'apps', 'init-time.js'), path.join(dirs[k], 'index.js')], { env: env[k], encoding: 'utf8' });
      const wall = Number(process.hrtime.bigint() - start) / 1e6;
      if (child.status !== 0) {
        throw new Error(`loading the ${k} bundle failed:\n${child.stderr}`);
      }
      if (i === 0) {
        continue; // warm the file system cache for both alike
      }
      const r = JSON.parse(child.stdout.trim());
      samples[k].ms.push(r.ms); samples[k].wall.push(wall); samples[k].files = r.files; samples[k].bytes = r.bytes;
    }
  }
  fs.rmSync(tmp, { recursive: true, force: true });

  const row = (label: string, k: typeof kinds[number]) => {
    const size = dirSize(assets[k]);
    return [label, kb(size.raw), kb(size.gzip), kb(samples[k].bytes), samples[k].files,
      `${median(samples[k].ms).toFixed(1)} ms`, `${median(samples[k].wall).toFixed(0)} ms`];
  };
  console.log(`\nDynamoDB GetItem handler: bundle size and module initialisation (median of ${RUNS} fresh processes)\n`);
  printTable(['bundle', 'asset', 'asset gzip', 'JS loaded at init', 'files loaded', 'init (require)', 'process'], [
    row('fromNodejsEntry defaults (SDK bundled)', 'ours'),
    row('fromNodejsEntry, minify: true', 'oursMinified'),
    row('NodejsFunction defaults (SDK from runtime)', 'nodejs'),
  ]);
  console.log(`\ninit time: NodejsFunction / ours = ${ratio(median(samples.nodejs.ms), median(samples.ours.ms))}x `
    + `(minified: ${ratio(median(samples.nodejs.ms), median(samples.oursMinified.ms))}x)`);
}
