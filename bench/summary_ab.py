"""RESULTS.md's "Before and after" (bench/ab_before.sh; first written for issue 16's restructuring): the interleaved
hyperfine exports (bench/out/ab/x<size>-round-<n>.json), medians of each binary over all
rounds, the after/before ratio of each round, and the ratios against the faster peer."""
import glob
import json
import os
import re
import statistics
import struct
import subprocess

# A slowdown is called a regression only when it is larger than this and every round shows it.
NOISE = 0.05


def read_info(folder):
    info = {}
    path = os.path.join(folder, "info.txt")
    if os.path.exists(path):
        for line in open(path):
            key, _, value = line.rstrip("\n").partition("=")
            info[key] = value
    return info


def commits_between(before, after):
    """How many commits lead from before to after (git rev-list --count), or None."""
    if not before or not after or "?" in (before, after):
        return None
    done = subprocess.run(["git", "-C", os.path.dirname(os.path.abspath(__file__)), "rev-list", "--count",
                           f"{before}..{after}"], capture_output=True, text=True)
    return int(done.stdout) if done.returncode == 0 and done.stdout.strip().isdigit() else None


def rounds_by_size(folder):
    """{size: [{"before": [times], "after": [times]}, ...]} in round order."""
    found = {}
    for path in glob.glob(os.path.join(folder, "x*-round-*.json")):
        m = re.match(r"x(\d+)-round-(\d+)\.json$", os.path.basename(path))
        if not m:
            continue
        results = {r["command"]: r["times"] for r in json.load(open(path))["results"]}
        if "before" in results and "after" in results:
            found.setdefault(int(m.group(1)), []).append((int(m.group(2)), results))
    return {size: [r for _, r in sorted(rounds)] for size, rounds in sorted(found.items())}


def output_work(folder):
    """What one build wrote, for comparing the work two binaries do: {pages, files, bytes, png_megapixels,
    png_channels} of an output folder (a check build of bench/ab_before.sh), or None."""
    if not os.path.isdir(folder):
        return None
    work = {"pages": 0, "files": 0, "bytes": 0, "png_megapixels": 0.0, "png_channels": set()}
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            work["files"] += 1
            work["bytes"] += os.path.getsize(path)
            if name.endswith(".svg") and os.path.basename(root) == "pages":
                work["pages"] += 1
            if name.endswith(".png"):
                with open(path, "rb") as f:
                    header = f.read(26)
                width, height, _, colour = struct.unpack(">IIBB", header[16:26])
                work["png_megapixels"] += width * height / 1e6
                work["png_channels"].add({0: 1, 2: 3, 3: 1, 4: 2, 6: 4}.get(colour, 0))
    return work


def phase_means(path):
    """{label: {phase: mean CPU ms per build}} from a bench/phase_trace.py export; a phase is summed
    over the threads that ran it (the second thread takes some phases in one build, not in another)."""
    if not os.path.exists(path):
        return {}
    data = json.load(open(path))
    means = {}
    for size in data["sizes"]:
        per_phase = means.setdefault(size["label"], {})
        for entry in size["phases"]:
            per_phase[entry["phase"]] = per_phase.get(entry["phase"], 0.0) + sum(entry["cpu_ms"]) / data["runs"]
        per_phase["(whole process)"] = statistics.median(size["cpu_s"]) * 1000
    return means


def per_unit_rows(before, after, work_before, work_after):
    """Rows of CPU per unit of work: the page phases per page, the chart files per PNG megapixel."""
    rows = []
    units = [(("document laid out", "PDF rendered", "page SVGs rendered", "document laid out again, page SVGs rendered",
               "page glyph runs recorded", "page cache entries looked up"),
              "pages", "per page: layout + PDF + page SVGs"),
             (("chart files rendered",), "png_megapixels", "per chart PNG megapixel: chart files (SVG + PDF + PNG)")]
    for phases, key, title in units:
        if not work_before[key] or not work_after[key]:
            continue
        b = sum(before.get(p, 0.0) for p in phases) / work_before[key]
        a = sum(after.get(p, 0.0) for p in phases) / work_after[key]
        rows.append(f"| CPU ms {title} | {b:.1f} | {a:.1f} | {a - b:+.1f} |")
    return rows


