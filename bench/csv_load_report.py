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


# perf symbols (self time) by phase of the load; the first pattern that matches wins.
PHASES = [
    ("read: kernel copy from the page cache", r"_copy_to_iter|filemap_|copy_page_to_iter|ext4_file_read|generic_file_read|touch_atime|pread"),
    ("structural scan + field split", r"scanRecords|unescape|collapseQuotes|StructuralBlock|RowConsumer\.record|deliver|flushKept|firstOf3"),
    ("field conversion + per-cell checks", r"ColumnBuilder|FieldParsers|CivilDate|ConstraintChecker|BytePattern|StringStorageBuilder|ByteValueList|"
     r"ColumnBuffer|CellEnds|RowConsumer\.flush|RowConsumer\.timed|utf8|memmove|memcpy|ByteStringSet|TypedCells|NullableCells"),
    ("cross-row checks (unique keys, foreign keys)", r"KeyChecks|ForeignKey|StringInterner|checkUnique"),
    ("memory: page faults, zeroing, freeing (kernel)", r"clear_page|do_anonymous_page|page_fault|unmap|free_pages|madvise|populate|"
     r"__handle_mm_fault|rmqueue|folio|lru|zap_|release_pages|__list_del"),
]


def perf_phases(folder):
    """Share of the samples of one `perf record` by phase (from profile_all.txt), or {}."""
    path = os.path.join(folder, "profile_all.txt")
    if not os.path.exists(path):
        return {}
    raw = [l.rstrip("\n") for l in open(path) if "%" in l]
    lines = demangled(raw)
    shares = {}
    for line in lines:
        m = re.match(r"\s*([0-9.]+)%\s+(.*)", line)
        if not m:
            continue
        pct, rest = float(m.group(1)), m.group(2)
        name = next((n for n, pat in PHASES if re.search(pat, rest)), None)
        if name is None:
            name = "other kernel work" if "[k]" in rest else "other (start-up, runtime, merge)"
        shares[name] = shares.get(name, 0) + pct
    return shares


