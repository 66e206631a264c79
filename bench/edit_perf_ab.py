#!/usr/bin/env python3
"""Kernel-side costs of an edit in two (or more) snapshots, alternating: per round and snapshot,
one edit (csv: bench/edit_input.py's note-cell edit, or prose), then `perf stat -e
task-clock,page-faults,context-switches make -s` (make and its children); prints the medians
per snapshot. Counts (faults, context switches) hold on a loaded machine better than times.

    python3 bench/edit_perf_ab.py ROUNDS csv|prose SNAPSHOT [SNAPSHOT ...]"""
import collections, os, statistics, subprocess, sys
runs, kind, snaps = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
events = "task-clock,page-faults,context-switches"
results = {s: collections.defaultdict(list) for s in snaps}
for _ in range(runs):
    for s in snaps:
        if kind == "csv":
            subprocess.run(["python3", "bench/edit_input.py", "csv", "datasets/cases.csv"], cwd=s, check=True)
        else:
            subprocess.run(["python3", "bench/edit_input.py", "prose", "reports/china-lac-local/report.md"], cwd=s, check=True)
        p = subprocess.run(["perf", "stat", "-x", ",", "-e", events, "make", "-s", "--no-print-directory"],
                           cwd=s, env=env, capture_output=True, text=True, check=True)
        for line in p.stderr.splitlines():
            fields = line.split(",")
            if len(fields) > 3 and fields[0][:1].isdigit():
                results[s][fields[2]].append(float(fields[0]))
for s in snaps:
    print(kind, s, "  ".join(f"{k} {statistics.median(v):.1f}" for k, v in results[s].items()),
          " task-clock runs:", " ".join(f"{v:.0f}" for v in results[s]["task-clock"]))
