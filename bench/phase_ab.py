#!/usr/bin/env python3
"""A/B of traced builds: python3 bench/phase_ab.py RUNS BINARY... [--report DIR] [--fonts DIR] [--out DIR]

RUNS builds of a report (default: the 1× flagship) with each binary, alternated (the order reversed every
round), each into an emptied folder (removed right before the build, as hyperfine's --prepare does) with
DOSSIER_TRACE=1; prints the median CPU ms of each phase and, in brackets, the median wall time at which it
ended, then the whole process's CPU (user + system), user, system and wall time, one column per binary.
--report /work/notes/scaled/x1000/reports/china-lac-local --fonts fonts measures the 1000× build."""
import argparse, os, re, subprocess, shutil, resource, statistics, time, collections
TRACE = re.compile(r"^trace:\s+([0-9.]+) ms wall\s+([0-9.]+) ms cpu\s+\[(\w+)\] (.+)$")
ap = argparse.ArgumentParser()
ap.add_argument('runs', type=int)
ap.add_argument('bins', nargs='+')
ap.add_argument('--report', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'reports', 'china-lac-local'))
ap.add_argument('--fonts')
ap.add_argument('--out', default='/tmp/phase-ab-out')
a = ap.parse_args()
data = {b: collections.defaultdict(list) for b in a.bins}
ends = {b: collections.defaultdict(list) for b in a.bins}
order = []
for i in range(a.runs):
    for b in (a.bins if i % 2 == 0 else list(reversed(a.bins))):
        shutil.rmtree(a.out, ignore_errors=True)
        command = [b, 'build', a.report, '--out', a.out] + (['--fonts', a.fonts] if a.fonts else [])
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN); t0 = time.monotonic()
        p = subprocess.run(command, env=dict(os.environ, DOSSIER_TRACE='1'), capture_output=True, text=True)
        wall = time.monotonic() - t0; r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        assert p.returncode == 0, p.stderr
        seen = collections.Counter()
        for line in p.stderr.splitlines():
            m = TRACE.match(line.strip())
            if m:
                key = f"[{m.group(3)}] {m.group(4)[:55]}"
                seen[key] += 1
                if seen[key] > 1: key += f" #{seen[key]}"
                if key not in order: order.append(key)
                data[b][key].append(float(m.group(2)))
                ends[b][key].append(float(m.group(1)))
        user, system = r1.ru_utime - r0.ru_utime, r1.ru_stime - r0.ru_stime
        data[b]['process CPU'].append(1000 * (user + system))
        data[b]['process user'].append(1000 * user)
        data[b]['process system'].append(1000 * system)
        data[b]['process wall'].append(1000 * wall)
shutil.rmtree(a.out, ignore_errors=True)


def cell(b, key):
    if not data[b][key]: return '-'
    text = f"{statistics.median(data[b][key]):.1f}"
    return text + (f" ({statistics.median(ends[b][key]):.0f})" if ends[b][key] else '')


print('phase | ' + ' | '.join(a.bins))
for key in order + ['process CPU', 'process user', 'process system', 'process wall']:
    print(f"{key} | " + ' | '.join(cell(b, key) for b in a.bins))
for key in ['process CPU', 'process wall']:
    print(f"{key} per run: " + ' || '.join(' '.join(f"{v:.0f}" for v in data[b][key]) for b in a.bins))
