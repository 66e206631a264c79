#!/usr/bin/env bash
# `make bench`: Dossier against the scripts users would write instead (pandas + SciPy +
# matplotlib, R + ggplot2), in one run: hyperfine calls, edit costs in CPU time, traced builds at
# each size, the before/after of issue 16 (when DOSSIER_BEFORE is set), the typed CSV load, the
# Vega-Lite gallery; then bench/RESULTS.md (issue 22's done-when table first), bench/results.csv
# and the ratio chart drawn by Dossier itself (bench/report/out).
#
# Environment: DOSSIER (binary, default .build/release/dossier; DOSSIER_REV: the commit it was
# built from, when not this checkout), RUNS (default 7: Dossier, R and the make benchmarks),
# WARMUP (default 1), PY_RUNS (default 3: the Python peer, 7–55 s a run, in a call of its own;
# it is never the faster peer; 0 skips it), RUNS_X1000 (default 3: the 1000× builds of Dossier and R),
# PY_RUNS_X1000 (default 0: the Python peer at 1000× is not run, over 5 minutes a run), LARGE_ROWS
# (default 1000000), EDIT_RUNS (default 5: bench/edit_cpu.py), TRACE_RUNS (default 5 at 1×, 10×
# and 100×) and TRACE_RUNS_X1000 (default 3): bench/phase_trace.py, DOSSIER_BEFORE (the binary from
# before issue 16's restructuring; unset: no before/after; AB_ROUNDS, AB_RUNS, AB_SIZES: see
# bench/ab_before.sh), CSV_LOAD (default 1: bench/csv_load.sh; CSV_RUNS, default RUNS),
# SCATTER_POINTS (default 100000), SCATTER_SWEEP (default 0; 1 also runs bench/scatter.sh, the
# scatter at 1k–1M points, about 7 more minutes), GALLERY (default 1: bench/vega_lite_timing.sh,
# the Vega-Lite gallery against vl-convert; GALLERY_RUNS, default 2), X1000 (default 1; 0 leaves
# out everything at 1000× data, about 3 minutes of the run).
#
# About 18 minutes on a quiet 2-core machine with the defaults (bench/README.md has the
# breakdown); BENCH_QUICK=1 sets every run count to 1 and skips the gallery (a check that the
# whole pipeline runs, a third of the time; its numbers are not worth quoting).
#
# The make-based benchmarks (no-op make, one-CSV touch, one-CSV change, prose edit) run in a snapshot of the working tree
# under bench/out/repo (same Makefile, report, datasets, fonts and binary, mtimes preserved),
# so that they neither touch the real checkout nor rebuild the Swift package if someone edits
# Sources/ during the run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export LC_ALL=C.UTF-8 TZ=UTC
DOSSIER=${DOSSIER:-.build/release/dossier}
if [ "${BENCH_QUICK:-0}" = 1 ]; then
  : "${RUNS:=1}" "${PY_RUNS:=1}" "${RUNS_X1000:=1}" "${EDIT_RUNS:=1}" "${TRACE_RUNS:=1}" "${TRACE_RUNS_X1000:=1}"
  : "${AB_ROUNDS:=1}" "${AB_RUNS:=1}" "${GALLERY:=0}" "${WARMUP:=0}"
  export AB_ROUNDS AB_RUNS
fi
RUNS=${RUNS:-7}
PY_RUNS=${PY_RUNS:-3}
RUNS_X1000=${RUNS_X1000:-3}
PY_RUNS_X1000=${PY_RUNS_X1000:-0}
WARMUP=${WARMUP:-1}
EDIT_RUNS=${EDIT_RUNS:-5}
TRACE_RUNS=${TRACE_RUNS:-5}
TRACE_RUNS_X1000=${TRACE_RUNS_X1000:-3}
GALLERY=${GALLERY:-1}
X1000=${X1000:-1}
SCALES="10 100"; [ "$X1000" != 0 ] && SCALES="10 100 1000"
GALLERY_RUNS=${GALLERY_RUNS:-2}
LARGE_ROWS=${LARGE_ROWS:-1000000}
OUT=bench/out
REPORT=china-lac-local
mkdir -p "$OUT"

