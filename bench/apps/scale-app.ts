/// One measured synth of the scale benchmark, in a fresh process (bundling excluded).
/// Usage: scale-app.ts <hardened|hand> <N> <outdir>
/// `hardened`: N default ServerlessFunctions in a FunctionGroup with one shard per 25 functions.
/// `hand`: the same layout written by hand (NestedStacks chosen by the same hash, with the same ids and
/// descriptions, under a plain `Functions` construct; hand-hardened.ts).
/// Prints {"ms", "cpuMs", "rssMb", "stacks", "largestResources", "largestKb", "resources", "functions"}.
import * as fs from 'fs';
import * as path from 'path';
import { App, NestedStack, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { handHardened } from './hand-hardened';
import { FunctionCode, FunctionGroup } from '../../src';

const [impl, nArg, outdir] = process.argv.slice(2);
const n = Number(nArg);
const shards = Math.max(1, Math.ceil(n / 25));
const handlerDir = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'handler');

/** The hand-written nested stacks, created on first use. */
class NestedStackHolder {
  private readonly stacks = new Map<number, NestedStack>();
  private readonly parent: Construct;
  constructor(stack: Stack) {
    this.parent = new Construct(stack, 'Functions');
  }
  public shard(i: number): NestedStack {
    let s = this.stacks.get(i);
    if (!s) {
      s = new NestedStack(this.parent, `Shard${String(i).padStart(2, '0')}`, {
        description: `cdk-lambda-blueprints: shard ${i} of ${shards} of ${this.parent.node.path}`,
      });
      this.stacks.set(i, s);
    }
    return s;
  }
}

const t0 = performance.now();
const cpu0 = process.cpuUsage();
const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
const stack = new Stack(app, 'ScaleBench', { env: { account: '123456789012', region: 'us-east-1' } });
if (impl === 'hardened') {
  const group = new FunctionGroup(stack, 'Functions', { shards });
  const code = FunctionCode.fromAsset(handlerDir);
  for (let i = 0; i < n; i++) {
    group.addFunction(`Fn${i}`, { code });
  }
} else if (impl === 'hand') {
  const parent = new NestedStackHolder(stack);
  for (let i = 0; i < n; i++) {
    const id = `Fn${i}`;
    handHardened(stack, parent.shard(FunctionGroup.shardIndex(id, shards)), id, handlerDir);
  }
} else {
  throw new Error(`unknown implementation ${impl}`);
}
app.synth();
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;

let largestResources = 0;
let largestBytes = 0;
let resources = 0;
let functions = 0;
const templates = fs.readdirSync(outdir).filter((f) => f.endsWith('.template.json'));
for (const file of templates) {
  const text = fs.readFileSync(path.join(outdir, file), 'utf8');
  const r = Object.values<any>(JSON.parse(text).Resources);
  resources += r.length;
  functions += r.filter((x) => x.Type === 'AWS::Lambda::Function').length;
  largestResources = Math.max(largestResources, r.length);
  largestBytes = Math.max(largestBytes, Buffer.byteLength(text));
}
console.log(JSON.stringify({
  ms,
  cpuMs,
  rssMb: process.resourceUsage().maxRSS / 1024,
  stacks: templates.length,
  largestResources,
  largestKb: Math.round(largestBytes / 1024),
  resources,
  functions,
}));
