#!/usr/bin/env python3
"""Turns bench/hyperfine.json into bench/results.csv (read by the bench report) and
bench/RESULTS.md: machine, versions; issue 22's done-when table (summary_goals.py); where the
time goes at each size (summary_phases.py); issue 16's before/after (summary_ab.py); medians,
ratios; the 1M-row load on each machine (summary_csv_load.py); then bench/analysis.md.

    python3 bench/summarize.py bench/hyperfine.json [more.json...] [--validate-rc N] [--large CSV] [--scaled CSV...]
        [--load BEFORE AFTER END] [--gallery bench/out/vega-lite-timing.json] [--edit-cpu bench/out/edit-cpu.json]
        [--phases bench/out/phases.json] [--ab bench/out/ab] [--csv-load bench/out/large] [--csv-load-load AVG]
"""
import argparse
import csv
import json
import os
import platform
import subprocess

from summary_ab import ab_section
from summary_csv_load import machines_section, this_run
from summary_goals import faster_peer, goals_section
from summary_phases import phase_section

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# name -> (tool, scale, what)
COMMANDS = {
    "dossier-build-x1": ("dossier", 1, "full flagship build, clean outputs"),
    "python-x1": ("matplotlib", 1, "pandas + SciPy + statsmodels + matplotlib script"),
    "r-x1": ("ggplot2", 1, "R + ggplot2 script"),
    "make-noop": ("make", 1, "no-op `make` after a full make"),
    "make-one-csv-edit": ("make", 1, "`touch datasets/cases.csv && make`"),
    "make-one-csv-change": ("make", 1, "a new note in datasets/cases.csv (bench/edit_input.py), then `make`"),
    "make-prose-edit": ("make", 1, "a new sentence in report.md's first paragraph (bench/edit_input.py), then `make`"),
    "dossier-validate-1M": ("dossier", None, "`dossier validate` on a 1,000,000-row cases-shaped CSV"),
    "dossier-build-x10": ("dossier", 10, "full build, datasets scaled 10×"),
    "python-x10": ("matplotlib", 10, "Python peer, datasets scaled 10×"),
    "r-x10": ("ggplot2", 10, "R peer, datasets scaled 10×"),
    "dossier-build-x100": ("dossier", 100, "full build, datasets scaled 100×"),
    "python-x100": ("matplotlib", 100, "Python peer, datasets scaled 100×"),
    "r-x100": ("ggplot2", 100, "R peer, datasets scaled 100×"),
    "dossier-build-x1000": ("dossier", 1000, "full build, datasets scaled 1000×"),
    "python-x1000": ("matplotlib", 1000, "Python peer, datasets scaled 1000×"),
    "r-x1000": ("ggplot2", 1000, "R peer, datasets scaled 1000×"),
    "dossier-scatter": ("dossier", None, "large scatter (bench/gen_scatter.py): SVG + PDF + PNG"),
    "python-scatter": ("matplotlib", None, "large scatter with matplotlib: SVG + PDF + PNG"),
    "r-scatter": ("ggplot2", None, "large scatter with ggplot2: SVG + PDF + PNG"),
}


def run(cmd):
    try:
        out = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=60)
        return (out.stdout or out.stderr).strip()
    except Exception as error:  # a missing tool is reported, not fatal
        return f"unavailable ({error})"


