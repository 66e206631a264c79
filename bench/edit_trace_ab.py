#!/usr/bin/env python3
"""Traced CPU of the main thread's phases after each edit, two snapshots alternating (as
bench/edit_cpu.py makes them: one per binary, make run once in each).

    python3 bench/edit_trace_ab.py SNAPSHOT_A SNAPSHOT_B prose|csv RUNS

Each run edits each snapshot once (bench/edit_input.py) and runs `DOSSIER_TRACE=1 make -s`;
prints the median CPU milliseconds of the phases before the layout (and their sum), the layout
and the whole trace, for A and B, with every run's value."""
import os, re, statistics, subprocess, sys
snaps = {"A": sys.argv[1], "B": sys.argv[2]}
kind, runs = sys.argv[3], int(sys.argv[4])
phases = ["process start", "report front matter", "analyses", "figures not compiled", "document content prepared",
          "document cache key", "document laid out"]
before_layout = ["report front matter", "figures not compiled", "document content prepared", "document cache key"]
rows = phases + ["the four before the layout", "every phase, both threads"]
values = {name: {row: [] for row in rows} for name in snaps}
edit = os.path.join(os.path.dirname(os.path.abspath(__file__)), "edit_input.py")
target = "reports/china-lac-local/report.md" if kind == "prose" else "datasets/cases.csv"
for _ in range(runs):
    for name, snap in snaps.items():
        subprocess.run(["python3", edit, kind, target], cwd=snap, check=True)
        out = subprocess.run("make -s", shell=True, cwd=snap, env=dict(os.environ, DOSSIER_TRACE="1"),
                             capture_output=True, text=True)
        got, total = {}, 0.0
        for line in (out.stdout + out.stderr).splitlines():
            m = re.match(r"trace:\s+[\d.]+ ms wall\s+([\d.]+) ms cpu\s+\[(\w+)\] (.*)", line)
            if not m:
                continue
            cpu, thread, label = float(m.group(1)), m.group(2), m.group(3)
            total += cpu
            for phase in phases:
                if thread == "main" and label.startswith(phase):
                    got[phase] = got.get(phase, 0) + cpu
        for phase in phases:
            values[name][phase].append(got.get(phase, 0))
        values[name]["the four before the layout"].append(sum(got.get(p, 0) for p in before_layout))
        values[name]["every phase, both threads"].append(total)
for row in rows:
    a, b = values["A"][row], values["B"][row]
    print(f"{row:30s} A {statistics.median(a):6.1f}  B {statistics.median(b):6.1f}   "
          f"A: {' '.join(f'{v:.1f}' for v in a)}  B: {' '.join(f'{v:.1f}' for v in b)}")
