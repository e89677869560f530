#!/usr/bin/env bash
# Compiles the TypeScript examples of the README with jsii-rosetta (strict:
# every snippet must compile against the built assembly), and requires the Python shown next to each
# TypeScript snippet of the README that has one to be rosetta's translation of it.
#
# Run by `npx projen test:rosetta` after `compile` (it reads .jsii and lib/).
# `bash scripts/rosetta.sh --update` rewrites those Python blocks of the README instead.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
[[ -f .jsii ]] || { echo "rosetta: no .jsii: run npx projen compile" >&2; exit 1; }

# rosetta reads the snippets of an assembly's readme and doc comments. A scratch copy of the package
# gets the README as its readme.
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cp package.json "$WORK/"
ln -s "$ROOT/lib" "$WORK/lib"
# The snippets import 'cdk-lambda-blueprints' (this package, from lib/) and its dependencies.
mkdir "$WORK/node_modules"
for dep in "$ROOT"/node_modules/* "$ROOT"/node_modules/.bin; do ln -s "$dep" "$WORK/node_modules/"; done
ln -s "$ROOT" "$WORK/node_modules/cdk-lambda-blueprints"
[[ -d rosetta ]] && cp -r rosetta "$WORK/rosetta"
node -e '
  const fs = require("fs");
  const [assembly, out, ...docs] = process.argv.slice(1);
  const jsii = JSON.parse(fs.readFileSync(assembly, "utf8"));
  jsii.readme = { markdown: docs.map((d) => fs.readFileSync(d, "utf8")).join("\n\n") };
  fs.writeFileSync(out, JSON.stringify(jsii));
' .jsii "$WORK/.jsii" README.md

node_modules/.bin/jsii-rosetta extract --strict --directory "$WORK" --cache-to "$WORK/tablet.json" "$WORK/.jsii"

# The Python rosetta gives for each TypeScript block followed by a Python block must follow it verbatim.
node - "$WORK/tablet.json" README.md "${1:-}" <<'EOF'
const fs = require('fs');
const [tabletFile, doc, mode] = process.argv.slice(2);
const tablet = JSON.parse(fs.readFileSync(tabletFile, 'utf8'));
const pythonOf = new Map();
for (const s of Object.values(tablet.snippets)) {
  pythonOf.set(s.translations.$.source.trim(), s.translations.python?.source);
}
const text = fs.readFileSync(doc, 'utf8');
// A block's body never holds a fence, so a TypeScript block without a Python twin is skipped.
const block = /```ts\n((?:(?!```)[\s\S])*?)```\n\n```python\n((?:(?!```)[\s\S])*?)```/g;
let passed = 0;
let failed = 0;
const updated = text.replace(block, (whole, ts, py) => {
  const want = pythonOf.get(ts.trim());
  if (want === undefined) {
    failed++;
    console.log(`  FAIL  no rosetta translation for the snippet starting "${ts.split('\n')[0]}"`);
    return whole;
  }
  if (want.trim() === py.trim()) {
    passed++;
    console.log(`  ok    ${ts.split('\n').find((l) => l.startsWith('const') || l.startsWith('new')) ?? ts.split('\n')[0]}`);
  } else if (mode === '--update') {
    passed++;
    console.log('  updated a Python block');
  } else {
    failed++;
    console.log(`  FAIL  the Python block after "${ts.split('\n')[0]}" is not rosetta's translation (run: bash scripts/rosetta.sh --update)`);
  }
  return '```ts\n' + ts + '```\n\n```python\n' + want.trim() + '\n```';
});
if (mode === '--update') fs.writeFileSync(doc, updated);
if (passed + failed === 0) {
  failed++;
  console.log(`  FAIL  no \`\`\`ts block followed by a \`\`\`python block in ${doc}`);
}
console.log(`rosetta: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
EOF
