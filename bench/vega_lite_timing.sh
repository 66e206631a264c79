#!/usr/bin/env bash
# The gallery run of `make bench` (issue 21): Dossier against vl-convert on the same Vega-Lite
# gallery specs, whole process each — `dossier build` of one spec (its chart's PDF, SVG and PNG
# and the page) against one `python3` process that imports vl_convert and writes the spec's
# SVG, PNG and PDF. Only the specs Dossier builds are timed (both sides run the same list).
#
#   bench/vega_lite_timing.sh   # DOSSIER (default .build/release/dossier), RUNS (default 3), WARMUP (default 0),
#                               # SPECS (at most this many specs, in name order; default all: a quick check)
#
# Slow on the vl-convert side: a smoke run on a busy 2-core machine spent over 10 s a spec on
# SVG + PNG + PDF (15 specs: Dossier 4.8 s for all of them, one round).
#
# Writes bench/VEGA_LITE_TIMING.md and bench/out/vega-lite-timing.json (hyperfine's export).
# vl-convert loads the specs' data urls from a local HTTP server over the gallery folder.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export LC_ALL=C.UTF-8 TZ=UTC
DOSSIER=$(realpath "${DOSSIER:-.build/release/dossier}")
RUNS=${RUNS:-3}
SPECS=${SPECS:-0}
WARMUP=${WARMUP:-0}
GALLERY=$ROOT/Tests/DossierBuildTests/Fixtures/vega-lite-gallery
OUT=$ROOT/bench/out
mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/dossier-vl-timing.XXXXXX)
SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

command -v hyperfine >/dev/null || { echo "vega_lite_timing: needs hyperfine" >&2; exit 1; }
python3 -c 'import vl_convert' 2>/dev/null || python3 -m pip install -q vl-convert-python

# The data server for vl-convert (a process of its own: vl-convert blocks its caller while loading).
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$GALLERY" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 50); do grep -q "port" "$WORK/server.log" && break; sleep 0.1; done
PORT=$(sed -n 's/.*port \([0-9]*\).*/\1/p' "$WORK/server.log" | head -1)

# One Dossier project: a report per spec sharing one data folder; the specs Dossier builds.
PROJECT=$WORK/project
mkdir -p "$PROJECT/data" "$WORK/vl"
touch "$PROJECT/.dossier-project"
cp -r "$GALLERY/data/." "$PROJECT/data/"
cp -r fonts "$PROJECT/fonts"
: >"$WORK/specs.txt"
for spec in "$GALLERY"/specs/*.vl.json; do
  if [ "$SPECS" -gt 0 ] && [ "$(wc -l <"$WORK/specs.txt")" -ge "$SPECS" ]; then break; fi
  name=$(basename "$spec" .vl.json)
  figure=$(printf '%s' "$name" | tr -c 'A-Za-z0-9-' '-')
  report=$PROJECT/reports/$name
  mkdir -p "$report/specs"
  cp "$spec" "$report/specs/"
  ln -s ../../data "$report/data"
  printf -- '---\ntitle: "Gallery"\ndate: "2026-12-06"\nfigures:\n  - id: %s\n    vega-lite: specs/%s.vl.json\n---\n\n# G\n\n```{figure} %s\nA.\n```\n' \
    "$figure" "$name" "$figure" >"$report/report.md"
  if (cd "$PROJECT" && timeout 300 "$DOSSIER" build "reports/$name" --fonts fonts >/dev/null 2>&1); then
    echo "$name" >>"$WORK/specs.txt"
    python3 - "$spec" "$WORK/vl/$name.vl.json" "http://127.0.0.1:$PORT/" <<'PY'
import json, re, sys
spec = json.load(open(sys.argv[1]))
def fix(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "url" and isinstance(v, str) and not re.match(r"^[a-z]+:", v): node[k] = sys.argv[3] + v
            else: fix(v)
    elif isinstance(node, list):
        for v in node: fix(v)
fix(spec)
json.dump(spec, open(sys.argv[2], "w"))
PY
  fi
done
COUNT=$(wc -l <"$WORK/specs.txt")
echo "  BENCH   Vega-Lite gallery: $COUNT specs Dossier builds, timed both ways ($RUNS runs)"

cat >"$WORK/vl_one.py" <<'PY'
import sys, vl_convert
spec = open(sys.argv[1]).read()
base = sys.argv[2]
open(base + ".svg", "w").write(vl_convert.vegalite_to_svg(spec))
open(base + ".png", "wb").write(vl_convert.vegalite_to_png(spec))
open(base + ".pdf", "wb").write(vl_convert.vegalite_to_pdf(spec))
PY
cat >"$WORK/dossier_all.sh" <<SH
cd "$PROJECT" && while read -r name; do "$DOSSIER" build "reports/\$name" --fonts fonts >/dev/null; done <"$WORK/specs.txt"
SH
cat >"$WORK/vl_all.sh" <<SH
mkdir -p "$WORK/vlout" && while read -r name; do python3 "$WORK/vl_one.py" "$WORK/vl/\$name.vl.json" "$WORK/vlout/\$name"; done <"$WORK/specs.txt"
SH
hyperfine --runs "$RUNS" --warmup "$WARMUP" --export-json "$OUT/vega-lite-timing.json" \
  --prepare "find $PROJECT/reports -maxdepth 2 -name out -type d -exec rm -rf {} +" \
  -n "dossier build, one process per spec" "bash $WORK/dossier_all.sh" \
  -n "vl-convert (python3 + vl_convert: SVG, PNG, PDF), one process per spec" "bash $WORK/vl_all.sh"

python3 - "$OUT/vega-lite-timing.json" "$COUNT" "$WORK/specs.txt" "$("$DOSSIER" --version)" "$(python3 -c 'import importlib.metadata as m; print(m.version("vl-convert-python"))')" <<'PY' >bench/VEGA_LITE_TIMING.md
import json, sys
results = json.load(open(sys.argv[1]))["results"]
count = int(sys.argv[2])
names = [n.strip() for n in open(sys.argv[3]) if n.strip()]
d, v = results
print("# Vega-Lite gallery: Dossier against vl-convert, whole process\n")
print(f"`bench/vega_lite_timing.sh`: the {count} gallery specs that {sys.argv[4]} builds, each as its own process "
      f"(`dossier build` of a one-figure report: chart PDF, SVG, PNG and the page) against one `python3` process per spec "
      f"that imports vl-convert-python {sys.argv[5]} and writes the spec's SVG, PNG and PDF. Mean of {len(d['times'])} runs.\n")
print("| | all specs (s) | per spec (ms) |\n| --- | ---: | ---: |")
for r in results:
    print(f"| {r['command']} | {r['mean']:.2f} ± {r['stddev'] or 0:.2f} | {1000 * r['mean'] / max(1, count):.0f} |")
print(f"\nDossier is {v['mean'] / d['mean']:.1f}× faster over the same specs.\n")
print("Specs: " + ", ".join(names) + "\n")
PY
cat bench/VEGA_LITE_TIMING.md
