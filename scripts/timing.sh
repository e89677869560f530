# Sourced by the pipeline scripts: `timed "<step>" command args...` runs the command and prints how
# long it took (`timing: <step>: N s`), also appending it to build/timings.txt for the summary.
TIMINGS_FILE="${TIMINGS_FILE:-${ROOT:-.}/build/timings.txt}"
mkdir -p "$(dirname "$TIMINGS_FILE")"

timed() {
  local step="$1"
  shift
  local start end rc=0
  start=$(date +%s)
  "$@" || rc=$?
  end=$(date +%s)
  echo "timing: ${step}: $((end - start)) s$([[ $rc -eq 0 ]] || echo " (failed, rc=$rc)")" | tee -a "$TIMINGS_FILE"
  return "$rc"
}
