#!/usr/bin/env bash
# The example app on the newest aws-cdk-lib 2.x, with its built-in CloudFormation validator on.
#
# The library develops and tests against the oldest aws-cdk-lib it supports (cdkVersion, 2.257.0: the
# peer range is ^2.257.0), which has no built-in validator. Users on newer versions get one at every
# synth (aws-cdk-lib >= 2.262). This script installs the library as users do (its npm tarball) next to
# the newest aws-cdk-lib 2.x in a scratch project (build/newest-cdk/), synthesizes the example app
# (examples/app.ts, imports rewritten to the package) with the validator's default rules as errors,
# and fails on any finding, error or warning, that is not acknowledged.
#
# Usage: bash scripts/newest-cdk.sh [aws-cdk-lib version]   (default: npm's newest 2.x)
# Needs the compiled library (lib/ and .jsii: `npx projen compile`) and the npm registry.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SCRATCH="$ROOT/build/newest-cdk"
cd "$ROOT"

[[ -f lib/index.js && -f .jsii ]] || { echo "newest-cdk: compile the library first (npx projen compile)" >&2; exit 1; }

version="${1:-$(npm view 'aws-cdk-lib@^2' version --json | node -e 'const v=JSON.parse(require("fs").readFileSync(0,"utf8")); console.log(Array.isArray(v)?v[v.length-1]:v)')}"
pkg() { node -p "require('$ROOT/package.json').$1"; }
dev() { node -p "require('$ROOT/node_modules/$1/package.json').version"; }