def versions():
    meminfo = open("/proc/meminfo").read().split("\n")[0].split()[1]
    cpu = run("lscpu | sed -n 's/^Model name: *//p'")
    return [
        ("CPU", f"{cpu}, nproc = {run('nproc')}"),
        ("Memory", f"{int(meminfo) / 1024 / 1024:.1f} GiB"),
        ("OS", f"Debian {run('cat /etc/debian_version')}, Linux {platform.release()}"),
        ("Swift", run("swift --version 2>&1 | head -n 1")),
        ("Dossier", os.environ.get("DOSSIER_DESC") or run("git -C " + ROOT + " rev-parse --short HEAD") + " (release binary)"),
        ("cairo / pango", run("pkg-config --modversion cairo") + " / " + run("pkg-config --modversion pango")),
        ("Python", platform.python_version()),
        ("pandas / SciPy / statsmodels / matplotlib", run(
            "python3 -c 'import pandas, scipy, statsmodels, matplotlib; "
            "print(pandas.__version__, scipy.__version__, statsmodels.__version__, matplotlib.__version__, sep=\" / \")'")),
        ("R", run("R --version | head -n 1")),
        ("ggplot2 / svglite / jsonlite", run(
            "Rscript -e 'cat(sapply(c(\"ggplot2\", \"svglite\", \"jsonlite\"), "
            "function(p) as.character(packageVersion(p))), sep = \" / \")'")),
        ("hyperfine", run("hyperfine --version")),
    ]


def gallery_ratio(path):
    """vl-convert's median over Dossier's in bench/vega_lite_timing.sh's hyperfine export (its
    first command is Dossier's, its second vl-convert's, over the same specs), or None."""
    if not path or not os.path.exists(path):
        return None
    results = json.load(open(path))["results"]
    if len(results) != 2 or not results[0]["median"]:
        return None
    return results[1]["median"] / results[0]["median"]


