"""RESULTS.md's first table: issue 22's "done when", one row per goal, met or not met, with the
numbers of this run (hyperfine medians; the edits' CPU from bench/edit_cpu.py; the 1M-row load
from bench/csv_load.sh)."""
import json
import os
import statistics

PEERS = (("ggplot2", "r"), ("matplotlib", "python"))


def seconds(v):
    return f"{v * 1000:.0f} ms" if v < 1 else f"{v:.2f} s"


def verdict(ok):
    return "**met**" if ok else "**not met**"


def edit_medians(path):
    """{step: median CPU ms} and {step: run count} from bench/edit_cpu.py's JSON, or ({}, {})."""
    if not path or not os.path.exists(path):
        return {}, {}
    data = json.load(open(path))
    return ({name: statistics.median(values) for name, values in data["cpu_ms"].items()},
            {name: len(values) for name, values in data["cpu_ms"].items()})


def faster_peer(med, scale):
    """(peer name, median s) of the faster peer at this scale, or None."""
    found = [(name, med[f"{key}-x{scale}"]) for name, key in PEERS if f"{key}-x{scale}" in med]
    return min(found, key=lambda p: p[1]) if found else None


def goals_section(med, runs, edit_json, csv_run, has_phases):
    """Markdown lines: the done-when table. med: {benchmark: median s}; runs: {benchmark: run count}."""
    md = ["## Issue 22: done when", "",
          "| goal | this run | verdict |", "| --- | --- | --- |"]
    for scale in (1, 100, 1000):
        dossier = med.get(f"dossier-build-x{scale}")
        peer = faster_peer(med, scale)
        goal = f"flagship build ≥ 20× faster than the faster peer, {scale}× data"
        if dossier is None or peer is None:
            md.append(f"| {goal} | not measured | — |")
            continue
        others = ", ".join(f"{name} {seconds(med[f'{key}-x{scale}'])} ({runs.get(f'{key}-x{scale}', '?')} runs)"
                           for name, key in PEERS if f"{key}-x{scale}" in med)
        untimed = [name for name, key in PEERS if f"{key}-x{scale}" not in med]
        if untimed:
            others += "; " + ", ".join(untimed) + " not timed in this run"
        ratio = peer[1] / dossier
        md.append(f"| {goal} | Dossier {seconds(dossier)} ({runs.get(f'dossier-build-x{scale}', '?')} runs); {others}: "
                  f"**{ratio:.1f}×** {peer[0]} | {verdict(ratio >= 20)} |")
    edits, edit_runs = edit_medians(edit_json)
    full = edits.get("full dossier build")
    for step, goal, limit in (("touch cases.csv", "one-CSV edit (`touch datasets/cases.csv && make`) ≤ 30% of a full build", 0.30),
                              ("cell edit (note)", "one-CSV edit with a changed cell (bench/edit_input.py csv, then `make`) ≤ 30%", 0.30),
                              ("prose edit", "prose-only edit (bench/edit_input.py prose, then `make`) ≤ 20% of a full build", 0.20)):
        if not full or step not in edits:
            md.append(f"| {goal} | not measured | — |")
            continue
        share = edits[step] / full
        md.append(f"| {goal} | {edits[step]:.0f} ms of CPU against {full:.0f} ms for a full `dossier build` "
                  f"(medians of {edit_runs[step]} and of {edit_runs['full dossier build']} full builds, bench/edit_cpu.py): "
                  f"**{share:.0%}** | {verdict(share <= limit)} |")
    if csv_run:
        md.append(f"| 1M-row typed load ≥ 2× pyarrow | `dossier validate` {seconds(csv_run['dossier_s'])} "
                  f"({csv_run['mb'] / csv_run['dossier_s']:.0f} MB/s), pyarrow {seconds(csv_run['pyarrow_s'])} "
                  f"({csv_run['mb'] / csv_run['pyarrow_s']:.0f} MB/s), medians of {csv_run['runs']}: **{csv_run['ratio']:.2f}×** "
                  f"([CSV_LOAD.md](CSV_LOAD.md)) | {verdict(csv_run['ratio'] >= 2)} |")
        md.append(f"| … and ≥ 1.5× on every machine the bench has run on | see \"The 1M-row load on each machine\" below "
                  f"(this run {csv_run['ratio']:.2f}×) | {verdict(csv_run['ratio'] >= 1.5)} here |")
        if csv_run["peak_bytes"]:
            md.append(f"| peak memory of the load < 2× the file | {csv_run['peak_bytes'] / 1e6:.0f} MB for a "
                      f"{csv_run['mb']:.0f} MB file: **{csv_run['peak_ratio']:.2f}×** | {verdict(csv_run['peak_ratio'] < 2)} |")
    else:
        md.append("| 1M-row typed load ≥ 2× pyarrow, peak memory < 2× the file | not measured (bench/csv_load.sh did not run) | — |")
    md.append("| RESULTS.md explains where the time goes at each size | "
              + ("the phase table below, from this run's traced builds | yes |" if has_phases else "not measured | — |"))
    return md + [""]
