#!/usr/bin/env python3
"""When a build creates its output files, against its traced phases: ROUNDS builds of each binary,
alternated (the order reversed every round), each into a folder removed right before it (as hyperfine's
--prepare does), with DOSSIER_TRACE=1. Each output's birth time (`stat -c %.9W`: when its temporary was
created, which the rename keeps) is compared with the end of the last page SVG; prints, per build and as
medians, the wall time, the wall from the end of the layout to the outputs written, how many files were
created after the last page, and the process CPU (user + system).

    python3 bench/stage_births.py ROUNDS BINARY... [--report DIR] [--fonts DIR] [--out DIR]

(default report: the 1000× copy, /work/notes/scaled/x1000/reports/china-lac-local; run from the
repository's root for --fonts fonts.)"""
import argparse, os, re, resource, shutil, statistics, subprocess, time
TRACE = re.compile(r"^trace:\s+([0-9.]+) ms wall\s+([0-9.]+) ms cpu\s+\[(\w+)\] (.+)$")
ap = argparse.ArgumentParser()
ap.add_argument('rounds', type=int)
ap.add_argument('bins', nargs='+')
ap.add_argument('--report', default='/work/notes/scaled/x1000/reports/china-lac-local')
ap.add_argument('--fonts', default='fonts')
ap.add_argument('--out', default='/tmp/stage-births-out')
a = ap.parse_args()
results = {b: [] for b in a.bins}
for r in range(a.rounds):
    for b in (a.bins if r % 2 == 0 else a.bins[::-1]):
        shutil.rmtree(a.out, ignore_errors=True)
        t0 = time.time(); r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        p = subprocess.run([b, 'build', a.report, '--out', a.out, '--fonts', a.fonts], env=dict(os.environ, DOSSIER_TRACE='1'),
                           capture_output=True, text=True)
        wall = (time.time() - t0) * 1000; r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        assert p.returncode == 0, p.stderr
        ends = {}
        for line in p.stderr.splitlines():
            m = TRACE.match(line.strip())
            if m: ends[f"[{m.group(3)}] {m.group(4)}"] = float(m.group(1))
        files = [os.path.join(d, f) for d, _, names in os.walk(a.out) for f in names]
        births = [(float(x) - t0) * 1000 for x in subprocess.run(['stat', '-c', '%.9W'] + files, capture_output=True, text=True).stdout.split()]
        pages_end = max(v for k, v in ends.items() if 'page SVGs rendered' in k)
        from_layout = ends['[main] outputs written'] - ends['[main] document laid out']
        after = sum(1 for x in births if x >= pages_end)
        cpu = 1000 * (r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime)
        results[b].append((wall, from_layout, after, cpu))
        print(f"{b}: wall {wall:.0f} ms, layout's end to outputs written {from_layout:.0f} ms, "
              f"files created after the last page {after} of {len(files)}, CPU {cpu:.0f} ms", flush=True)
shutil.rmtree(a.out, ignore_errors=True)
for b in a.bins:
    wall, from_layout, after, cpu = zip(*results[b])
    print(f"median {b}: wall {statistics.median(wall):.0f}, layout's end to outputs written {statistics.median(from_layout):.0f}, "
          f"created after the last page {statistics.median(after):.0f}, CPU {statistics.median(cpu):.0f}")
