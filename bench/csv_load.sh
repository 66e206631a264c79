#!/usr/bin/env bash
# The typed CSV load (issue 3): `dossier validate` on a 1,000,000-row cases-shaped CSV against
# the readers a user would pick instead (pyarrow, polars, pandas with its C and pyarrow engines,
# R's data.table::fread) and a raw byte scan (`wc -l`), all in one hyperfine run, as whole
# processes. Writes bench/CSV_LOAD.md (MB/s, ratios, peak memory, load average, a profile).
#
# Environment: DOSSIER (binary, default .build/release/dossier; DOSSIER_REV: the commit it was
# built from, when not this checkout), RUNS (default 10), WARMUP
# (default 2), ROWS (default 1000000), OUT (scratch folder, default bench/out/csv),
# PROFILE (default 1: perf profile of one Dossier run when perf is installed).
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C.UTF-8 TZ=UTC
DOSSIER=${DOSSIER:-.build/release/dossier}
RUNS=${RUNS:-10}
WARMUP=${WARMUP:-2}
ROWS=${ROWS:-1000000}
OUT=${OUT:-bench/out/csv}
PROFILE=${PROFILE:-1}
mkdir -p "$OUT"
say() { printf '  CSV     %s\n' "$*"; }

# ---- What the comparison needs, installed only when missing --------------------------------
if ! command -v hyperfine >/dev/null; then
  echo "csv_load: needs hyperfine (apt-get install hyperfine)" >&2; exit 1
fi
if ! python3 -c 'import pandas, pyarrow, polars' 2>/dev/null; then
  say "pip install pandas pyarrow polars"
  python3 -m pip install -q pandas pyarrow polars
fi
if [ "$(id -u)" = 0 ] && command -v Rscript >/dev/null && ! Rscript -e 'library(data.table)' >/dev/null 2>&1; then
  say "apt-get install r-cran-data.table"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends r-cran-data.table >/dev/null || true
fi
if [ ! -x "$DOSSIER" ]; then
  echo "csv_load: no $DOSSIER; run make first" >&2; exit 1
fi
DOSSIER=$(realpath "$DOSSIER")

# ---- Data ---------------------------------------------------------------------------------------
if [ ! -s "$OUT/cases.csv" ] || [ "$(wc -l < "$OUT/cases.csv")" -ne $((ROWS + 1)) ]; then
  say "generate $ROWS-row cases-shaped CSV"
  python3 bench/gen_large_csv.py --rows "$ROWS" --out "$OUT" >/dev/null
fi
CSV=$OUT/cases.csv
"$DOSSIER" validate "$OUT/datapackage.json" >/dev/null   # must be valid: exit 0

# ---- The commands (name|command) ----------------------------------------------------------------
READ="python3 bench/gen_large_csv.py read"
commands=(
  "dossier|$DOSSIER validate $OUT/datapackage.json"
  "pyarrow|$READ pyarrow $CSV"
  "polars|$READ polars $CSV"
  "pandas-pyarrow|$READ pandas-pyarrow $CSV"
  "pandas-c|$READ pandas-c $CSV"
  "wc-l|wc -l $CSV"
)
if command -v Rscript >/dev/null && Rscript -e 'library(data.table)' >/dev/null 2>&1; then
  commands+=("fread|Rscript bench/csv_fread.R $CSV")
fi

args=(--runs "$RUNS" --warmup "$WARMUP" -N --export-json "$OUT/hyperfine.json")
for c in "${commands[@]}"; do args+=(-n "${c%%|*}" "${c#*|}"); done
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
say "hyperfine ($RUNS runs each, load average $LOAD_BEFORE)"
hyperfine "${args[@]}" >/dev/null
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- Peak memory: maximum resident set of each, three runs ---------------------------------------
: > "$OUT/rss.txt"
for c in "${commands[@]}"; do
  for _ in 1 2 3; do
    /usr/bin/time -f "${c%%|*} %M %U %S" ${c#*|} >/dev/null 2>>"$OUT/rss.txt.raw" || true
  done
  grep "^${c%%|*} " "$OUT/rss.txt.raw" >> "$OUT/rss.txt" || true
  rm -f "$OUT/rss.txt.raw"
done

# ---- Where Dossier's time goes ----------------------------------------------------------------------
# Phase CPU times from the loader's own trace (DOSSIER_TRACE=1: `trace: load <file> | <phase> | …`),
# five runs; the report takes the median of each phase.
say "phase trace (DOSSIER_TRACE=1, 5 runs)"
rm -f "$OUT"/trace.*.txt
for i in 1 2 3 4 5; do
  DOSSIER_TRACE=1 "$DOSSIER" validate "$OUT/datapackage.json" 2>"$OUT/trace.$i.txt" >/dev/null || true
done
: > "$OUT/profile.txt"
if [ "$PROFILE" = 1 ] && command -v perf >/dev/null; then
  say "perf profile of one dossier run"
  if perf record -q -o "$OUT/perf.data" "$DOSSIER" validate "$OUT/datapackage.json" >/dev/null 2>&1; then
    perf report -i "$OUT/perf.data" --no-children --sort sym --percent-limit 1 --stdio 2>/dev/null \
      | grep '%' > "$OUT/profile.txt" || true
    perf report -i "$OUT/perf.data" --no-children --sort comm --stdio 2>/dev/null \
      | grep '%' > "$OUT/threads.txt" || true
    perf report -i "$OUT/perf.data" --no-children --sort dso,sym --percent-limit 0 --stdio 2>/dev/null \
      | grep '%' > "$OUT/profile_all.txt" || true
  fi
fi

export DOSSIER_DESC="dossier $("$DOSSIER" --version), ${DOSSIER_REV:-$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- Sources/DossierData || echo ' + uncommitted DossierData changes')}, release build"
export LOAD_BEFORE LOAD_AFTER RUNS WARMUP
python3 bench/csv_load_report.py --dir "$OUT" --csv "$CSV" --commands "$(printf '%s\n' "${commands[@]}")"
say "bench/CSV_LOAD.md"
