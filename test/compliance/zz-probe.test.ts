import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
const ROOT = process.env.ROOT!;
// eslint-disable-next-line
const wl = require(path.join(ROOT, 'examples/reference-workloads'));
import { controlTowerFindings } from '../helpers/control-tower';
test('probe', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctp-'));
  const app = new App({ outdir });
  wl.acknowledgeUserDecisions(app);
  const env = { account: '123456789012', region: 'us-east-1' };
  for (const b of ['coreStack','imagePipelineStack','streamAnalyticsStack','webBackendStack','nightlyJobStack','queueWorkerStack','subscribersStack','platformStack','deviceEventsStack','pythonJavaStack']) wl[b](app, env);
  const a = app.synth();
  const f = controlTowerFindings(a.stacks.map((s) => s.templateFullPath));
  const c: Record<string, number> = {};
  for (const x of f) { const k = `${x.control} ${x.type} ${x.exception ? 'EXC' : 'OPEN'}`; c[k] = (c[k] ?? 0) + 1; }
  console.log(JSON.stringify(c, null, 1), f.length);
  if (process.env.V) console.log(f.filter(x=>!x.exception).map(x=>`${x.control} ${x.template} ${x.logicalId}`).join('\n'));
});
