#!/usr/bin/env bash
# Prints the path of a usable Chromium (headless), installing Debian's `chromium` package where none is.
#
# The blueprint report's browser test (test/report/browser.test.ts) and scripts/report-screenshot.ts drive
# it through puppeteer-core. Order: $CHROMIUM_PATH when it runs, then chromium / chromium-browser /
# google-chrome on the PATH, else `apt-get install -y chromium` (after `apt-get update` if the install
# fails; through sudo when not root). Everything but the path goes to stderr.
#
# Usage: bash scripts/chromium.sh
set -euo pipefail

usable() {
  [[ -n "$1" && -x "$1" ]] && "$1" --version >/dev/null 2>&1
}

find_chromium() {
  if [[ -n "${CHROMIUM_PATH:-}" ]] && usable "$CHROMIUM_PATH"; then
    echo "$CHROMIUM_PATH"
    return 0
  fi
  local name found
  for name in chromium chromium-browser google-chrome google-chrome-stable; do
    found="$(command -v "$name" 2>/dev/null || true)"
    if usable "$found"; then
      echo "$found"
      return 0
    fi
  done
  return 1
}

if find_chromium; then
  exit 0
fi

command -v apt-get >/dev/null 2>&1 || {
  echo "chromium.sh: no Chromium found and no apt-get to install Debian's chromium package; set CHROMIUM_PATH" >&2
  exit 1
}
SUDO=()
if [[ "$(id -u)" != 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { echo "chromium.sh: installing chromium needs root or sudo" >&2; exit 1; }
  SUDO=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
echo "chromium.sh: installing Debian's chromium package" >&2
if ! "${SUDO[@]}" apt-get install -y chromium >&2; then
  "${SUDO[@]}" apt-get update >&2
  "${SUDO[@]}" apt-get install -y chromium >&2
fi
find_chromium || { echo "chromium.sh: chromium was installed but does not run" >&2; exit 1; }
