#!/usr/bin/env python3
"""CPU time (user+sys, children included) of a full build and of make after each kind of edit,
in a snapshot of the repository made as bench/run.sh makes bench/out/repo (with a
.dossier-project file at its root). CPU time, not wall time: it holds on a loaded machine.

    python3 bench/edit_cpu.py SNAPSHOT RUNS [OUT.json]

Each run: three full `dossier build`s (no cache), a cold make (make state and out/ removed), a
no-op make, `touch datasets/cases.csv`, a note-cell edit and a prose edit (bench/edit_input.py),
each followed by make. Prints medians and each as a share of the full build; with OUT.json,
also writes every run's CPU milliseconds by step (bench/summarize.py reads it: `make bench`)."""
import json, os, resource, statistics, subprocess, sys, shutil, time
snap, runs = sys.argv[1], int(sys.argv[2])
full_out = os.path.join(snap, ".build", "edit-cpu-full-build")
edit = os.path.join(os.path.dirname(os.path.abspath(__file__)), "edit_input.py")
env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
def cpu(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, shell=True, cwd=snap, env=env, check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return 1000 * ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
results = {"full dossier build": [], "cold make": [], "make no-op": [], "touch cases.csv": [], "cell edit (note)": [], "prose edit": []}
# The full build is the denominator of every share: three of them a round, so that one
# disturbed run cannot move its median (five runs put one cell edit at 29% and, minutes later,
# seven at 38% of a full build whose median moved from 527 to 419 ms).
for _ in range(runs):
    for _ in range(3):
        shutil.rmtree(full_out, ignore_errors=True)
        results["full dossier build"].append(cpu(f".build/release/dossier build reports/china-lac-local --out {full_out}"))
    subprocess.run("rm -rf .build/make reports/china-lac-local/out", shell=True, cwd=snap, check=True)
    results["cold make"].append(cpu("make -s --no-print-directory"))
    results["make no-op"].append(cpu("make -s --no-print-directory"))
    time.sleep(0.02)
    results["touch cases.csv"].append(cpu("touch datasets/cases.csv && make -s --no-print-directory"))
    time.sleep(0.02)
    subprocess.run(["python3", edit, "csv", "datasets/cases.csv"], cwd=snap, check=True)
    results["cell edit (note)"].append(cpu("make -s --no-print-directory"))
    time.sleep(0.02)
    subprocess.run(["python3", edit, "prose", "reports/china-lac-local/report.md"], cwd=snap, check=True)
    results["prose edit"].append(cpu("make -s --no-print-directory"))
full = statistics.median(results["full dossier build"])
for name, values in results.items():
    m = statistics.median(values)
    print(f"{name:20s} median {m:6.0f} ms CPU  ({100*m/full:4.0f}% of a full dossier build)  runs: {' '.join(f'{v:.0f}' for v in values)}")
shutil.rmtree(full_out, ignore_errors=True)
if len(sys.argv) > 3:
    with open(sys.argv[3], "w") as f:
        json.dump({"runs": runs, "cpu_ms": {name: [round(v, 1) for v in values] for name, values in results.items()}}, f, indent=1)
