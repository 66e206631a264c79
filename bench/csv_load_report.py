#!/usr/bin/env python3
"""Writes bench/CSV_LOAD.md from what bench/csv_load.sh measured (hyperfine JSON, peak RSS,
a perf profile): whole-process MB/s of `dossier validate` and of each competing reader on the
1,000,000-row cases-shaped CSV, the ratios, peak memory against the file size.

    python3 bench/csv_load_report.py --dir OUT --csv OUT/cases.csv --commands "name|command\\n..."
"""
import argparse, glob, json, os, platform, re, shutil, statistics, subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PEERS = ("pyarrow", "polars", "pandas-pyarrow", "pandas-c", "fread")
LABELS = {
    "dossier": "Dossier `validate` (typed load + all checks)",
    "pyarrow": "pyarrow `csv.read_csv` (typed, multi-threaded)",
    "polars": "polars `read_csv` with a schema (multi-threaded)",
    "pandas-pyarrow": "pandas `read_csv(engine=\"pyarrow\")`",
    "pandas-c": "pandas `read_csv` (C engine)",
    "fread": "R data.table `fread` (+ `as.IDate`)",
    "wc-l": "`wc -l` (raw byte scan, the practical limit)",
}


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def demangled(lines):
    if not lines or not shutil.which("swift"):
        return lines
    try:
        out = subprocess.run(["swift", "demangle", "--simplified"], input="\n".join(lines), text=True,
                             capture_output=True, timeout=60).stdout
        return out.splitlines()
    except (OSError, subprocess.SubprocessError):
        return lines


TRACE = re.compile(r"^trace: load (.+?) \| (.+?) \| ([0-9.]+) ms \| (\d+) bytes \| (\d+) cells")


