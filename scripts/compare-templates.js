#!/usr/bin/env node
/**
 * Requires the cloud assemblies of the example app synthesized in TypeScript, Python and Java to be
 * identical: the same stacks, byte-identical templates and the same file and image assets.
 *
 * Usage: node scripts/compare-templates.js <reference cdk.out> <label>=<cdk.out> [<label>=<cdk.out> ...]
 *
 * One thing is normalised, because it must differ: the `CDKMetadata` resource's `Analytics` string
 * (gzipped, base64, CDK's usage report, not deployed configuration) names the jsii runtime that ran
 * the app (`node.js/v20...`, `Python/3.11...`, `Java/17...`) and the aws-cdk-lib classes in the tree.
 * The class list differs by language too: the TypeScript app loads the library from its sources,
 * which carry no jsii type information, so a `ServerlessFunction` is reported as the aws-cdk-lib class
 * it extends (`lambda.FunctionBase`), while from Python and Java it is the library's own class and is
 * not listed. It is decoded, and only the aws-cdk-lib version must match. Asset manifests are compared without the templates' own entries (their hash is
 * the hash of the template, compared above). Nothing else is normalised: asset hashes, logical ids
 * and paths must match as they are.
 *
 * The acknowledgements (`Validations.of(c).acknowledge(...)`, recorded as `aws:cdk:acknowledged-rules`
 * metadata in <stack>.metadata.json, not in the template) must match too, construct path by construct
 * path: they decide what cdk-nag reports, and an app's own acknowledgement (the nightly job's
 * `AwsSolutions-IAM5[Resource::...]`) is written by hand in each language. The rest of that file
 * (creation stacks naming each language's source files) is not compared.
 *
 * The blueprint report each app writes at synth (blueprints.json and blueprints.html) must be identical too.
 *
 * Prints one line per comparison and closes with `N passed, N failed`; exits 1 on any difference.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

/** The Analytics string decoded, reduced to the aws-cdk-lib version it reports. */
function normaliseAnalytics(value) {
  const match = /^v2:deflate64:(.*)$/.exec(value);
  if (!match) return value;
  const decoded = zlib.gunzipSync(Buffer.from(match[1], 'base64')).toString('utf8');
  const version = /(?:^|,)([^,!{}]+)!aws-cdk-lib\./.exec(decoded);
  return `v2:decoded:aws-cdk-lib@${version ? version[1] : '?'}`;
}

/** A template's text, with the analytics normalised and nothing else touched (key order kept). */
function normalisedTemplate(file) {
  const template = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const resource of Object.values(template.Resources ?? {})) {
    if (resource.Type === 'AWS::CDK::Metadata' && typeof resource.Properties?.Analytics === 'string') {
      resource.Properties.Analytics = normaliseAnalytics(resource.Properties.Analytics);
    }
  }
  return JSON.stringify(template, null, 1);
}

/** The file and image assets of a stack, without the template itself. */
function normalisedAssets(file) {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  const files = Object.fromEntries(
    Object.entries(manifest.files ?? {}).filter(([, a]) => !String(a.source?.path).endsWith('.template.json')),
  );
  return JSON.stringify({ files, dockerImages: manifest.dockerImages ?? {} }, null, 1);
}

/** The acknowledged rules of a stack, by construct path (empty when the stack has no metadata file). */
function normalisedAcknowledgements(file) {
  const metadata = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const acknowledged = {};
  for (const [constructPath, entries] of Object.entries(metadata).sort(([a], [b]) => a.localeCompare(b))) {
    const data = (entries ?? []).filter((e) => e.type === 'aws:cdk:acknowledged-rules').map((e) => e.data);
    if (data.length > 0) acknowledged[constructPath] = data;
  }
  return JSON.stringify(acknowledged, null, 1);
}

/** The first lines where two texts differ, for the failure message. */
function firstDifferences(expected, actual, max = 8) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const out = [];
  for (let i = 0; i < Math.max(a.length, b.length) && out.length < max; i++) {
    if (a[i] !== b[i]) {
      out.push(`    line ${i + 1}:\n      - ${a[i] ?? '<end>'}\n      + ${b[i] ?? '<end>'}`);
    }
  }
  return out.join('\n');
}

/** A report file of an assembly, or undefined when the app wrote none. */
function readReport(dir, file) {
  const p = path.join(dir, file);
  return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined;
}

function stacksIn(dir) {
  if (!fs.existsSync(dir)) throw new Error(`no cloud assembly at ${dir}: did the synth run?`);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.template.json')).map((f) => f.replace(/\.template\.json$/, '')).sort();
}

function main(argv) {
  const [reference, ...others] = argv;
  if (!reference || others.length === 0) {
    console.error('usage: compare-templates.js <reference cdk.out> <label>=<cdk.out> ...');
    return 2;
  }
  const referenceStacks = stacksIn(reference);
  let passed = 0;
  let failed = 0;
  const check = (name, ok, detail) => {
    if (ok) {
      passed++;
      console.log(`  ok    ${name}`);
    } else {
      failed++;
      console.log(`  FAIL  ${name}${detail ? `\n${detail}` : ''}`);
    }
  };

  for (const other of others) {
    const [label, dir] = other.includes('=') ? other.split('=', 2) : [other, other];
    const stacks = stacksIn(dir);
    check(`${label}: same stacks as TypeScript (${referenceStacks.join(', ')})`,
      JSON.stringify(stacks) === JSON.stringify(referenceStacks),
      `    TypeScript: ${referenceStacks.join(', ')}\n    ${label}: ${stacks.join(', ')}`);
    for (const stack of referenceStacks.filter((s) => stacks.includes(s))) {
      const expected = normalisedTemplate(path.join(reference, `${stack}.template.json`));
      const actual = normalisedTemplate(path.join(dir, `${stack}.template.json`));
      check(`${label}: ${stack}.template.json identical`, expected === actual, firstDifferences(expected, actual));
      const expectedAssets = normalisedAssets(path.join(reference, `${stack}.assets.json`));
      const actualAssets = normalisedAssets(path.join(dir, `${stack}.assets.json`));
      check(`${label}: ${stack} assets identical`, expectedAssets === actualAssets, firstDifferences(expectedAssets, actualAssets));
      const expectedAcks = normalisedAcknowledgements(path.join(reference, `${stack}.metadata.json`));
      const actualAcks = normalisedAcknowledgements(path.join(dir, `${stack}.metadata.json`));
      check(`${label}: ${stack} acknowledgements identical`, expectedAcks === actualAcks, firstDifferences(expectedAcks, actualAcks));
    }
    // The blueprint report the app wrote at synth: the same facts (blueprints.json) and the same page, byte for byte.
    for (const report of ['blueprints.json', 'blueprints.html']) {
      const expected = readReport(reference, report);
      const actual = readReport(dir, report);
      check(`${label}: ${report} identical`, expected !== undefined && expected === actual,
        expected === undefined || actual === undefined ? `    missing in ${expected === undefined ? 'TypeScript' : label}` : firstDifferences(expected, actual));
    }
  }
  console.log(`templates: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
