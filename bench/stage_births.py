import os, re, subprocess, sys, time, shutil, statistics, resource
rounds, bins = int(sys.argv[1]), sys.argv[2:]
report = '/work/notes/scaled/x1000/reports/china-lac-local'; out = '/tmp/stagescale-birth'
TRACE = re.compile(r"^trace:\s+([0-9.]+) ms wall\s+([0-9.]+) ms cpu\s+\[(\w+)\] (.+)$")
res = {b: [] for b in bins}
for r in range(rounds):
    for b in (bins if r % 2 == 0 else bins[::-1]):
        shutil.rmtree(out, ignore_errors=True)
        t0 = time.time(); r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        p = subprocess.run([b, 'build', report, '--out', out, '--fonts', 'fonts'], env=dict(os.environ, DOSSIER_TRACE='1'), capture_output=True, text=True)
        wall = (time.time() - t0) * 1000; r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        ends = {}
        for line in p.stderr.splitlines():
            m = TRACE.match(line.strip())
            if m: ends[f"[{m.group(3)}] {m.group(4)}"] = float(m.group(1))
        files = [os.path.join(d, f) for d, _, fs in os.walk(out) for f in fs]
        births = [(float(x) - t0) * 1000 for x in subprocess.run(['stat', '-c', '%.9W'] + files, capture_output=True, text=True).stdout.split()]
        pages_end = max(v for k, v in ends.items() if 'page SVGs rendered' in k)
        layout = ends['[main] document laid out']; written = ends['[main] outputs written']
        after = sum(1 for x in births if x >= pages_end)
        cpu = 1000 * (r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime)
        res[b].append((wall, written - layout, after, cpu))
        print(f"{os.path.basename(b)}: wall {wall:.0f} from-layout {written - layout:.0f} created-after-pages {after} cpu {cpu:.0f}", flush=True)
shutil.rmtree(out, ignore_errors=True)
for b in bins:
    w, f, a, c = zip(*res[b])
    print(f"MEDIAN {os.path.basename(b)}: wall {statistics.median(w):.0f} from-layout {statistics.median(f):.0f} after-pages {statistics.median(a):.0f} cpu {statistics.median(c):.0f}")
