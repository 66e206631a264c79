#!/usr/bin/env python3
"""Reference strings for DossierBase's NumberText.fixed, written by Python's own formatter.

Writes Tests/DossierBaseTests/Fixtures/number_text.tsv: one line per case,
`value<TAB>decimals<TAB>grouping<TAB>expected`, where value is repr(x) (round-trips exactly),
grouping is 0 or 1, and expected is format(x, '.{d}f') or format(x, ',.{d}f'), untouched: the
Swift test applies Dossier's two documented departures (U+2212 for the minus sign, no sign on a
number that rounds to zero). Python rounds the exact binary value to nearest, ties to even,
like C's printf: an implementation independent of Dossier's.

Deterministic (random.Random with a fixed seed):

    python3 scripts/number_text_reference.py
"""
import os
import random
import struct

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "DossierBaseTests", "Fixtures", "number_text.tsv")


def edge_cases():
    values = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, -0.125, 2.675, 1.005, 1.015, 0.285,
              1e15 + 0.5, 1e15 - 0.5, 2.0 ** 52 + 0.5, 2.0 ** 53, 1e16, 1e22, 1e23, 1.7976931348623157e308,
              5e-324, 2.2250738585072014e-308, 1e-7, 9.995, 9.9949999, 99.5, 999.5, 0.045, 0.055,
              -0.004, -0.005, -0.0051, 1234567.891, -1234567.891, 0.1, 0.2, 0.3, 1 / 3, 2 / 3]
    cases = []
    for x in values:
        for d in [0, 1, 2, 3, 6, 12, 17, 20]:
            cases.append((x, d, False))
            cases.append((x, d, True))
    return cases


def random_cases(rng, count):
    cases = []
    for _ in range(count):
        kind = rng.randrange(5)
        d = rng.randrange(0, 13)
        if kind == 0:    # any double from its bits (finite only)
            while True:
                x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
                if x == x and abs(x) != float("inf"):
                    break
            d = rng.randrange(0, 21)
        elif kind == 1:  # decimal-looking values with a 5 just past the kept digits
            d = rng.randrange(0, 6)
            x = float(f"{rng.randrange(-10 ** 7, 10 ** 7) / 10 ** (d + 1):.{d + 1}f}".rstrip("0") + "5")
        elif kind == 2:  # exact binary ties k / 2^n
            x = rng.randrange(-10 ** 6, 10 ** 6) / 2 ** rng.randrange(1, 12)
        elif kind == 3:  # magnitudes across the range
            x = rng.uniform(-1, 1) * 10 ** rng.randrange(-12, 18)
        else:            # report-like numbers
            x = round(rng.uniform(-1000, 100000), rng.randrange(0, 8))
        cases.append((x, d, rng.random() < 0.3))
    return cases


def main():
    rng = random.Random(16)
    cases = edge_cases() + random_cases(rng, 4000)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as fh:
        for x, d, grouping in cases:
            spec = f"{',' if grouping else ''}.{d}f"
            fh.write(f"{x!r}\t{d}\t{int(grouping)}\t{format(x, spec)}\n")
    print(f"{OUT}: {len(cases)} cases")


if __name__ == "__main__":
    main()
