#!/usr/bin/env bash
# External template validators: cfn-lint (with the cfn-lint-serverless rules) and checkov over every
# template of the example app (cdk.out/) and of the integration snapshots (integ/**/*.snapshot/).
#
# Run by `npx projen test:validators`. Installs the pinned tools (scripts/validators-requirements.txt)
# into .tools/validators from PyPI on first use. Fails on any cfn-lint error or warning, any failed
# checkov check, and any skip or ignore in the templates that docs/validators.md does not justify
# (scripts/validators-report.py).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/timing.sh
source "$ROOT/scripts/timing.sh"

VENV="$ROOT/.tools/validators"
REQUIREMENTS="$ROOT/scripts/validators-requirements.txt"
OUT="$ROOT/build/validators"
mkdir -p "$OUT"

install_tools() {
  # Reinstalled only when the pinned versions change.
  local stamp="$VENV/.requirements.sha256"
  local want
  want="$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1)"
  if [[ -x "$VENV/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    return 0
  fi
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQUIREMENTS"
  echo "$want" >"$stamp"
}
timed "validators install" install_tools

# The example app's templates, synthesized fresh (test:consumers may not have run).
timed "example synth" bash -c 'rm -rf cdk.out && node_modules/.bin/cdk synth --quiet >/dev/null'

# Every template, except integ-tests-alpha's DeployAssert stacks: they are the integ runner's own
# scaffolding (assertion providers, or, with no assertions, a stack with no Resources at all, which
# cfn-lint rightly reports as E1001), never part of what a user deploys with this library.
mapfile -t TEMPLATES < <(
  { ls cdk.out/*.template.json; find integ -path '*.snapshot/*.template.json'; } | grep -v 'DeployAssert' | sort
)
echo "validators: ${#TEMPLATES[@]} templates"
printf '  %s\n' "${TEMPLATES[@]}"

cfn_lint() {
  # Exit code is a bit mask (2 error, 4 warning, 8 informational): the report decides.
  "$VENV/bin/cfn-lint" --config-file .cfnlintrc.yaml --format json -- "${TEMPLATES[@]}" >"$OUT/cfn-lint.json" || true
}
timed "cfn-lint" cfn_lint

checkov_run() {
  # --skip-download: no calls to the vendor's platform (severities and doc links are not needed).
  "$VENV/bin/checkov" --framework cloudformation --skip-download --compact --output json \
    --file "${TEMPLATES[@]}" >"$OUT/checkov.json" || true
}
timed "checkov" checkov_run

timed "validators report" "$VENV/bin/python" scripts/validators-report.py \
  --cfn-lint "$OUT/cfn-lint.json" --checkov "$OUT/checkov.json" --justifications docs/validators.md \
  --known scripts/validators-known.tsv \
  -- "${TEMPLATES[@]}"
