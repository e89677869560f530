#!/usr/bin/env bash
# `bash scripts/timed.sh "<step>" command args...`: runs the command and records how long it took
# (see scripts/timing.sh), for the projen tasks of test:polyglot.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=scripts/timing.sh
source "$ROOT/scripts/timing.sh"
timed "$@"
