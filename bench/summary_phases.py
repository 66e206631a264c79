"""RESULTS.md's "Where the time goes at each size": the phase table from bench/phase_trace.py's
JSON (median over the traced runs of each phase's CPU time and of the wall time at its end)."""
import json
import os
import statistics


def merged_order(sizes):
    """Every (thread, phase) of every size, each where it first appears: a phase a size adds
    goes after the phase before it in that size's own order."""
    order = []
    for size in sizes:
        previous = None
        for entry in size["phases"]:
            key = (entry["thread"], entry["phase"])
            if key not in order:
                order.insert(order.index(previous) + 1 if previous in order else len(order), key)
            previous = key
    return order


def unmarked(size):
    """Per run: the process CPU (ms) that no trace mark accounts for."""
    return [cpu * 1000 - sum(e["cpu_ms"][i] for e in size["phases"] if i < len(e["cpu_ms"]))
            for i, cpu in enumerate(size["cpu_s"])]


def phase_section(path):
    """Markdown lines, or a note when the trace was not run."""
    md = ["## Where the time goes at each size", ""]
    if not path or not os.path.exists(path):
        return md + ["Not measured in this run (bench/phase_trace.py did not run).", ""]
    data = json.load(open(path))
    sizes = data["sizes"]
    runs = ", ".join(f"{len(s['wall_s'])} at {s['label']}" for s in sizes)
    md += ["Generated from `DOSSIER_TRACE=1 dossier build` runs of the flagship report at each size "
           f"(bench/phase_trace.py; traced builds: {runs}; each into an emptied output folder, "
           "no build cache). Each phase: **CPU ms** of the thread that ran it since its previous mark, "
           "and, in brackets, the wall time (ms since the build started) at which it ended; both medians over "
           "the runs. `main` is the calling thread, `second` a helper thread (the data-package prefetch during "
           "the front matter, the second thread of the analyses, of the figures, of the manifest's hashing and of "
           "the output commit, the render thread), each marked when its phase ends; `pool` is the CPU of the "
           "CSV loader's pool threads (its chunk workers); `process` is the process CPU no line counted by the "
           "time the outputs were written (start-up, and any thread that marks nothing).", ""]
    header = "| phase | thread | " + " | ".join(f"{s['label']}: CPU ms (ends at)" for s in sizes) + " |"
    md += [header, "| --- | --- | " + " | ".join("---:" for _ in sizes) + " |"]
    for thread, phase in merged_order(sizes):
        cells = []
        for size in sizes:
            entry = next((e for e in size["phases"] if (e["thread"], e["phase"]) == (thread, phase)), None)
            if entry is None:
                cells.append("—")
            else:
                cells.append(f"{statistics.median(entry['cpu_ms']):,.0f} ({statistics.median(entry['end_ms']):,.0f})")
        md.append(f"| {phase} | {thread} | " + " | ".join(cells) + " |")
    md.append("| not in any trace line (exit, after the outputs are written) | | " + " | ".join(
        f"{statistics.median(unmarked(s)):,.0f}" for s in sizes) + " |")
    md.append("| **whole process**: wall ms; CPU ms (user + system, all threads) | | " + " | ".join(
        f"**{statistics.median(s['wall_s']) * 1000:,.0f}**; {statistics.median(s['cpu_s']) * 1000:,.0f}" for s in sizes) + " |")
    md.append("| pages in the PDF | | " + " | ".join(f"{s['pages']:,}" if s.get("pages") else "?" for s in sizes) + " |")
    md += [""]
    # The three largest phases by CPU at each size, in words.
    for size in sizes:
        ranked = sorted(size["phases"], key=lambda e: statistics.median(e["cpu_ms"]), reverse=True)[:3]
        total = statistics.median(size["cpu_s"]) * 1000
        parts = [f"{e['phase']} ({statistics.median(e['cpu_ms']):,.0f} ms, {statistics.median(e['cpu_ms']) / total:.0%})"
                 for e in ranked]
        md.append(f"- {size['label']}: the largest phases by CPU are " + ", ".join(parts)
                  + f" of {total:,.0f} ms of process CPU.")
    if len(sizes) >= 2:
        first, last = sizes[0], sizes[-1]
        md.append(f"- From {first['label']} to {last['label']} the process CPU grows "
                  f"{statistics.median(last['cpu_s']) / statistics.median(first['cpu_s']):.1f}× "
                  f"and the wall time {statistics.median(last['wall_s']) / statistics.median(first['wall_s']):.1f}×.")
    return md + [""]
