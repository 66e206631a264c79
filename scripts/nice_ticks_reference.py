#!/usr/bin/env python3
"""Reference ticks for Tests/DossierChartsTests/NiceTicksTests.swift.

Two independent sources must agree, case by case:
  1. R's labeling::extended (labeling 0.4.2, Debian package r-cran-labeling), run through Rscript;
  2. a line-by-line Python transliteration of it (below), from Talbot, Lin & Hanrahan,
     "An Extension of Wilkinson's Algorithm for Positioning Tick Labels on Axes" (InfoVis 2010).

Prints the Swift table rows used by the test (`RCase(...)`). Without Rscript, pass --no-r to
emit the transliteration's values alone.

    python3 scripts/nice_ticks_reference.py            # compare with R and print rows
"""
import math
import subprocess
import sys

Q = [1, 5, 2, 2.5, 4, 3]
W = [0.25, 0.2, 0.5, 0.05]
EPS = 2.220446049250313e-16 * 100


def rmod(x, y):  # R's %% for doubles (floored)
    return x - math.floor(x / y) * y


def simplicity(i, j, lmin, lmax, lstep):
    n = len(Q)
    r = rmod(lmin, lstep)
    v = 1 if ((r < EPS or lstep - r < EPS) and lmin <= 0 and lmax >= 0) else 0
    return 1 - i / (n - 1) - j + v


def simplicity_max(i, j):
    return 1 - i / (len(Q) - 1) - j + 1


def coverage(dmin, dmax, lmin, lmax):
    rng = dmax - dmin
    return 1 - 0.5 * ((dmax - lmax) ** 2 + (dmin - lmin) ** 2) / ((0.1 * rng) ** 2)


def coverage_max(dmin, dmax, span):
    rng = dmax - dmin
    if span > rng:
        half = (span - rng) / 2
        return 1 - 0.5 * (half ** 2 + half ** 2) / ((0.1 * rng) ** 2)
    return 1


def density(k, m, dmin, dmax, lmin, lmax):
    r = (k - 1) / (lmax - lmin)
    rt = (m - 1) / (max(lmax, dmax) - min(dmin, lmin))
    return 2 - max(r / rt, rt / r)


def density_max(k, m):
    return 2 - (k - 1) / (m - 1) if k >= m else 1


def extended(dmin, dmax, m, only_loose=False):
    if dmin > dmax:
        dmin, dmax = dmax, dmin
    best = None
    best_score = -2
    j = 1
    while True:
        stop = False
        for i, q in enumerate(Q):
            sm = simplicity_max(i, j)
            if W[0] * sm + W[1] + W[2] + W[3] < best_score:
                stop = True
                break
            k = 2
            while True:
                dm = density_max(k, m)
                if W[0] * sm + W[1] + W[2] * dm + W[3] < best_score:
                    break
                delta = (dmax - dmin) / (k + 1) / j / q
                z = math.ceil(math.log10(delta))
                while True:
                    step = j * q * 10.0 ** z
                    cm = coverage_max(dmin, dmax, step * (k - 1))
                    if W[0] * sm + W[1] * cm + W[2] * dm + W[3] < best_score:
                        break
                    min_start = math.floor(dmax / step) * j - (k - 1) * j
                    max_start = math.ceil(dmin / step) * j
                    if min_start > max_start:
                        z += 1
                        continue
                    for start in range(int(min_start), int(max_start) + 1):
                        lmin = start * (step / j)
                        lmax = lmin + step * (k - 1)
                        s = simplicity(i, j, lmin, lmax, step)
                        c = coverage(dmin, dmax, lmin, lmax)
                        g = density(k, m, dmin, dmax, lmin, lmax)
                        score = W[0] * s + W[1] * c + W[2] * g + W[3] * 1
                        if score > best_score and (not only_loose or (lmin <= dmin and lmax >= dmax)):
                            best_score = score
                            best = (lmin, lmax, step)
                    z += 1
                k += 1
        if stop:
            break
        j += 1
    lmin, lmax, step = best
    count = int(math.floor((lmax - lmin) / step + 1e-10)) + 1
    return [lmin + i * step for i in range(count)]


CASES = [
    # (dmin, dmax, m, only_loose)
    (0, 1, 5, False), (0, 10, 5, False), (0, 100, 5, False), (1, 9, 5, False),
    (-1, 1, 5, False), (-3.7, 12.2, 5, False), (0.1, 0.9, 5, False), (8.1, 14.1, 4, False),
    (0, 0.3, 5, False), (-0.03, 0.04, 5, False), (0.001, 0.0043, 5, False), (2.5, 97.3, 5, False),
    (1234, 5678, 5, False), (-250, -30, 5, False), (-1e6, 3e6, 5, False), (0.5, 0.55, 5, False),
    (1990, 2024, 5, False), (2010, 2023, 7, False), (0, 28, 5, False), (0, 1, 3, False),
    (0, 1, 10, False), (0, 100, 10, False), (-5.5, 5.5, 7, False), (17.3, 17.9, 5, False),
    (0, 1, 5, True), (1, 9, 5, True), (-3.7, 12.2, 5, True), (8.1, 14.1, 4, True),
    (2.5, 97.3, 5, True), (0.001, 0.0043, 5, True), (1990, 2024, 5, True), (-250, -30, 5, True),
    (123456, 987654, 6, False), (0.000123, 0.000456, 5, False), (3, 3.4, 5, False), (-0.7, 0.2, 5, True),
    (1987, 2023, 2, True), (1987, 2023, 3, True), (3.3, 3.31, 2, True), (3.3, 3.31, 5, True),
    (-3.7, 12.2, 2, True), (0.013, 0.981, 7, False), (-17, 4, 4, False), (42, 42.8, 6, True),
]


def r_extended(cases):
    lines = []
    for dmin, dmax, m, loose in cases:
        lines.append(
            "cat(sprintf('%%.17g', labeling::extended(%r, %r, %d, only.loose=%s)), sep=' '); cat('\\n')"
            % (float(dmin), float(dmax), m, "TRUE" if loose else "FALSE"))
    out = subprocess.run(["Rscript", "-e", "\n".join(lines)], capture_output=True, text=True, check=True)
    return [[float(x) for x in line.split()] for line in out.stdout.strip().split("\n")]


def fmt(x):
    r = round(x, 12)
    s = repr(float(r))
    return s[:-2] if s.endswith(".0") else s


def main():
    use_r = "--no-r" not in sys.argv
    ours = [extended(float(a), float(b), m, loose) for a, b, m, loose in CASES]
    if use_r:
        theirs = r_extended(CASES)
        for case, a, b in zip(CASES, ours, theirs):
            if len(a) != len(b) or any(abs(x - y) > 1e-9 * max(1, abs(y)) for x, y in zip(a, b)):
                sys.exit("mismatch for %r: python %r, R %r" % (case, a, b))
        print("// all %d cases: Python transliteration == R labeling::extended" % len(CASES), file=sys.stderr)
    for (dmin, dmax, m, loose), ticks in zip(CASES, ours):
        print("RCase(%s, %s, %d, %s, [%s])," % (
            fmt(dmin), fmt(dmax), m, "true" if loose else "false", ", ".join(fmt(t) for t in ticks)))


if __name__ == "__main__":
    main()
