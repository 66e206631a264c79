#!/usr/bin/env python3
"""A/B of traced builds: python3 bench/phase_ab.py RUNS BINARY... — RUNS builds of the 1× flagship with each
binary, alternated, each into an emptied folder with DOSSIER_TRACE=1; prints the median CPU ms of each phase
and of the whole process (user + system), and the median wall time, one column per binary."""
import os, re, subprocess, sys, shutil, resource, statistics, time, collections
TRACE = re.compile(r"^trace:\s+([0-9.]+) ms wall\s+([0-9.]+) ms cpu\s+\[(\w+)\] (.+)$")
report = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'reports', 'china-lac-local')
bins = sys.argv[2:]; n = int(sys.argv[1])
data = {b: collections.defaultdict(list) for b in bins}
order = []
for i in range(n):
    for b in bins:
        out = '/tmp/phase-ab-out'; shutil.rmtree(out, ignore_errors=True)
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN); t0 = time.monotonic()
        p = subprocess.run([b, 'build', report, '--out', out], env=dict(os.environ, DOSSIER_TRACE='1'), capture_output=True, text=True)
        wall = time.monotonic() - t0; r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        assert p.returncode == 0, p.stderr
        for line in p.stderr.splitlines():
            m = TRACE.match(line.strip())
            if m:
                key = f"[{m.group(3)}] {m.group(4)[:45]}"
                if key not in order: order.append(key)
                data[b][key].append(float(m.group(2)))
        data[b]['process CPU'].append(1000*(r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime))
        data[b]['process wall'].append(1000*wall)
print('phase | ' + ' | '.join(bins))
for key in order + ['process CPU', 'process wall']:
    print(f"{key} | " + ' | '.join(f"{statistics.median(data[b][key]):.1f}" if data[b][key] else '-' for b in bins))
