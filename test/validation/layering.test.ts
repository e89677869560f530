import * as fs from 'fs';
import * as path from 'path';

/**
 * The layering the code wants, one way only: validation -> primitives (code, layers, encryption,
 * destinations, concurrency, observability, deployment, iam (the one-policy role); code/python is part of code) -> function
 * and Lambda@Edge -> triggers -> patterns -> compliance, scale, cost and the dashboard. A module imports only from its own layer or below. The one
 * exception is type-only: the function and its alarms know the trigger contract
 * (`triggers/trigger.ts`, interfaces only), which is erased at run time.
 */

const SRC = path.join(__dirname, '..', '..', 'src');

const LAYERS: { [folder: string]: number } = {
  validation: 0,
  acknowledgements: 0,
  code: 1,
  layers: 1,
  encryption: 1,
  destinations: 1,
  concurrency: 1,
  observability: 1,
  deployment: 1,
  iam: 1,
  function: 2,
  edge: 2,
  triggers: 3,
  patterns: 4,
  compliance: 5,
  scale: 5,
  cost: 5,
  dashboard: 5,
};

function layerOf(file: string): number {
  const rel = path.relative(SRC, file).split(path.sep).join('/');
  if (rel === 'index.ts') {
    return Number.MAX_SAFE_INTEGER;
  }
  const layer = LAYERS[rel.split('/')[0]];
  if (layer === undefined) {
    throw new Error(`src/${rel} is in no layer: add its folder to LAYERS`);
  }
  return layer;
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const TYPE_ONLY_CONTRACTS = new Set(['triggers/trigger.ts']);

function violations(): string[] {
  const found: string[] = [];
  for (const file of files(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from '(\.[^']+)';/gm)) {
      let target = path.resolve(path.dirname(file), m[2]);
      target = fs.existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, 'index.ts');
      const rel = path.relative(SRC, target).split(path.sep).join('/');
      if (layerOf(target) > layerOf(file) && !(m[1] && TYPE_ONLY_CONTRACTS.has(rel))) {
        found.push(`src/${path.relative(SRC, file)} imports src/${rel}`);
      }
    }
  }
  return found;
}

test('every import goes down the layers (or stays in its own)', () => {
  expect(violations()).toEqual([]);
});

test('the validation layer imports nothing from the other folders of src/', () => {
  const upward = files(path.join(SRC, 'validation')).flatMap((f) =>
    [...fs.readFileSync(f, 'utf8').matchAll(/from '(\.\.\/[^']+)'/g)].map((m) => `${path.relative(SRC, f)}: ${m[1]}`));
  expect(upward).toEqual([]);
});
