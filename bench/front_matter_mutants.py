#!/usr/bin/env python3
"""Mutated flagship front matters through `dossier stats` with two binaries: the exit code,
standard output and standard error must be byte-identical (a change to the front matter's
parsing or decoding must keep every diagnostic as it was).

    python3 bench/front_matter_mutants.py SNAPSHOT BIN_A BIN_B [LIMIT [STRIDE]]

SNAPSHOT is a copy of the repository (as for bench/edit_cpu.py); its
reports/china-lac-local/report.md is rewritten for each mutant and restored at the end.
Mutants: each front matter line deleted; each `key: value` line with the key renamed and the
value made `[x`, `{a: 1}`, `yes` or `'no'`, `-1.5e400` or `~`; each `holds:` text with one
character deleted (every third) and an operator doubled or lengthened. STRIDE keeps every
STRIDE-th of the line mutants and of the `holds:` mutants (bench/analysis.md, ninth round:
778 mutants with STRIDE 8).

    python3 bench/front_matter_mutants.py SNAPSHOT BIN_A BIN_B LIMIT STRIDE cached

compares `dossier build` instead: BIN_A without a cache, BIN_B twice with one cache folder for
all mutants (the second build of each reads the composed front matter the first stored:
FrontMatterComposer); the exit code and standard error of all three must be the same."""
import re, subprocess, sys
repo, a, b = sys.argv[1], sys.argv[2], sys.argv[3]
limit = int(sys.argv[4]) if len(sys.argv) > 4 else 10**9
path = f"{repo}/reports/china-lac-local/report.md"
original = open(path, encoding="utf-8").read()
lines = original.split("\n")
closing = lines.index("---", 1)
mutants = []
held = []
for i in range(1, closing):
    line = lines[i]
    mutants.append(lines[:i] + lines[i + 1:])
    m = re.match(r"^(\s*-?\s*)([A-Za-z_][\w-]*)(:\s*)(.*)$", line)
    if m:
        pre, key, sep, value = m.groups()
        for new in [pre + key + "x" + sep + value, pre + key + sep + "[x", pre + key + sep + "{a: 1}",
                    pre + key + sep + ("yes" if i % 2 else "'no'"), pre + key + sep + "-1.5e400", pre + key + sep + "~"]:
            mutants.append(lines[:i] + [new] + lines[i + 1:])
    if "holds:" in line:
        for j in range(line.index("holds:") + 7, len(line), 3):
            held.append(lines[:i] + [line[:j] + line[j + 1:]] + lines[i + 1:])
        for old, new in [(" and ", " andx "), (" and ", " and and "), ("<", "="), (">", ">>"), ("(", "(("), (" or ", " order ")]:
            if old in line:
                held.append(lines[:i] + [line.replace(old, new, 1)] + lines[i + 1:])
stride = int(sys.argv[5]) if len(sys.argv) > 5 else 1
mutants = (mutants[::stride] + held[::stride])[:limit]
cached = len(sys.argv) > 6 and sys.argv[6] == "cached"
def run(binary, cache=None):
    if not cached:
        r = subprocess.run([binary, "stats", "reports/china-lac-local"], cwd=repo, capture_output=True)
        return r.returncode, r.stdout, r.stderr
    command = [binary, "build", "reports/china-lac-local", "--fonts", "fonts", "--out", f"{repo}/.build/mutant-out"]
    r = subprocess.run(command + (["--cache", cache] if cache else []), cwd=repo, capture_output=True)
    return r.returncode, r.stderr
def run_b(binary):
    if not cached: return run(binary)
    first = run(binary, f"{repo}/.build/mutant-cache")
    second = run(binary, f"{repo}/.build/mutant-cache")
    return first if first == second else (first, second)
same = differ = errors = 0
try:
    for n, mutant in enumerate(mutants):
        open(path, "w", encoding="utf-8").write("\n".join(mutant))
        ra, rb = run(a), run_b(b)
        if ra == rb:
            same += 1
            errors += ra[0] != 0
        else:
            differ += 1
            print("DIFFER", n, str(ra)[-300:], str(rb)[-300:])
finally:
    open(path, "w", encoding="utf-8").write(original)
print(f"mutants {len(mutants)}: identical {same} (of them errors {errors}), different {differ}")
