#!/usr/bin/env python3
"""Phase costs of an edit in two (or more) snapshots, alternating: per round and snapshot, one edit
(csv: bench/edit_input.py's note-cell edit, or prose) then `DOSSIER_TRACE=1 make -s`; prints the
median CPU of each traced phase (BuildTrace.swift) per snapshot, and of make with its children.

    python3 bench/edit_trace_ab.py csv|prose ROUNDS SNAPSHOT [SNAPSHOT ...]"""
import os, re, resource, statistics, subprocess, sys, collections
kind, rounds, snaps = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
env["DOSSIER_TRACE"] = "1"
rx = re.compile(r"trace:\s+([\d.]+) ms wall\s+([\d.]+) ms cpu\s+\[(\w+)\] (.*)")
data = {s: collections.defaultdict(list) for s in snaps}; order = []
for r in range(rounds):
    for s in snaps:
        if kind == "csv": subprocess.run(["python3", "bench/edit_input.py", "csv", "datasets/cases.csv"], cwd=s, check=True)
        else: subprocess.run(["python3", "bench/edit_input.py", "prose", "reports/china-lac-local/report.md"], cwd=s, check=True)
        b = resource.getrusage(resource.RUSAGE_CHILDREN)
        p = subprocess.run("make -s", shell=True, cwd=s, env=env, capture_output=True, text=True)
        a = resource.getrusage(resource.RUSAGE_CHILDREN)
        data[s]["make (CPU of make and children)"].append(1000 * (a.ru_utime - b.ru_utime + a.ru_stime - b.ru_stime))
        seen = collections.Counter()
        for line in p.stderr.splitlines():
            m = rx.match(line)
            if m:
                name = f"[{m.group(3)}] {m.group(4)[:60]}"
                seen[name] += 1
                if seen[name] > 1: name += f" #{seen[name]}"
                if name not in order: order.append(name)
                data[s][name].append(float(m.group(2)))
names = order + ["make (CPU of make and children)"]
print(f"{'phase':66s} " + " ".join(f"{os.path.basename(s):>12s}" for s in snaps))
for n in names:
    print(f"{n:66s} " + " ".join(f"{statistics.median(data[s][n]) if data[s][n] else float('nan'):12.1f}" for s in snaps))
