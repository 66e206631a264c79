#!/usr/bin/env python3
"""A fresh edit of one input for the make benchmarks, different at every call (a counter kept
in FILE.edits), so that no cache has seen the result before.

    python3 bench/edit_input.py prose REPORT.md   # the first paragraph of the body gets " Edit N."
    python3 bench/edit_input.py csv CASES.csv     # the first row's last column (a note) gets " (edit N)"

Neither edit changes a number the report computes: the prose edit changes the text of one
paragraph; the note column feeds no analysis but the `rows` ones that list it (the others are
found again by the rows they read: docs/build-cache.md, `analysis-rows`).
"""
import csv
import io
import re
import sys


def counter(path):
    try:
        with open(path + ".edits") as f:
            n = int(f.read().strip() or 0) + 1
    except FileNotFoundError:
        n = 1
    with open(path + ".edits", "w") as f:
        f.write(str(n))
    return n


def prose(path, n):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    closing = lines.index("---", 1)
    for i in range(closing + 1, len(lines)):
        line = lines[i]
        if re.match(r"^[A-Za-z]", line) and (i + 1 == len(lines) or lines[i + 1].strip() == ""):
            lines[i] = re.sub(r" Edit \d+\.$", "", line) + f" Edit {n}."
            break
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def csv_note(path, n):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    rows[1][-1] = re.sub(r" \(edit \d+\)$", "", rows[1][-1]) + f" (edit {n})"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buffer.getvalue())


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    {"prose": prose, "csv": csv_note}[kind](path, counter(path))
