"""The 1M-row typed CSV load in RESULTS.md: this run's verdict against pyarrow (from
bench/csv_load.sh's hyperfine export and peak-memory runs, the same data CSV_LOAD.md is written
from) and the verdict of every machine bench/CSV_LOAD.md was committed from (git history)."""
import json
import os
import re
import statistics
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def this_run(folder, csv_path):
    """{"dossier_s", "pyarrow_s", "ratio", "mb", "peak_bytes", "peak_ratio"} or None."""
    path = os.path.join(folder, "hyperfine.json")
    if not os.path.exists(path) or not os.path.exists(csv_path):
        return None
    results = {r["command"]: r for r in json.load(open(path))["results"]}
    if "dossier" not in results or "pyarrow" not in results:
        return None
    size = os.path.getsize(csv_path)
    d, p = statistics.median(results["dossier"]["times"]), statistics.median(results["pyarrow"]["times"])
    peak = None
    rss = os.path.join(folder, "rss.txt")
    if os.path.exists(rss):
        values = [int(l.split()[1]) * 1024 for l in open(rss) if l.startswith("dossier ")]
        peak = max(values) if values else None
    return {"dossier_s": d, "pyarrow_s": p, "ratio": p / d, "mb": size / 1e6, "runs": len(results["dossier"]["times"]),
            "peak_bytes": peak, "peak_ratio": peak / size if peak else None}


def git(*args):
    return subprocess.run(["git", "-C", ROOT, *args], capture_output=True, text=True).stdout


def history():
    """Every committed bench/CSV_LOAD.md: [(date, commit, cpu, load before, binary, ratio vs pyarrow by median)]."""
    rows = []
    for line in git("log", "--format=%h %cs", "--", "bench/CSV_LOAD.md").splitlines():
        commit, date = line.split()
        text = git("show", f"{commit}:bench/CSV_LOAD.md")
        machine = re.search(r"Machine: (.+?), (\d+) cores; load average ([0-9.]+)", text)
        binary = re.search(r"Binary: dossier [^,]+, ([0-9a-f]+)", text)
        table = {}
        for row in re.findall(r"^\| (Dossier|pyarrow) [^|]*\| [0-9.]+ \| ([0-9.]+) \|", text, re.M):
            table[row[0]] = float(row[1])
        if machine and "Dossier" in table and "pyarrow" in table:
            rows.append((date, commit, f"{machine.group(1)}, {machine.group(2)} cores", float(machine.group(3)),
                         binary.group(1) if binary else "?", table["pyarrow"] / table["Dossier"]))
    return rows


def cpu_name():
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return f"{line.split(':', 1)[1].strip()}, {os.cpu_count()} cores"
    return "?"


def machines_section(run, load_before):
    """Markdown: one row per machine (its latest committed run and the range over all its runs), then this run."""
    md = ["## The 1M-row load on each machine the bench has run on", "",
          "Dossier `validate` against pyarrow `read_csv` (whole processes, medians), from every committed "
          "bench/CSV_LOAD.md (git history) and this run; runs at a load average above 2 were on a busy machine.", "",
          "| machine | runs | latest (commit, binary, load) | latest ratio | range over its runs | ≥ 1.5× |",
          "| --- | ---: | --- | ---: | --- | --- |"]
    by_machine = {}
    for row in history():
        by_machine.setdefault(row[2], []).append(row)
    current = cpu_name()
    for machine, rows in by_machine.items():
        date, commit, _, load, binary, ratio = rows[0]
        ratios = [r[5] for r in rows]
        md.append(f"| {machine} | {len(rows)} | {date} ({commit}, binary {binary}, load {load:.1f}) | {ratio:.2f}× | "
                  f"{min(ratios):.2f}–{max(ratios):.2f}× | {'yes' if ratio >= 1.5 else '**no**'} |")
    if run:
        md.append(f"| {current} (this run) | 1 | this run (load {load_before}) | {run['ratio']:.2f}× | — | "
                  f"{'yes' if run['ratio'] >= 1.5 else '**no**'} |")
    return md + [""]