def phase_comparison(folder):
    """Markdown: per size, each phase's CPU per build for both binaries, with the work each build did."""
    before, after = phase_means(os.path.join(folder, "phases-before.json")), phase_means(os.path.join(folder, "phases-after.json"))
    if not before or not after:
        return []
    md = ["Where the difference is: the same inputs built by each binary with `DOSSIER_TRACE=1` "
          "(bench/phase_trace.py; mean CPU ms per build of each phase, summed over the threads that ran it; the "
          "whole process is the median of user + system CPU). Phases are named as the after binary names them; "
          "a phase only one binary marks shows — on the other side. The work rows say what each build wrote "
          "(from the check builds), so that a phase that does more work can be told from one that got slower.", ""]
    for label in sorted(after, key=lambda l: int(l.lstrip("x"))):
        b, a = before.get(label, {}), after[label]
        wb = output_work(os.path.join(folder, f"check-before-{label}"))
        wa = output_work(os.path.join(folder, f"check-after-{label}"))
        md += [f"**{label.lstrip('x')}× data**", "", "| phase | before: CPU ms | after: CPU ms | change |", "| --- | ---: | ---: | ---: |"]
        names = [n for n in a if n != "(whole process)"] + [n for n in b if n not in a and n != "(whole process)"]
        for name in names + ["(whole process)"]:
            cells = [f"{v:.1f}" if (v := side.get(name)) is not None else "—" for side in (b, a)]
            change = f"{a[name] - b[name]:+.1f}" if name in a and name in b else "—"
            md.append(f"| {name} | {cells[0]} | {cells[1]} | {change} |")
        if wb and wa:
            for key, title, fmt in [("pages", "work: pages", "{}"), ("files", "work: files written", "{}"),
                                    ("bytes", "work: bytes written", "{:,}"),
                                    ("png_megapixels", "work: chart PNG megapixels", "{:.2f}")]:
                md.append(f"| {title} | {fmt.format(wb[key])} | {fmt.format(wa[key])} | |")
            md.append(f"| work: PNG channels | {'/'.join(map(str, sorted(wb['png_channels'])))} | "
                      f"{'/'.join(map(str, sorted(wa['png_channels'])))} | |")
            md += per_unit_rows(b, a, wb, wa)
        md.append("")
    return md


def seconds(v):
    return f"{v * 1000:.0f} ms" if v < 1 else f"{v:.2f} s"


def ab_section(folder, peer_medians):
    """Markdown lines. peer_medians: {scale: (peer name, median s)} of the faster peer in this run."""
    md = ["## Before and after: the `DOSSIER_BEFORE` binary against this run's", ""]
    skipped = os.path.join(folder, "skipped.txt")
    notes = [l.strip() for l in open(skipped)] if os.path.exists(skipped) else []
    data = rounds_by_size(folder) if os.path.isdir(folder) else {}
    if not data:
        return md + ["Not measured in this run: " + ("; ".join(notes) if notes else
                     "bench/ab_before.sh did not run") + ". Set `DOSSIER_BEFORE` to the old binary "
                     "(e.g. `make bench DOSSIER_BEFORE=/path/to/old/dossier`).", ""]
    info = read_info(folder)
    md += [f"bench/ab_before.sh: the before binary (`{info.get('before', '?')}`, "
           f"{info.get('before_rev', '?')}) against this run's binary ({info.get('after_rev', '?')}"
           + (f", {commits} commits later: the difference is everything merged in between"
              if (commits := commits_between(info.get('before_rev'), info.get('after_rev'))) else "")
           + "), on the flagship report, datasets and fonts as they "
           f"were at {info.get('report_commit', '?')} (inputs both build), scaled by bench/gen_scaled.py. Interleaved: "
           f"{info.get('rounds', '?')} hyperfine calls per size, each timing both binaries ({info.get('runs', '?')} runs each "
           "after a warm-up), the order swapped every round. The two binaries' outputs differ wherever the code "
           "between them changed what a build writes"
           + (f"; the before binary writes {info['before_files_x1']} files at 1×, the after binary {info['after_files_x1']}"
              if info.get("before_files_x1") else "") + ".", "",
           "| data | before: median (min) | after: median (min) | after / before (median) | per round | "
           "faster peer in this run | ratio before → after |",
           "| --- | ---: | ---: | ---: | --- | --- | ---: |"]
    verdicts = []
    for size, rounds in data.items():
        before = [t for r in rounds for t in r["before"]]
        after = [t for r in rounds for t in r["after"]]
        ratio = statistics.median(after) / statistics.median(before)
        per_round = [statistics.median(r["after"]) / statistics.median(r["before"]) for r in rounds]
        peer = peer_medians.get(size)
        peer_cell, ratio_cell = "—", "—"
        if peer:
            name, median = peer
            peer_cell = f"{name} {seconds(median)}"
            ratio_cell = f"{median / statistics.median(before):.1f}× → {median / statistics.median(after):.1f}×"
        md.append(f"| {size}× | {seconds(statistics.median(before))} ({seconds(min(before))}) | "
                  f"{seconds(statistics.median(after))} ({seconds(min(after))}) | **{ratio:.3f}** | "
                  + " ".join(f"{r:.2f}" for r in per_round) + f" | {peer_cell} | {ratio_cell} |")
        regression = ratio > 1 + NOISE and min(per_round) > 1
        verdicts.append((size, ratio, regression, per_round))
    md += [""]
    for size, ratio, regression, per_round in verdicts:
        change = f"{(ratio - 1) * 100:+.1f}%"
        if len(per_round) < 3:
            md.append(f"Verdict at {size}×: **too few rounds to call** ({len(per_round)}; {change} by median).")
        elif regression:
            md.append(f"Verdict at {size}×: **regression** — the after binary is {change} by median and slower in every round.")
        else:
            md.append(f"Verdict at {size}×: **no regression beyond noise** — {change} by median "
                      f"(rounds {min(per_round):.2f}–{max(per_round):.2f}; a regression would be > {NOISE:.0%} "
                      "and in every round).")
    if notes:
        md += ["", "Left out: " + "; ".join(notes) + "."]
    md += [""] + phase_comparison(folder)
    md += ["", "The ratio against the faster peer uses that peer's median on this run's current inputs "
           "(the \"Medians\" table below): the inputs of the A/B are the older report, close to but not the same as the current one.", ""]
    return md