def seconds(v):
    return f"{v * 1000:.0f} ms" if v < 1 else f"{v:.2f} s"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("json", nargs="+")
    ap.add_argument("--load", nargs="*", default=[])
    ap.add_argument("--validate-rc", type=int, default=0)
    ap.add_argument("--large")
    ap.add_argument("--scaled", nargs="*", default=[])
    ap.add_argument("--scatter-points", type=int, default=100000)
    ap.add_argument("--gallery", help="hyperfine export of bench/vega_lite_timing.sh (Dossier, then vl-convert)")
    ap.add_argument("--edit-cpu", help="bench/edit_cpu.py's JSON (CPU of a full build and of make after each edit)")
    ap.add_argument("--phases", help="bench/phase_trace.py's JSON (DOSSIER_TRACE=1 builds at each size)")
    ap.add_argument("--ab", help="bench/ab_before.sh's folder (the before/after hyperfine exports)")
    ap.add_argument("--csv-load", help="bench/csv_load.sh's folder (hyperfine.json, rss.txt) of this run")
    ap.add_argument("--csv-load-load", default="?", help="load average before the CSV load's hyperfine call")
    ap.add_argument("--duration", type=int, help="seconds bench/run.sh had taken when it wrote the summary")
    a = ap.parse_args()
    results = {}
    for path in a.json:
        if os.path.exists(path):
            results.update({r["command"]: r for r in json.load(open(path))["results"]})

    rows = []
    for name, (tool, scale, what) in COMMANDS.items():
        r = results.get(name)
        if r is None:
            continue
        rows.append({"kind": "time", "name": name, "tool": tool, "scale": scale or "", "peer": "",
                     "median_s": f"{r['median']:.4f}", "mean_s": f"{r['mean']:.4f}", "stddev_s": f"{r['stddev'] or 0:.4f}",
                     "min_s": f"{r['min']:.4f}", "max_s": f"{r['max']:.4f}", "runs": len(r["times"]), "ratio": "", "label": what})
    med = {name: r["median"] for name, r in results.items()}
    ratios = []
    for scale in (1, 10, 100, 1000):
        base = med.get(f"dossier-build-x{scale}")
        for peer, key in (("matplotlib", "python"), ("ggplot2", "r")):
            other = med.get(f"{key}-x{scale}")
            if base and other:
                ratio = other / base
                label = f"{scale}× data vs {peer}"
                ratios.append((scale, peer, ratio))
                rows.append({"kind": "ratio", "name": f"{key}-x{scale}", "tool": "dossier", "scale": scale, "peer": peer,
                             "median_s": "", "mean_s": "", "stddev_s": "", "min_s": "", "max_s": "", "runs": "",
                             "ratio": f"{ratio:.2f}", "label": label})
    base = med.get("dossier-scatter")
    for peer, key in (("matplotlib", "python"), ("ggplot2", "r")):
        other = med.get(f"{key}-scatter")
        if base and other:
            ratio = other / base
            ratios.append((f"{a.scatter_points // 1000}k-point scatter", peer, ratio))
            rows.append({"kind": "ratio", "name": f"{key}-scatter", "tool": "dossier", "scale": "", "peer": peer,
                         "median_s": "", "mean_s": "", "stddev_s": "", "min_s": "", "max_s": "", "runs": "",
                         "ratio": f"{ratio:.2f}", "label": f"{a.scatter_points // 1000}k-point scatter vs {peer}"})
    gallery = gallery_ratio(a.gallery)
    if gallery:
        ratios.append(("Vega-Lite gallery: Dossier vs vl-convert, whole process, same specs", "vl-convert", gallery))
        # Its own kind: the bench report's ratio chart compares the flagship's peer scripts.
        rows.append({"kind": "gallery", "name": "vl-convert-gallery", "tool": "dossier", "scale": "", "peer": "vl-convert",
                     "median_s": "", "mean_s": "", "stddev_s": "", "min_s": "", "max_s": "", "runs": "",
                     "ratio": f"{gallery:.2f}", "label": "Vega-Lite gallery vs vl-convert"})
    full = med.get("dossier-build-x1")
    for name in ("make-noop", "make-one-csv-edit", "make-one-csv-change", "make-prose-edit"):
        if full and name in med:
            rows.append({"kind": "share", "name": name, "tool": "make", "scale": 1, "peer": "",
                         "median_s": "", "mean_s": "", "stddev_s": "", "min_s": "", "max_s": "", "runs": "",
                         "ratio": f"{med[name] / full:.4f}", "label": f"{COMMANDS[name][2]} / full build"})
    fields = ["kind", "name", "label", "tool", "peer", "scale", "median_s", "mean_s", "stddev_s", "min_s", "max_s", "runs", "ratio"]
    with open(os.path.join(HERE, "results.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)

    md = ["# Benchmarks: Dossier against a pandas/matplotlib script and an R/ggplot2 script", "",
          "Generated by `make bench` (bench/run.sh → bench/summarize.py) from `bench/hyperfine.json`; "
          "every number below is a hyperfine median over the run count shown. Ratio chart: "
          "[bench/report/out](report/out/) (drawn by Dossier from `bench/results.csv`).", "",
          "## Machine", "", "| | |", "| --- | --- |"]
    md += [f"| {k} | {v} |" for k, v in versions()]
    md += ["", "The machine is a shared 2-core VM: wall times move by ±10–20% between runs, and the min "
           "column shows the least-disturbed run (the load during the run: see the analysis below)."
           + (f" Load average (1, 5, 15 min) before the first hyperfine call: {a.load[0]}; after it: "
              f"{a.load[1] if len(a.load) > 1 else '?'}; after the 1000× call: {a.load[2] if len(a.load) > 2 else '?'}."
              if a.load else ""), "",
           ]
    runs = {name: len(r["times"]) for name, r in results.items()}
    csv_run = this_run(a.csv_load, os.path.join(a.csv_load, "cases.csv")) if a.csv_load else None
    has_phases = bool(a.phases and os.path.exists(a.phases))
    md += goals_section(med, runs, a.edit_cpu, csv_run, has_phases)
    md += phase_section(a.phases)
    peers = {scale: faster_peer(med, scale) for scale in (1, 10, 100, 1000) if faster_peer(med, scale)}
    md += ab_section(a.ab, peers) if a.ab else []
    md += ["## Medians", "", "| benchmark | what | median | mean ± sd | min | runs |", "| --- | --- | ---: | ---: | ---: | ---: |"]
    for row in rows:
        if row["kind"] == "time":
            r = results[row["name"]]
            md.append(f"| `{row['name']}` | {row['label']} | {seconds(r['median'])} | {seconds(r['mean'])} ± "
                      f"{seconds(r['stddev'] or 0)} | {seconds(r['min'])} | {len(r['times'])} |")
    if a.validate_rc:
        md.append(f"\n`dossier validate` on the 1M-row file exits {a.validate_rc} (the generated data carries "
                  "deliberate problems; the time includes reporting them).")
    sizes = []
    for path in [a.large, *a.scaled]:
        if path and os.path.exists(path):
            with open(path, "rb") as f:
                n = sum(1 for _ in f) - 1
            sizes.append(f"`{os.path.relpath(path, ROOT)}`: {n:,} rows, {os.path.getsize(path) / 1e6:.1f} MB")
    if sizes:
        md += ["", "Inputs: " + "; ".join(sizes) + "."]
    md += ["", "## Ratios", "", "| comparison | Dossier is … faster |", "| --- | ---: |"]
    for scale, peer, ratio in ratios:
        what = f"full briefing, {scale}× data" if isinstance(scale, int) else scale
        md.append(f"| {what} | **{ratio:.1f}×** |" if peer in what else f"| {what}, vs {peer} | **{ratio:.1f}×** |")
    if full and "make-noop" in med:
        md += ["", "Wall time of the make-based benchmarks (hyperfine medians; the done-when table uses CPU time, "
               "which a busy machine cannot inflate):", ""]
        share = med["make-noop"] / full
        md.append(f"- no-op `make` < 5% of a full build: " + ("**met**" if share < 0.05 else "**not met**")
                  + f" ({seconds(med['make-noop'])} = {share:.1%} of {seconds(full)}).")
        for name, what in (("make-one-csv-edit", "one-CSV edit (`touch`)"),
                           ("make-one-csv-change", "one-CSV edit (a changed cell)"),
                           ("make-prose-edit", "prose-only edit")):
            if name in med:
                md.append(f"- {what}: {seconds(med[name])} = {med[name] / full:.0%} of {seconds(full)}.")
    md += [""] + machines_section(csv_run, a.csv_load_load)
    md += ["", "Exact commands: [bench/commands.md](commands.md) (the `hyperfine` calls, written by bench/run.sh); raw timings: "
           "`bench/hyperfine.json`, `bench/hyperfine-python.json`, `bench/hyperfine-x1000.json`, `bench/hyperfine-python-x1000.json` "
           "(and the CSV beside each); the traced builds, edit costs and before/after runs under `bench/out/`. Reproduce with `make bench`"
           + (f"; this run took {a.duration // 60} min {a.duration % 60} s up to this summary." if a.duration else "."), "",
           "Also written by `make bench`, each in its own hyperfine run: [bench/CSV_LOAD.md](CSV_LOAD.md) (the typed 1M-row CSV load against pyarrow, polars, pandas, data.table::fread and `wc -l`, MB/s and peak memory), with `SCATTER_SWEEP=1`, [bench/SCATTER.md](SCATTER.md) (the dense scatter at 1k–1M points against matplotlib and ggplot2, time, memory and file sizes) and [bench/VEGA_LITE_TIMING.md](VEGA_LITE_TIMING.md) (the Vega-Lite gallery specs Dossier builds, each a whole `dossier build` process against a whole vl-convert process).", ""]
    notes = os.path.join(HERE, "analysis.md")
    if os.path.exists(notes):
        # Written by hand after earlier runs: one heading level down, under a heading saying so.
        text = "\n".join("#" + line if line.startswith("##") else line for line in open(notes).read().rstrip().split("\n"))
        md += ["## Notes written by hand after earlier runs (bench/analysis.md; their numbers are from those runs)", "", text, ""]
    with open(os.path.join(HERE, "RESULTS.md"), "w") as f:
        f.write("\n".join(md))


if __name__ == "__main__":
    main()