def phase_table(folder, csv_name, size, cpu_seconds):
    """MB/s per phase of the load: phase shares of the CPU samples of one `perf record` run times the median
    CPU time (user + system) of `dossier validate`, and the split of the conversion by field type from
    the `DOSSIER_TRACE=1` runs."""
    md = []
    shares = perf_phases(folder)
    if shares and cpu_seconds:
        total = sum(shares.values())
        md += ["", "## Where the time goes, by phase", "",
               f"CPU time of `dossier validate` (user + system, median of the three peak-memory runs): "
               f"{cpu_seconds * 1000:.0f} ms on two threads. Split by the self-time samples of one `perf record` run, "
               "symbols grouped by phase; MB/s is the rate of one core through the whole file in that phase.", "",
               "| phase | share of CPU | CPU ms | MB/s (one core) |", "| --- | ---: | ---: | ---: |"]
        for name, _ in PHASES + [("other kernel work", ""), ("other (start-up, runtime, merge)", "")]:
            if name not in shares:
                continue
            ms = cpu_seconds * shares[name] / total
            md.append(f"| {name} | {shares[name] / total * 100:.1f}% | {ms * 1000:.0f} | {size / 1e6 / ms:.0f} |")
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
        return md
    names = list(runs[0])
    conv = [n for n in names if n.startswith("convert ")]
    conv_total = {id(r): sum(r[n][0] for n in conv if n in r) for r in runs}
    conv_cpu = None
    if shares and cpu_seconds:
        conv_cpu = cpu_seconds * shares.get("field conversion + per-cell checks", 0) / sum(shares.values())
    if conv_cpu:
        md += ["", f"The conversion ({conv_cpu * 1000:.0f} ms above) by field type, in the proportions the loader's own trace "
               f"measured (`DOSSIER_TRACE=1 dossier validate`, median of {len(runs)} runs; each type's MB/s is through its own cells):", "",
               "| field type | share | CPU ms | cell bytes | cells | MB/s (one core) | ns / cell |",
               "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for name in conv:
            share = statistics.median(r[name][0] / conv_total[id(r)] for r in runs if name in r and conv_total[id(r)] > 0)
            sec = conv_cpu * share
            nbytes, cells = runs[0][name][1], runs[0][name][2]
            md.append(f"| {name[8:]} | {share * 100:.1f}% | {sec * 1000:.1f} | {nbytes:,} | {cells:,} | "
                      f"{nbytes / 1e6 / sec:.0f} | {sec * 1e9 / cells:.1f} |")
    md += ["", "The loader's trace as printed (median of the runs; its CPU times come from the thread CPU clock, a system "
           "call that is itself slow on a busy machine, so they run high under load; the table above is the one to quote):", "",
           "| trace phase | ms (median) | bytes | cells | MB/s | ns / cell |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name in names:
        vals = [r[name] for r in runs if name in r]
        sec = statistics.median(v[0] for v in vals)
        nbytes, cells = vals[0][1], vals[0][2]
        rate = f"{nbytes / 1e6 / sec:.0f}" if sec > 0 and nbytes > 0 else "—"
        per = f"{sec * 1e9 / cells:.1f}" if cells else "—"
        md.append(f"| {name} | {sec * 1000:.1f} | {nbytes:,} | {cells:,} | {rate} | {per} |")
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
    cpu_times = {}
    path = os.path.join(a.dir, "rss.txt")
    if os.path.exists(path):
        for line in open(path):
            parts = line.split()
            rss.setdefault(parts[0], []).append(int(parts[1]) * 1024)
            if len(parts) >= 4:
                cpu_times.setdefault(parts[0], []).append(float(parts[2]) + float(parts[3]))

    def t(name, how):
        times = results[name]["times"]
        return min(times) if how == "min" else statistics.median(times)

    def cpu(name):
        return f"{statistics.median(cpu_times[name]):.2f}" if cpu_times.get(name) else "?"

    def cpu_ratio(name):
        if name == "dossier" or not cpu_times.get(name) or not cpu_times.get("dossier"):
            return "—"
        return f"{statistics.median(cpu_times[name]) / statistics.median(cpu_times['dossier']):.2f}"

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
          "| reader | min s | median s | MB/s (median) | MB/s (min) | Dossier × (median) | CPU s (user + sys) | Dossier × (CPU) | peak RSS | RSS / file |",
          "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name in results:
        peak = max(rss.get(name, [0]))
        ratio = t(name, "median") / t("dossier", "median") if "dossier" in results else float("nan")
        md.append(f"| {LABELS.get(name, name)} | {t(name, 'min'):.3f} | {t(name, 'median'):.3f} | "
                  f"{mb / t(name, 'median'):.0f} | {mb / t(name, 'min'):.0f} | "
                  f"{'—' if name == 'dossier' else f'{ratio:.2f}'} | {cpu(name)} | {cpu_ratio(name)} | "
                  f"{peak / 1e6:.0f} MB | {peak / size:.2f}× |")
    if "dossier" in results and peers:
        d_peak = max(rss.get("dossier", [0]))
        md += ["", "## Verdict (issue 22: at least 2× the fastest reader by median, peak memory below 2× the file)", ""]
        for how in ("median", "min"):
            p = fastest[how]
            md.append(f"- By {how} time: Dossier {mb / t('dossier', how):.0f} MB/s, the fastest peer ({p}) "
                      f"{mb / t(p, how):.0f} MB/s: **{t(p, how) / t('dossier', how):.2f}×**.")
        md.append(f"- Peak memory: Dossier {d_peak / 1e6:.0f} MB = **{d_peak / size:.2f}×** the file.")
        cpu_peers = [p for p in peers if cpu_times.get(p)]
        if cpu_times.get("dossier") and cpu_peers:
            least = min(cpu_peers, key=lambda p: statistics.median(cpu_times[p]))
            md.append(f"- CPU time (user + system, median of three runs; what the load average cannot inflate): Dossier "
                      f"{statistics.median(cpu_times['dossier']):.2f} s, the most frugal peer ({least}) "
                      f"{statistics.median(cpu_times[least]):.2f} s: **{cpu_ratio(least)}×**.")
    md += phase_table(a.dir, os.path.basename(a.csv), size,
                      statistics.median(cpu_times["dossier"]) if cpu_times.get("dossier") else None)
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
