#!/usr/bin/env bash
# Issue 16's before/after: the `dossier` binary built from the commit before the restructuring
# (DOSSIER_BEFORE) against the current one (DOSSIER), on report inputs both can build: the
# flagship report, datasets and fonts as they were at AB_REPORT_COMMIT, at 1× and scaled 10× and 100×
# (bench/gen_scaled.py). Interleaved: AB_ROUNDS hyperfine calls per size, each timing both
# binaries (AB_RUNS runs each after a warm-up), the order of the two swapped every round, so
# that a change in the machine's load touches both alike. bench/summarize.py turns the exports
# (bench/out/ab/<size>-round-<n>.json) into RESULTS.md's "Before and after" section.
#
# Environment: DOSSIER_BEFORE (the old binary; unset: nothing is run and RESULTS.md says so),
# DOSSIER (default .build/release/dossier), AB_REPORT_COMMIT (default 0246253),
# AB_SIZES (default "1 10 100"), AB_ROUNDS (default 5), AB_RUNS (default 3), AB_TRACE_RUNS
# (default 5: traced builds of each binary at each size, bench/phase_trace.py, so that RESULTS.md
# can say in which phases the two differ; 0 skips them).
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C.UTF-8 TZ=UTC
OUT=bench/out/ab
rm -rf "$OUT"
mkdir -p "$OUT"
say() { printf '  A/B     %s\n' "$*"; }
if [ -z "${DOSSIER_BEFORE:-}" ]; then
  echo "DOSSIER_BEFORE is not set: no before/after comparison" > "$OUT/skipped.txt"
  say "skipped (DOSSIER_BEFORE is not set)"
  exit 0
fi
if [ ! -x "$DOSSIER_BEFORE" ]; then
  echo "DOSSIER_BEFORE=$DOSSIER_BEFORE is not an executable file: no before/after comparison" > "$OUT/skipped.txt"
  say "skipped (no executable at DOSSIER_BEFORE=$DOSSIER_BEFORE)"
  exit 0
fi
BEFORE=$(realpath "$DOSSIER_BEFORE")
AFTER=$(realpath "${DOSSIER:-.build/release/dossier}")
COMMIT=${AB_REPORT_COMMIT:-0246253}
SIZES=${AB_SIZES:-1 10 100}
ROUNDS=${AB_ROUNDS:-5}
RUNS=${AB_RUNS:-3}
REPORT=china-lac-local

# The inputs as they were at $COMMIT: its own project root (.dossier-project), its own fonts.
mkdir -p "$OUT/x1"
git archive "$COMMIT" "reports/$REPORT/report.md" datasets fonts | tar -x -C "$OUT/x1"
touch "$OUT/x1/.dossier-project"
FONTS=$(realpath "$OUT/x1/fonts")
for k in $SIZES; do
  [ "$k" = 1 ] && continue
  python3 bench/gen_scaled.py "$k" "$OUT/x$k" --report "$OUT/x1/reports/$REPORT" --datasets "$OUT/x1/datasets" >/dev/null
done

{
  echo "before=$BEFORE"
  echo "before_version=$("$BEFORE" --version)"
  echo "before_rev=${DOSSIER_BEFORE_REV:-$(git -C "$(dirname "$BEFORE")" rev-parse --short HEAD 2>/dev/null || echo '?')}"
  echo "after=$AFTER"
  echo "after_rev=${DOSSIER_REV:-$(git rev-parse --short HEAD)}"
  echo "report_commit=$COMMIT"
  echo "rounds=$ROUNDS"
  echo "runs=$RUNS"
} > "$OUT/info.txt"

for k in $SIZES; do
  report=$(realpath "$OUT/x$k/reports/$REPORT")
  # Both must build these inputs (the old one first): a size either fails is left out, with its message.
  ok=1
  for side in before after; do
    binary=$BEFORE; [ "$side" = after ] && binary=$AFTER
    if ! "$binary" build "$report" --fonts "$FONTS" --out "$OUT/check-$side-x$k" >/dev/null 2>"$OUT/check-$side-x$k.err"; then
      echo "$k× data: the $side binary cannot build the inputs: $(tail -n 3 "$OUT/check-$side-x$k.err" | tr '\n' ' ')" >> "$OUT/skipped.txt"
      ok=0
    fi
  done
  [ "$ok" = 1 ] || { say "$k×: skipped (see $OUT/skipped.txt)"; continue; }
  for side in before after; do
    echo "${side}_files_x$k=$(find "$OUT/check-$side-x$k" -type f | wc -l)" >> "$OUT/info.txt"
  done
  say "$k× data: $ROUNDS interleaved rounds of $RUNS runs each (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  for round in $(seq "$ROUNDS"); do
    b=(-n before "$BEFORE build $report --fonts $FONTS --out $OUT/t-before-x$k")
    a=(-n after "$AFTER build $report --fonts $FONTS --out $OUT/t-after-x$k")
    if [ $((round % 2)) = 1 ]; then order=("${b[@]}" "${a[@]}"); else order=("${a[@]}" "${b[@]}"); fi
    hyperfine --style none --warmup 1 --runs "$RUNS" --prepare "rm -rf $OUT/t-before-x$k $OUT/t-after-x$k" \
      --export-json "$OUT/x$k-round-$round.json" "${order[@]}" >/dev/null
  done
done

# Where the difference is: the same inputs built with DOSSIER_TRACE=1 by each binary, phase by phase.
TRACE_RUNS=${AB_TRACE_RUNS:-5}
if [ "$TRACE_RUNS" -gt 0 ]; then
  traced=()
  for k in $SIZES; do
    grep -q "^after_files_x$k=" "$OUT/info.txt" && traced+=("x$k=$(realpath "$OUT/x$k/reports/$REPORT")")
  done
  if [ "${#traced[@]}" -gt 0 ]; then
    say "traced builds: $TRACE_RUNS per binary and size"
    for side in before after; do
      binary=$BEFORE; [ "$side" = after ] && binary=$AFTER
      python3 bench/phase_trace.py "$binary" "$OUT/phases-$side.json" "$TRACE_RUNS" "${traced[@]}" \
        --fonts "$FONTS" --scratch "$OUT/trace-$side" 2>/dev/null
    done
  fi
fi
