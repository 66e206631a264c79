#!/usr/bin/env python3
"""Which page SVGs a prose edit changes, and how many `page` entries the build cache gains, in a
snapshot REPO made as in the rules of bench/edit_cpu.py (make run once there first):

    python3 bench/prose_pages.py REPO N          # N edits of bench/edit_input.py prose (page 1)
    python3 bench/prose_pages.py REPO N page2    # N edits appending " Edit N." to a paragraph on page 2
"""
import hashlib, os, re, subprocess, sys
repo, n = sys.argv[1], int(sys.argv[2]); where = sys.argv[3] if len(sys.argv) > 3 else "page1"
out = os.path.join(repo, "reports/china-lac-local/out/pages"); cache = os.path.join(repo, ".build/make/china-lac-local/cache/page")
report = os.path.join(repo, "reports/china-lac-local/report.md")
def digests(): return {f: hashlib.sha256(open(os.path.join(out, f), "rb").read()).hexdigest() for f in sorted(os.listdir(out))}
def entries(): return sum(len(fs) for _, _, fs in os.walk(cache))
for i in range(n):
    before, e0 = digests(), entries()
    if where == "page1":
        subprocess.run(["python3", "bench/edit_input.py", "prose", "reports/china-lac-local/report.md"], cwd=repo, check=True)
    else:  # the paragraph that starts "Counted plainly, ties do follow authority." (page 2)
        text = open(report, encoding="utf-8").read()
        m = re.search(r"(Counted plainly, \[ties do follow[^\n]*(?:\n[^\n]+)*)", text)
        para = m.group(1); new = re.sub(r" Edit \d+\.$", "", para) + f" Edit {i+1}."
        open(report, "w", encoding="utf-8").write(text.replace(para, new))
    subprocess.run("make -s --no-print-directory >/dev/null", shell=True, cwd=repo, check=True)
    after = digests()
    changed = [f for f in after if before.get(f) != after[f]]
    print(f"edit {i+1} ({where}): {len(after)} pages, changed {changed}, new page entries {entries()-e0}")
