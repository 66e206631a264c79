#!/usr/bin/env bash
# The dense-scatter benchmark of issue 5: the same scatter (axes, title, N seeded points,
# bench/gen_scatter.py) at 1k, 10k, 100k and 1M points, written as SVG, PDF and PNG by
# Dossier, matplotlib (bench/peers/scatter.py) and ggplot2 (bench/peers/scatter.R), timed by
# hyperfine, one call per size; then one more run of each under /usr/bin/time for peak memory,
# and the sizes of the files written. Results: bench/SCATTER.md and bench/scatter.csv.
#
# Environment: DOSSIER (binary, default .build/release/dossier), SIZES (default
# "1000 10000 100000 1000000"), RUNS (default 5), RUNS_LARGE (runs at 1M points, default 2),
# WARMUP (default 1; none at 1M).
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C.UTF-8 TZ=UTC
DOSSIER=${DOSSIER:-.build/release/dossier}
SIZES=${SIZES:-1000 10000 100000 1000000}
RUNS=${RUNS:-5}
RUNS_LARGE=${RUNS_LARGE:-2}
WARMUP=${WARMUP:-1}
OUT=bench/out/scatter-bench
say() { printf '  BENCH   %s\n' "$*"; }

for tool in hyperfine Rscript python3; do
  command -v "$tool" >/dev/null || { echo "bench/scatter.sh needs $tool (make bench installs it)" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "bench/scatter.sh needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
[ -x "$DOSSIER" ] || { echo "bench/scatter.sh: no $DOSSIER; run make first" >&2; exit 1; }
DOSSIER=$(realpath "$DOSSIER")
mkdir -p "$OUT"
DESC="dossier $("$DOSSIER" --version), $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources Package.swift || echo ' + uncommitted Sources changes')"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

tools=(dossier matplotlib ggplot2)
command_for() {  # tool, data dir, output dir
  case $1 in
    dossier) echo "$DOSSIER build $2 --figure scatter --fonts fonts --out $3" ;;
    matplotlib) echo "python3 bench/peers/scatter.py $2/points.csv $3" ;;
    ggplot2) echo "Rscript bench/peers/scatter.R $2/points.csv $3" ;;
  esac
}
outputs_of() {  # tool, output dir → the folder holding scatter.{svg,pdf,png}
  if [ "$1" = dossier ]; then echo "$2/charts"; else echo "$2"; fi
}

: > "$OUT/memory.tsv"
for n in $SIZES; do
  data=$OUT/data-$n
  if [ ! -s "$data/points.csv" ] || [ "$(wc -l < "$data/points.csv")" -ne $((n + 1)) ]; then
    say "generate $n points"
    python3 bench/gen_scatter.py "$n" "$data"
  fi
  runs=$RUNS; warmup=$WARMUP
  if [ "$n" -ge 1000000 ]; then runs=$RUNS_LARGE; warmup=0; fi
  args=(--style basic --runs "$runs" --warmup "$warmup" --export-json "$OUT/hyperfine-$n.json")
  for tool in "${tools[@]}"; do
    target=$OUT/t-$tool-$n
    args+=(--prepare "rm -rf $target" -n "$tool-$n" "$(command_for "$tool" "$data" "$target")")
  done
  say "hyperfine, $n points ($runs runs, $warmup warm-up)"
  hyperfine "${args[@]}" | tee "$OUT/hyperfine-$n.log"
  for tool in "${tools[@]}"; do
    target=$OUT/m-$tool-$n
    rm -rf "$target"
    /usr/bin/time -f '%M' -o "$OUT/time.tmp" $(command_for "$tool" "$data" "$target") >/dev/null 2>&1
    files=$(outputs_of "$tool" "$target")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$n" "$(tail -1 "$OUT/time.tmp")" \
      "$(stat -c %s "$files/scatter.pdf")" "$(stat -c %s "$files/scatter.svg")" "$(stat -c %s "$files/scatter.png")" >> "$OUT/memory.tsv"
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

say "bench/scatter.csv and bench/SCATTER.md"
python3 bench/scatter_summary.py --out-dir "$OUT" --sizes $SIZES --dossier "$DESC" \
  --load "$LOAD_BEFORE" "$LOAD_AFTER" --runs "$RUNS" --runs-large "$RUNS_LARGE"
say "done: bench/SCATTER.md"