def phase_table(folder, csv_name, size):
    """MB/s per phase of the load, from the `DOSSIER_TRACE=1` runs (median CPU time of each phase)."""
    runs = []
    for path in sorted(glob.glob(os.path.join(folder, "trace.*.txt"))):
        phases = {}
        for line in open(path):
            m = TRACE.match(line.strip())
            if m and m.group(1).endswith(csv_name):
                phases[m.group(2)] = (float(m.group(3)) / 1000, int(m.group(4)), int(m.group(5)))
        if phases:
            runs.append(phases)
    if not runs:
        return []
    names = list(runs[0])
    md = ["", "## Where the load's time goes, by phase", "",
          f"CPU time of each phase of loading `{csv_name}`, summed over the threads that ran it (median of {len(runs)} runs "
          "of `DOSSIER_TRACE=1 dossier validate`), and the rate of one core through the phase's bytes: the whole file for "
          "`read+scan` (pread, structural scan, field split), `merge`, `table` and `unique keys`; the cells of that type for "
          "`convert <type>` (parsing, UTF-8 validation, per-cell constraints, appending to the column). `load (wall)` is the "
          "elapsed time of the whole load of this file with both cores; `foreign keys` runs after it, on one core.", "",
          "| phase | CPU ms (median) | bytes | cells | MB/s (one core) | ns / cell |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name in names:
        vals = [r[name] for r in runs if name in r]
        sec = statistics.median(v[0] for v in vals)
        nbytes, cells = vals[0][1], vals[0][2]
        rate = f"{nbytes / 1e6 / sec:.0f}" if sec > 0 and nbytes > 0 else "—"
        per = f"{sec * 1e9 / cells:.1f}" if cells else "—"
        md.append(f"| {name} | {sec * 1000:.1f} | {nbytes:,} | {cells:,} | {rate} | {per} |")
    cpu = [sum(v[0] for k, v in r.items() if k not in ("load (wall)",)) for r in runs]
    md += ["", f"Total CPU of these phases: {statistics.median(cpu) * 1000:.0f} ms (median); "
           f"a raw byte scan (`wc -l`) of the same {size / 1e6:.1f} MB is in the table above."]
    return md


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--csv", required=True)
    ap.add_argument("--commands", required=True)
    a = ap.parse_args()
    commands = dict(line.split("|", 1) for line in a.commands.strip().splitlines())
    size = os.path.getsize(a.csv)
    mb = size / 1e6
    rows = sum(1 for _ in open(a.csv, "rb")) - 1
    with open(os.path.join(a.dir, "hyperfine.json")) as f:
        results = {r["command"]: r for r in json.load(f)["results"]}
    rss = {}
    path = os.path.join(a.dir, "rss.txt")
    if os.path.exists(path):
        for line in open(path):
            name, kb = line.split()
            rss.setdefault(name, []).append(int(kb) * 1024)

    def t(name, how):
        times = results[name]["times"]
        return min(times) if how == "min" else statistics.median(times)

    peers = [p for p in PEERS if p in results]
    fastest = {how: min(peers, key=lambda p: t(p, how)) for how in ("min", "median")}
    md = ["# Typed CSV load: Dossier against the readers a user would pick instead", "",
          "Written by `bench/csv_load.sh` (do not edit by hand). Every number is a whole process "
          "(start-up, imports, reading, typing every column, exit), timed by hyperfine "
          f"({os.environ.get('RUNS', '?')} runs after {os.environ.get('WARMUP', '?')} warm-up runs, file in the page cache).", "",
          f"- File: `cases.csv` from `bench/gen_large_csv.py` (seeded): {rows:,} rows, {size:,} bytes ({mb:.1f} MB), "
          "11 typed columns (quoted text with commas and doubled quotes, UTF-8 names, empty cells).",
          f"- Machine: {cpu_model()}, {os.cpu_count()} cores; load average {os.environ.get('LOAD_BEFORE', '?')} before, "
          f"{os.environ.get('LOAD_AFTER', '?')} after (1, 5, 15 min). The machine is shared: other work ran alongside.",
          f"- Binary: {os.environ.get('DOSSIER_DESC', 'dossier')}.", "",
          "| reader | min s | median s | MB/s (median) | MB/s (min) | Dossier × (median) | peak RSS | RSS / file |",
          "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name in results:
        peak = max(rss.get(name, [0]))
        ratio = t(name, "median") / t("dossier", "median") if "dossier" in results else float("nan")
        md.append(f"| {LABELS.get(name, name)} | {t(name, 'min'):.3f} | {t(name, 'median'):.3f} | "
                  f"{mb / t(name, 'median'):.0f} | {mb / t(name, 'min'):.0f} | "
                  f"{'—' if name == 'dossier' else f'{ratio:.2f}'} | {peak / 1e6:.0f} MB | {peak / size:.2f}× |")
    if "dossier" in results and peers:
        d_peak = max(rss.get("dossier", [0]))
        md += ["", "## Verdict (issue 22: at least 2× the fastest reader by median, peak memory below 2× the file)", ""]
        for how in ("median", "min"):
            p = fastest[how]
            md.append(f"- By {how} time: Dossier {mb / t('dossier', how):.0f} MB/s, the fastest peer ({p}) "
                      f"{mb / t(p, how):.0f} MB/s: **{t(p, how) / t('dossier', how):.2f}×**.")
        md.append(f"- Peak memory: Dossier {d_peak / 1e6:.0f} MB = **{d_peak / size:.2f}×** the file.")
    md += phase_table(a.dir, os.path.basename(a.csv), size)
    md += ["", "## Commands", "", "```sh"]
    md += [f"{commands[n]}" for n in results]
    md += ["```", "", "Peak RSS: the largest `/usr/bin/time -f %M` of three runs of each command."]
    prof = os.path.join(a.dir, "profile.txt")
    if os.path.exists(prof) and os.path.getsize(prof) > 0:
        lines = [l.strip() for l in open(prof) if l.strip()]
        lines = [l if len(l) <= 150 else l[:147] + "..." for l in demangled(lines)]
        threads = os.path.join(a.dir, "threads.txt")
        md += ["", "## Where Dossier's time goes", "",
               "`perf record` of one `dossier validate` run, samples by function (self time, ≥ 1%)"
               + (", and by thread:" if os.path.exists(threads) else ":"), "", "```"]
        md += lines
        if os.path.exists(threads):
            md += [""] + [l.strip() for l in open(threads) if l.strip()]
        md += ["```"]
    with open(os.path.join(HERE, "CSV_LOAD.md"), "w") as f:
        f.write("\n".join(md) + "\n")


if __name__ == "__main__":
    main()