say() { printf '  BENCH   %s\n' "$*"; }
# The make benchmarks start make afresh: an outer `make bench`'s jobserver file descriptors do
# not survive hyperfine, and an inherited MAKEFLAGS would drop the snapshot's make to -j1.
unset MAKEFLAGS MFLAGS MAKELEVEL

# ---- What the bench needs, installed only when missing ----------------------------------------
apt_missing=""
for package in hyperfine r-base-core r-cran-ggplot2 r-cran-jsonlite r-cran-svglite; do
  dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q 'install ok installed' || apt_missing="$apt_missing $package"
done
if [ -n "$apt_missing" ]; then
  if [ "$(id -u)" = 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo"; else
    echo "bench needs:$apt_missing — run: sudo apt-get install -y --no-install-recommends$apt_missing" >&2; exit 1; fi
  say "apt-get install$apt_missing"
  $sudo apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $apt_missing >/dev/null
fi
if ! python3 -c 'import pandas, matplotlib, scipy, statsmodels' 2>/dev/null; then
  say "pip install pandas matplotlib scipy statsmodels"
  python3 -m pip install -q pandas matplotlib scipy statsmodels
fi
if [ ! -x "$DOSSIER" ]; then
  echo "bench: no $DOSSIER; run make first (make bench does)" >&2; exit 1
fi
DOSSIER=$(realpath "$DOSSIER")
# What was measured: the binary and the commit it was built from (DOSSIER_REV when it is not
# this checkout's .build).
export DOSSIER_DESC="dossier $("$DOSSIER" --version), ${DOSSIER_REV:-$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources Package.swift || echo ' + uncommitted Sources changes')}, release build ($DOSSIER)"
BENCH_START=$(date +%s)

# ---- Snapshot for the make benchmarks ------------------------------------------------------------
SNAP=$OUT/repo
say "snapshot of the working tree in $SNAP"
rm -rf "$SNAP"
mkdir -p "$SNAP/.build/release"
cp -a Makefile Package.swift Sources make datasets fonts "$SNAP/"
if [ -f Package.resolved ]; then cp -a Package.resolved "$SNAP/"; fi
touch "$SNAP/.dossier-project"   # its own project root, wherever bench/out lies
mkdir -p "$SNAP/reports"
cp -a "reports/$REPORT" "$SNAP/reports/"
cp -a "$DOSSIER" "$SNAP/.build/release/dossier"
touch "$SNAP/.build/debian-packages.stamp" "$SNAP/.build/release/dossier"   # newer than every source: no Swift rebuild
rm -rf "$SNAP/reports/$REPORT/out"
SNAP=$(realpath "$SNAP")
say "full make in the snapshot (state for the no-op and one-edit benchmarks)"
make -C "$SNAP" --no-print-directory -s >/dev/null

# ---- Data: 1M-row CSV and the flagship's datasets scaled 10×, 100× and 1000× ----------------------
if [ ! -s "$OUT/large/cases.csv" ] || [ "$(wc -l < "$OUT/large/cases.csv")" -ne $((LARGE_ROWS + 1)) ]; then
  say "generate $LARGE_ROWS-row cases-shaped CSV"
  python3 bench/gen_large_csv.py --rows "$LARGE_ROWS" --out "$OUT/large" >/dev/null
fi
SCATTER_POINTS=${SCATTER_POINTS:-100000}
python3 bench/gen_scatter.py "$SCATTER_POINTS" "$OUT/scatter"
for k in $SCALES; do
  python3 bench/gen_scaled.py "$k" "$OUT/x$k" --report "$SNAP/reports/$REPORT" >/dev/null
done
# The flagship's data, untouched, next to its report (the peers read the same folder).
DATA1=$SNAP/datasets

# Check every command once, outside the timing, so a failure stops the bench with its message.
say "check each command once"
"$DOSSIER" build "$SNAP/reports/$REPORT" --out "$OUT/check-dossier" >/dev/null
python3 bench/peers/flagship.py "$DATA1" "$OUT/check-python" >/dev/null 2>&1
Rscript bench/peers/flagship.R "$DATA1" "$OUT/check-r" >/dev/null 2>&1
"$DOSSIER" validate "$OUT/large/datapackage.json" >/dev/null 2>&1 || validate_rc=$?
for k in $SCALES; do "$DOSSIER" build "$OUT/x$k/reports/$REPORT" --fonts fonts --out "$OUT/check-x$k" >/dev/null; done
# (The Python peer at 1000× is not checked apart: over 5 minutes a run; its timed run, if any, is the check.)
[ "$X1000" = 0 ] || Rscript bench/peers/flagship.R "$OUT/x1000/datasets" "$OUT/check-r1000" >/dev/null 2>&1
# The edit benchmarks' scripts, once on a copy (they must leave a report that builds).
cp "$SNAP/reports/$REPORT/report.md" "$OUT/edit-check.md" && python3 bench/edit_input.py prose "$OUT/edit-check.md"
cp "$SNAP/datasets/cases.csv" "$OUT/edit-check.csv" && python3 bench/edit_input.py csv "$OUT/edit-check.csv"
rm -f "$OUT"/edit-check.*
"$DOSSIER" build "$OUT/scatter" --figure scatter --fonts fonts --out "$OUT/check-scatter" >/dev/null
python3 bench/peers/scatter.py "$OUT/scatter/points.csv" "$OUT/check-scatter-python"
Rscript bench/peers/scatter.R "$OUT/scatter/points.csv" "$OUT/check-scatter-r"

# ---- Where the time goes at each size: traced builds (before the edits below change the snapshot) --
say "phase traces (bench/phase_trace.py: DOSSIER_TRACE=1 builds at 1×, 10×, 100× and, unless X1000=0, 1000×)"
python3 bench/phase_trace.py "$DOSSIER" "$OUT/phases-small.json" "$TRACE_RUNS" --fonts fonts \
  "1×=$SNAP/reports/$REPORT" "10×=$OUT/x10/reports/$REPORT" "100×=$OUT/x100/reports/$REPORT"
rm -f "$OUT/phases-x1000.json"
[ "$X1000" = 0 ] || python3 bench/phase_trace.py "$DOSSIER" "$OUT/phases-x1000.json" "$TRACE_RUNS_X1000" --fonts fonts \
  "1000×=$OUT/x1000/reports/$REPORT"
python3 - "$OUT/phases.json" "$OUT/phases-small.json" "$OUT/phases-x1000.json" <<'PY'
import json, os, sys
sizes = [s for p in sys.argv[2:] if os.path.exists(p) for s in json.load(open(p))["sizes"]]
json.dump({"sizes": sizes}, open(sys.argv[1], "w"), indent=1)
PY

# ---- The timed runs: hyperfine calls, each a group of commands with its own run count -------------
# The one-CSV edit waits 20 ms (untimed) before its `touch`: file times advance in kernel clock
# ticks (4 ms here), and a touch in the same tick as the previous build's last stamp leaves the
# CSV exactly as old as the stamp, which make treats as up to date (a 20 ms run that rebuilt nothing).
D="$DOSSIER"
{
  echo "# The commands timed by bench/run.sh"
  echo
  echo "\`hyperfine\` calls from the repository root, LC_ALL=C.UTF-8, TZ=UTC;"
  echo "\`$SNAP\` is written \`bench/out/repo\` below and the Dossier binary \`dossier\`."
} > bench/commands.md
# time_group JSON RUNS WARMUP "name|prepare|command"...: one hyperfine call; its commands are listed
# in bench/commands.md, its export written to JSON (and the CSV beside it). Every command was run
# once above; a non-zero exit is timed all the same (--ignore-failure: `dossier validate` exits 65
# when the data carry problems), and a call that fails outright is reported, not fatal.
time_group() {
  local json=$1 runs=$2 warmup=$3 entry name prepare command
  shift 3
  local args=(--style basic --warmup "$warmup" --runs "$runs" --ignore-failure --export-json "$json" --export-csv "${json%.json}.csv")
  {
    echo
    echo "\`hyperfine --warmup $warmup --runs $runs\` → \`$json\`:"
    echo
    echo "| name | prepare | command |"
    echo "| --- | --- | --- |"
  } >> bench/commands.md
  for entry in "$@"; do
    IFS='|' read -r name prepare command <<< "$entry"
    args+=(--prepare "$prepare" -n "$name" "$command")
    printf '| %s | `%s` | `%s` |\n' "$name" "$prepare" "$command" | sed "s|$SNAP|bench/out/repo|g; s|$D|dossier|g" >> bench/commands.md
  done
  say "hyperfine → $json ($# commands, $runs runs, $warmup warm-up; load average $(cut -d' ' -f1-3 /proc/loadavg))"
  hyperfine "${args[@]}" >> "$OUT/hyperfine.log" || say "a command failed (not timed): see $OUT/hyperfine.log"
}
: > "$OUT/hyperfine.log"
rm -f bench/hyperfine*.json bench/hyperfine*.csv
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
time_group bench/hyperfine.json "$RUNS" "$WARMUP" \
  "dossier-build-x1|rm -rf $OUT/t-dossier|$D build $SNAP/reports/$REPORT --out $OUT/t-dossier" \
  "r-x1|rm -rf $OUT/t-r|Rscript bench/peers/flagship.R $DATA1 $OUT/t-r" \
  "make-noop|true|make -C $SNAP --no-print-directory -s" \
  "make-one-csv-edit|sleep 0.02|touch $SNAP/datasets/cases.csv && make -C $SNAP --no-print-directory -s" \
  "make-one-csv-change|sleep 0.02; python3 bench/edit_input.py csv $SNAP/datasets/cases.csv|make -C $SNAP --no-print-directory -s" \
  "make-prose-edit|sleep 0.02; python3 bench/edit_input.py prose $SNAP/reports/$REPORT/report.md|make -C $SNAP --no-print-directory -s" \
  "dossier-validate-1M|true|$D validate $OUT/large/datapackage.json" \
  "dossier-build-x10|rm -rf $OUT/t-dossier10|$D build $OUT/x10/reports/$REPORT --fonts fonts --out $OUT/t-dossier10" \
  "r-x10|rm -rf $OUT/t-r10|Rscript bench/peers/flagship.R $OUT/x10/datasets $OUT/t-r10" \
  "dossier-build-x100|rm -rf $OUT/t-dossier100|$D build $OUT/x100/reports/$REPORT --fonts fonts --out $OUT/t-dossier100" \
  "r-x100|rm -rf $OUT/t-r100|Rscript bench/peers/flagship.R $OUT/x100/datasets $OUT/t-r100" \
  "dossier-scatter|rm -rf $OUT/t-sc|$D build $OUT/scatter --figure scatter --fonts fonts --out $OUT/t-sc" \
  "r-scatter|rm -rf $OUT/t-scr|Rscript bench/peers/scatter.R $OUT/scatter/points.csv $OUT/t-scr"
[ "$PY_RUNS" = 0 ] || time_group bench/hyperfine-python.json "$PY_RUNS" 0 \
  "python-x1|rm -rf $OUT/t-python|python3 bench/peers/flagship.py $DATA1 $OUT/t-python" \
  "python-x10|rm -rf $OUT/t-python10|python3 bench/peers/flagship.py $OUT/x10/datasets $OUT/t-python10" \
  "python-x100|rm -rf $OUT/t-python100|python3 bench/peers/flagship.py $OUT/x100/datasets $OUT/t-python100" \
  "python-scatter|rm -rf $OUT/t-scpy|python3 bench/peers/scatter.py $OUT/scatter/points.csv $OUT/t-scpy"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
# The 1000× builds: fewer runs, no warm-up. The Python peer there takes over 5 minutes of CPU a
# run (R, the faster peer, about 10 s): only with PY_RUNS_X1000 ≥ 1, in a call of its own.
[ "$X1000" = 0 ] || time_group bench/hyperfine-x1000.json "$RUNS_X1000" 0 \
  "dossier-build-x1000|rm -rf $OUT/t-dossier1000|$D build $OUT/x1000/reports/$REPORT --fonts fonts --out $OUT/t-dossier1000" \
  "r-x1000|rm -rf $OUT/t-r1000|Rscript bench/peers/flagship.R $OUT/x1000/datasets $OUT/t-r1000"
[ "$X1000" = 0 ] || [ "$PY_RUNS_X1000" = 0 ] || time_group bench/hyperfine-python-x1000.json "$PY_RUNS_X1000" 0 \
  "python-x1000|rm -rf $OUT/t-python1000|python3 bench/peers/flagship.py $OUT/x1000/datasets $OUT/t-python1000"
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
# A full make in the snapshot, for the no-op ratio (the one-edit rebuild already redraws every chart
# that reads cases.csv).
make -C "$SNAP" --no-print-directory -s >/dev/null

# ---- Edits in CPU time: a full build, then make after a touch, a changed cell, a prose edit -------
say "edit costs in CPU time (bench/edit_cpu.py, $EDIT_RUNS runs)"
python3 bench/edit_cpu.py "$SNAP" "$EDIT_RUNS" "$OUT/edit-cpu.json" | sed 's/^/          /'

# ---- Issue 16: the binary from before the restructuring against this one (DOSSIER_BEFORE) ---------
say "before/after the restructuring (bench/ab_before.sh)"
DOSSIER="$DOSSIER" bash bench/ab_before.sh

# ---- The typed CSV load against the fastest readers (before the summary, which quotes its verdict) -
CSV_LOAD_AVG="?"
if [ "${CSV_LOAD:-1}" != 0 ]; then
  say "typed CSV load (bench/csv_load.sh → bench/CSV_LOAD.md)"
  CSV_LOAD_AVG=$(cut -d' ' -f1-3 /proc/loadavg)
  DOSSIER="$DOSSIER" OUT="$OUT/large" ROWS="$LARGE_ROWS" RUNS="${CSV_RUNS:-$RUNS}" bash bench/csv_load.sh
else
  rm -f "$OUT/large/hyperfine.json"
fi

# ---- The Vega-Lite gallery: Dossier against vl-convert, whole process, same specs (issue 21) ------
# Before the summary, which takes its ratio from bench/out/vega-lite-timing.json. GALLERY=0 skips it.
if [ "$GALLERY" != 0 ]; then
  say "gallery: Dossier vs vl-convert, whole process, same specs (bench/vega_lite_timing.sh → bench/VEGA_LITE_TIMING.md)"
  DOSSIER="$DOSSIER" RUNS="$GALLERY_RUNS" bash bench/vega_lite_timing.sh >/dev/null
else
  rm -f "$OUT/vega-lite-timing.json"
fi

# ---- The dense scatter at 1k-1M points (the chart issue's size sweep) ---------------------------------
# Environment: SCATTER_SWEEP=1 runs it (about 7 minutes, mostly the peers at 1M points).
if [ "${SCATTER_SWEEP:-0}" != 0 ]; then
  say "dense scatter sweep (bench/scatter.sh → bench/SCATTER.md)"
  DOSSIER="$DOSSIER" bench/scatter.sh
fi

# ---- RESULTS.md, results.csv, the ratio chart -------------------------------------------------------
say "bench/results.csv and bench/RESULTS.md"
python3 bench/summarize.py bench/hyperfine.json bench/hyperfine-python.json bench/hyperfine-x1000.json \
  bench/hyperfine-python-x1000.json --validate-rc "${validate_rc:-0}" \
  --scatter-points "$SCATTER_POINTS" --load "$LOAD_BEFORE" "$LOAD_AFTER" "$LOAD_END" \
  --gallery "$OUT/vega-lite-timing.json" --edit-cpu "$OUT/edit-cpu.json" --phases "$OUT/phases.json" \
  --ab "$OUT/ab" --csv-load "$OUT/large" --csv-load-load "$CSV_LOAD_AVG" \
  --duration "$(( $(date +%s) - BENCH_START ))" \
  --large "$OUT/large/cases.csv" --scaled $(for k in $SCALES; do printf '%s ' "$OUT/x$k/datasets/cases.csv"; done)
say "bench/report/out (Dossier draws the ratios)"
rm -rf bench/report/out.tmp
# RESULTS.md is written already; a report that does not build fails the run (its ratio axis always
# reaches the 20× goal: scale domain {unionWith: [20]}), and its previous outputs are kept.
if "$DOSSIER" build bench/report --fonts fonts --out bench/report/out.tmp >/dev/null; then
  rm -rf bench/report/out && mv bench/report/out.tmp bench/report/out
else
  rm -rf bench/report/out.tmp
  say "bench/report did not build (message above): bench/report/out left as it was"
  exit 1
fi
say "done in $(( ($(date +%s) - BENCH_START) / 60 )) min: bench/RESULTS.md, bench/CSV_LOAD.md, bench/VEGA_LITE_TIMING.md"