rm -rf "$SCRATCH/examples" "$SCRATCH/cdk.out" "$SCRATCH"/*.tgz
mkdir -p "$SCRATCH"
npm pack --silent --pack-destination "$SCRATCH" >/dev/null
tarball="$(ls "$SCRATCH"/*.tgz)"

# The example app, importing the package instead of ../src.
cp -r examples "$SCRATCH/examples"
rm -f "$SCRATCH/examples/tsconfig.json"
sed -i "s#from '\.\./src'#from '$(pkg name)'#" "$SCRATCH"/examples/*.ts
cat > "$SCRATCH/tsconfig.json" <<'EOF'
{ "compilerOptions": { "target": "ES2022", "module": "commonjs", "rootDir": ".", "esModuleInterop": true, "strict": false, "skipLibCheck": true, "types": [] } }
EOF
cat > "$SCRATCH/package.json" <<EOF
{ "name": "newest-cdk-example", "private": true }
EOF

# What a user installs: the library, its peers (newest aws-cdk-lib), esbuild for bundled entries.
(cd "$SCRATCH" && npm install --no-audit --no-fund --no-package-lock --loglevel=error \
  "aws-cdk-lib@$version" "constructs@$(pkg 'peerDependencies.constructs')" "cdk-nag@$(dev cdk-nag)" \
  "esbuild@$(dev esbuild)" "$tarball")
installed="$(node -p "require('$SCRATCH/node_modules/aws-cdk-lib/package.json').version")"

# Synthesize in-process with the validator's default rules as errors (CDK_VALIDATION unset = on).
export CDK_OUTDIR="$SCRATCH/cdk.out"
export CDK_CONTEXT_JSON='{"@aws-cdk/core:validateAgainstDefaultRules":true}'
unset CDK_VALIDATION
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=1
status=0
(cd "$SCRATCH" && "$ROOT/node_modules/.bin/ts-node" --transpile-only -P tsconfig.json examples/app.ts) || status=$?

report="$CDK_OUTDIR/validation-report.json"
[[ -f "$report" ]] || { echo "newest-cdk: aws-cdk-lib $installed wrote no $report (validator off?)" >&2; exit 1; }
node - "$report" "$installed" "$status" <<'EOF'
const [report, version, status] = process.argv.slice(2);
const json = JSON.parse(require('fs').readFileSync(report, 'utf8'));
const where = (v) => (v.violatingConstructs ?? v.violatingResources ?? []).map((r) => r.constructPath ?? r.cloudFormationResource?.logicalId ?? '?');
const findings = [];
const acknowledged = [];
for (const plugin of json.pluginReports ?? []) {
  for (const v of plugin.violations ?? []) {
    for (const path of where(v)) findings.push(`${plugin.pluginName}: ${v.severity} ${v.ruleName} @ ${path}: ${v.description ?? ''}`);
  }
  for (const v of plugin.suppressedViolations ?? []) {
    for (const path of where(v)) acknowledged.push(`${v.ruleName} @ ${path} (acknowledged at ${v.acknowledgedAt})`);
  }
}
const plugins = (json.pluginReports ?? []).map((p) => `${p.pluginName} ${p.pluginVersion ?? ''}`.trim()).join(', ');
if (findings.length > 0 || status !== '0') {
  console.error(`newest-cdk: aws-cdk-lib ${version}, ${plugins}: ${findings.length} finding(s) not acknowledged${status !== '0' ? `, synth exit code ${status}` : ''}`);
  for (const f of findings) console.error(`  ${f}`);
  process.exit(1);
}
console.log(`newest-cdk: aws-cdk-lib ${version}, ${plugins}: example app synthesized, no finding; ${acknowledged.length} acknowledged by the library:`);
for (const a of acknowledged) console.log(`  ${a}`);
EOF

# SnapStart on a container image follows what this aws-cdk-lib accepts (>= 2.267: synthesized with
# SnapStart; older: LBP_SNAPSTART_IMAGE naming the version needed).
(cd "$SCRATCH" && CDK_VALIDATION=false node - "$ROOT/test/fixtures/image" <<'EOF2'
const { App, Stack } = require('aws-cdk-lib');
const { Template } = require('aws-cdk-lib/assertions');
const lambda = require('aws-cdk-lib/aws-lambda');
const { FunctionCode, ServerlessFunction } = require('cdk-lambda-blueprints');
const version = require('aws-cdk-lib/package.json').version;
const stack = new Stack(new App(), 'ImageSnapStart', { env: { account: '123456789012', region: 'us-east-1' } });
let cdkAccepts = true;
try {
  new lambda.Function(new Stack(new App(), 'Probe'), 'F', { code: lambda.Code.fromAssetImage(process.argv[2]), handler: lambda.Handler.FROM_IMAGE, runtime: lambda.Runtime.FROM_IMAGE, snapStart: lambda.SnapStartConf.ON_PUBLISHED_VERSIONS });
} catch { cdkAccepts = false; }
let error;
try {
  new ServerlessFunction(stack, 'Fn', { code: FunctionCode.fromImageAsset(process.argv[2]), snapStart: true });
} catch (e) { error = String(e.message ?? e); }
if (cdkAccepts) {
  const fn = Object.values(Template.fromStack(stack).toJSON().Resources).find((r) => r.Type === 'AWS::Lambda::Function' && r.Properties.PackageType === 'Image');
  if (error || fn?.Properties.SnapStart?.ApplyOn !== 'PublishedVersions') { console.error(`newest-cdk: aws-cdk-lib ${version} accepts SnapStart on images, the library did not: ${error ?? JSON.stringify(fn?.Properties.SnapStart)}`); process.exit(1); }
  console.log(`newest-cdk: aws-cdk-lib ${version}: a container-image function with snapStart synthesizes SnapStart ApplyOn PublishedVersions`);
} else if (!error?.includes('[LBP_SNAPSTART_IMAGE]') || !error.includes(version)) {
  console.error(`newest-cdk: aws-cdk-lib ${version} refuses SnapStart on images; expected LBP_SNAPSTART_IMAGE naming it, got: ${error}`); process.exit(1);
} else {
  console.log(`newest-cdk: aws-cdk-lib ${version}: SnapStart on a container image refused with LBP_SNAPSTART_IMAGE`);
}
EOF2
)
