#!/usr/bin/env python3
"""Edit costs of two (or more) snapshots, alternating, in the same minutes: per round and snapshot,
one edit then `make -s`, measured as the CPU (user+sys) of make and its children.

    python3 bench/edit_ab.py KIND ROUNDS SNAPSHOT [SNAPSHOT ...]

KIND: csv (bench/edit_input.py's note-cell edit), prose, touch (`touch datasets/cases.csv`), or
prose+csv (a prose edit and make, not measured, then a cell edit: the cell edit after a prose edit).
Unlike bench/edit_cpu.py, no round starts from a cold make: this is the steady state of one kind of
edit. Snapshots are made as bench/edit_cpu.py says (git archive, .dossier-project, the binary in
.build/release/dossier, one make)."""
import os, resource, statistics, subprocess, sys
kind, rounds, snaps = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
def run(cmd, snap): subprocess.run(cmd, shell=True, cwd=snap, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
def cpu(cmd, snap):
    b = resource.getrusage(resource.RUSAGE_CHILDREN); run(cmd, snap); a = resource.getrusage(resource.RUSAGE_CHILDREN)
    return 1000 * (a.ru_utime - b.ru_utime + a.ru_stime - b.ru_stime)
res = {s: [] for s in snaps}
for r in range(rounds):
    for s in snaps:
        if kind in ("csv", "prose+csv"):
            if kind == "prose+csv":
                run("python3 bench/edit_input.py prose reports/china-lac-local/report.md && make -s", s)
            run("python3 bench/edit_input.py csv datasets/cases.csv", s)
        elif kind == "prose":
            run("python3 bench/edit_input.py prose reports/china-lac-local/report.md", s)
        elif kind == "touch":
            run("touch datasets/cases.csv", s)
        res[s].append(cpu("make -s", s))
for s in snaps:
    v = res[s]
    print(f"{s}: median {statistics.median(v):6.1f} mean {statistics.mean(v):6.1f} min {min(v):6.1f}  " + " ".join(f"{x:.0f}" for x in v))
