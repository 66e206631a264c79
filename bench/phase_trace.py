#!/usr/bin/env python3
"""Where a full build's time goes at each data size: RUNS builds of each report with
`DOSSIER_TRACE=1` (each into an emptied output folder), the phases parsed from standard error,
written as JSON for bench/summarize.py ("Where the time goes at each size").

    python3 bench/phase_trace.py DOSSIER OUT.json RUNS LABEL=REPORT_DIR [LABEL=REPORT_DIR ...] [--fonts DIR]

A trace line is `trace: <wall> ms wall <cpu> ms cpu  [<thread>] <phase>`: the wall time since
the build started when the phase ended, and the CPU time the thread spent since its previous
mark (BuildTrace.swift). The JSON holds, per label, each phase's CPU and end times over the
runs (in the order the phases first appear), the process's whole wall time and CPU time
(user + system, children included) and the build's page count."""
import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time

TRACE = re.compile(r"^trace:\s+([0-9.]+) ms wall\s+([0-9.]+) ms cpu\s+\[(\w+)\] (.+)$")


def one_build(dossier, report, out, fonts):
    """One traced build: ([(thread, phase, wall_end_ms, cpu_ms)], wall_s, cpu_s)."""
    shutil.rmtree(out, ignore_errors=True)
    env = dict(os.environ, DOSSIER_TRACE="1")
    command = [dossier, "build", report, "--out", out] + (["--fonts", fonts] if fonts else [])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"phase_trace: {' '.join(command)} exited {done.returncode}:\n{done.stderr[-2000:]}")
    phases = []
    for line in done.stderr.splitlines():
        m = TRACE.match(line.strip())
        if m:
            phases.append((m.group(3), m.group(4), float(m.group(1)), float(m.group(2))))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return phases, wall, cpu


def page_count(out):
    pages = os.path.join(out, "pages")
    return len([n for n in os.listdir(pages) if n.endswith(".svg")]) if os.path.isdir(pages) else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dossier")
    ap.add_argument("json")
    ap.add_argument("runs", type=int)
    ap.add_argument("reports", nargs="+", help="LABEL=REPORT_DIR")
    ap.add_argument("--fonts")
    ap.add_argument("--scratch", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out", "trace-build"))
    a = ap.parse_args()
    result = {"runs": a.runs, "sizes": []}
    for item in a.reports:
        label, report = item.split("=", 1)
        size = {"label": label, "report": report, "phases": [], "wall_s": [], "cpu_s": [], "pages": None}
        index = {}
        for _ in range(a.runs):
            phases, wall, cpu = one_build(a.dossier, report, a.scratch, a.fonts)
            size["wall_s"].append(round(wall, 4))
            size["cpu_s"].append(round(cpu, 4))
            seen = {}
            for thread, phase, end, spent in phases:
                # A phase can be marked twice on one thread (it is then a second pass): number it.
                seen[(thread, phase)] = seen.get((thread, phase), 0) + 1
                key = (thread, phase if seen[(thread, phase)] == 1 else f"{phase} ({seen[(thread, phase)]})")
                if key not in index:
                    index[key] = len(size["phases"])
                    size["phases"].append({"thread": key[0], "phase": key[1], "cpu_ms": [], "end_ms": []})
                entry = size["phases"][index[key]]
                entry["cpu_ms"].append(spent)
                entry["end_ms"].append(end)
        size["pages"] = page_count(a.scratch)
        result["sizes"].append(size)
        print(f"  TRACE   {label}: {a.runs} traced builds of {report}", file=sys.stderr)
    shutil.rmtree(a.scratch, ignore_errors=True)
    with open(a.json, "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
