#!/usr/bin/env bash
# The Python and Java consumers: installs the packages that jsii-pacmak built (dist/python, dist/java)
# into a virtualenv and a Maven build, synthesizes the example app in TypeScript, Python and Java,
# and requires the three cloud assemblies to be identical (scripts/compare-templates.js).
#
# Run by `npx projen test:consumers` after `npx projen package:python package:java`. Needs python3
# (with venv), a JDK 17+ and Maven; downloads from PyPI and Maven Central (cached in ~/.cache/pip
# and ~/.m2 between runs).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
CDK="$ROOT/node_modules/.bin/cdk"
# shellcheck source=scripts/timing.sh
source "$ROOT/scripts/timing.sh"

# The jsii runtime prints a banner about this Node.js version (20, end of life) in every Python and
# Java process; it says nothing about the templates, so it is kept out of the log.
JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="$(node -p 'process.versions.node.split(".")[0]')"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION

wheel="$(ls dist/python/cdk_lambda_blueprints-*.whl 2>/dev/null | head -n1 || true)"
jar_dir="dist/java/io/github/cdklambdablueprints/cdk-lambda-blueprints"
[[ -n "$wheel" ]] || { echo "consumers: no wheel in dist/python: run npx projen package:python" >&2; exit 1; }
[[ -d "$jar_dir" ]] || { echo "consumers: no Maven package in dist/java: run npx projen package:java" >&2; exit 1; }

synth() { # synth <directory>: cdk synth with the directory's cdk.json into <directory>/cdk.out
  (cd "$1" && rm -rf cdk.out && "$CDK" synth --quiet --output cdk.out >/dev/null)
}

# ---- TypeScript: the reference
timed "typescript synth" synth "$ROOT"

# ---- Python: a virtualenv with the wheel, aws-cdk-lib and constructs from PyPI
python_install() {
  local venv="consumers/python/.venv"
  [[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r consumers/python/requirements.txt "$ROOT/$wheel"
  # The wheel's version (0.0.0) does not change between builds: always take the one just built.
  "$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps --force-reinstall "$ROOT/$wheel"
}
timed "python install" python_install
timed "python synth" synth consumers/python

# ---- Java: Maven reads dist/java as a file:// repository (see consumers/java/pom.xml)
java_build() {
  # Maven never re-reads a release it has cached, and the package's version (0.0.0) does not change
  # between builds: forget the cached copy of this one artifact so the jar just built is used.
  local repo
  repo="$(sed -n 's/.*-Dmaven\.repo\.local=\([^ ]*\).*/\1/p' <<<"${MAVEN_OPTS:-}")"
  rm -rf "${repo:-$HOME/.m2/repository}/io/github/cdklambdablueprints/cdk-lambda-blueprints"
  # The version just packaged: 0.0.0, or the bumped one when the release task runs this build.
  local version
  version="$(node -p "require('$ROOT/package.json').version")"
  (cd consumers/java && mvn --batch-mode --quiet -Dstyle.color=never -Dblueprints.version="$version" compile)
}
timed "java build" java_build
timed "java synth" synth consumers/java

# ---- the three must match
timed "compare templates" node scripts/compare-templates.js cdk.out \
  python=consumers/python/cdk.out java=consumers/java/cdk.out
