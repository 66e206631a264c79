#!/usr/bin/env python3
"""Writes bench/scatter.csv and bench/SCATTER.md from bench/scatter.sh's hyperfine JSON and
memory/size table (bench/out/scatter-bench)."""
import argparse
import csv
import json
import os
import platform

parser = argparse.ArgumentParser()
parser.add_argument("--out-dir", required=True)
parser.add_argument("--sizes", nargs="+", type=int, required=True)
parser.add_argument("--dossier", required=True)
parser.add_argument("--load", nargs=2, required=True)
parser.add_argument("--runs", type=int, required=True)
parser.add_argument("--runs-large", type=int, required=True)
args = parser.parse_args()

TOOLS = ["dossier", "matplotlib", "ggplot2"]
memory = {}
with open(os.path.join(args.out_dir, "memory.tsv")) as f:
    for tool, n, rss, pdf, svg, png in csv.reader(f, delimiter="\t"):
        memory[(tool, int(n))] = (int(rss), int(pdf), int(svg), int(png))

rows = []
for n in args.sizes:
    with open(os.path.join(args.out_dir, f"hyperfine-{n}.json")) as f:
        results = {r["command"].rsplit("-", 1)[0]: r for r in json.load(f)["results"]}
    for tool in TOOLS:
        r = results[tool]
        rss, pdf, svg, png = memory[(tool, n)]
        rows.append({"points": n, "tool": tool, "median_s": r["median"], "mean_s": r["mean"], "stddev_s": r["stddev"] or 0,
                     "min_s": r["min"], "runs": len(r["times"]), "peak_rss_mb": rss / 1024,
                     "pdf_bytes": pdf, "svg_bytes": svg, "png_bytes": png})

with open("bench/scatter.csv", "w", newline="") as f:
    writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
    writer.writeheader()
    for row in rows:
        writer.writerow({k: (f"{v:.4f}" if isinstance(v, float) else v) for k, v in row.items()})

def size(b):
    return f"{b / 1e6:.2f} MB" if b >= 1e6 else f"{b / 1e3:.0f} KB"

by = {(r["tool"], r["points"]): r for r in rows}
lines = [
    "# Dense scatter: Dossier, matplotlib, ggplot2",
    "",
    "Written by `bench/scatter.sh` (numbers in `bench/scatter.csv`). The same chart — title, axes,",
    "N seeded correlated normal points (`bench/gen_scatter.py`), 480 × 320 pt — written as SVG, PDF",
    "and PNG by each tool in one process: `dossier build DIR --figure scatter`,",
    "`bench/peers/scatter.py` (pandas + matplotlib) and `bench/peers/scatter.R` (ggplot2 + svglite).",
    f"Time: hyperfine median of {args.runs} runs ({args.runs_large} at 1M points), whole process",
    "including start-up and data loading. Peak memory: maximum resident set size of one more run",
    "(`/usr/bin/time -f %M`). Sizes: the files of that run.",
    "",
    f"Measured: {args.dossier}; {platform.machine()}, {os.cpu_count()} cores, load average",
    f"{args.load[0]} before and {args.load[1]} after the run (other work was running on the machine).",
    "",
    "| points | tool | time (median) | vs Dossier | peak RSS | PDF | SVG | PNG |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
]
for n in args.sizes:
    base = by[("dossier", n)]["median_s"]
    for tool in TOOLS:
        r = by[(tool, n)]
        ratio = "1×" if tool == "dossier" else f"{r['median_s'] / base:.1f}× slower"
        lines.append(f"| {n:,} | {tool} | {r['median_s']:.2f} s ± {r['stddev_s']:.2f} | {ratio} | {r['peak_rss_mb']:.0f} MB "
                     f"| {size(r['pdf_bytes'])} | {size(r['svg_bytes'])} | {size(r['png_bytes'])} |")
lines += ["", "## Goal (issue 5): at least 3× faster than matplotlib, PDF and SVG no larger", "",
          "| points | speed-up vs matplotlib | PDF Dossier / matplotlib | SVG Dossier / matplotlib | met |",
          "| ---: | ---: | ---: | ---: | --- |"]
for n in args.sizes:
    d, m = by[("dossier", n)], by[("matplotlib", n)]
    speed = m["median_s"] / d["median_s"]
    pdf, svg = d["pdf_bytes"] / m["pdf_bytes"], d["svg_bytes"] / m["svg_bytes"]
    met = "yes" if speed >= 3 and pdf <= 1 and svg <= 1 else "**no**"
    lines.append(f"| {n:,} | {speed:.1f}× | {pdf:.2f} | {svg:.2f} | {met} |")
lines += ["", "How Dossier writes a dense point layer (one marker, placed by reference): "
          "[docs/dense-markers.md](../docs/dense-markers.md).", ""]
with open("bench/SCATTER.md", "w") as f:
    f.write("\n".join(lines))
