import * as fs from 'fs';
import * as path from 'path';

// The example app and its Python and Java twins run with the feature flags a new `cdk init app` gets
// from this aws-cdk-lib (its recommended-feature-flags.json): `cdk synth` then reports no unconfigured
// flag, and the three apps synthesize under the same flags (scripts/consumers.sh compares them).

const ROOT = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RECOMMENDED: Record<string, unknown> = require('aws-cdk-lib/recommended-feature-flags.json');

test.each(['cdk.json', 'consumers/python/cdk.json', 'consumers/java/cdk.json'])('%s sets every recommended flag of aws-cdk-lib', (file) => {
  const context = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')).context ?? {};
  expect(context).toEqual(RECOMMENDED);
  expect(Object.keys(RECOMMENDED).length).toBeGreaterThan(50);
});
