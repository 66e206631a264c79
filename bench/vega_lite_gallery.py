#!/usr/bin/env python3
"""How much of Vega-Lite's static gallery Dossier draws (issue 21).

Builds every spec of ../shared/reference/vega-lite/specs (or --specs DIR) as a figure of its
own (`vega-lite: specs/<name>.vl.json`) in a scratch project holding the gallery's data files,
and counts the specs that build, and, for the others, what stopped them: the first error's
unsupported key, or its message. The tally says which missing feature unlocks most examples.

    python3 bench/vega_lite_gallery.py [--dossier .build/release/dossier] [--out bench/VEGA_LITE_GALLERY.md]

A spec that builds is drawn; whether it is drawn *as Vega-Lite draws it* is another question
(compare with vl-convert's rendering): the report lists the built ones for that check.
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossier", default=os.path.join(REPO, ".build/release/dossier"))
    parser.add_argument("--specs", default=os.path.join(REPO, "../shared/reference/vega-lite/specs"))
    parser.add_argument("--out", default=None, help="write the tally as Markdown here")
    args = parser.parse_args()
    args.dossier = os.path.abspath(args.dossier)
    specs_dir = os.path.abspath(args.specs)
    data_dir = os.path.join(os.path.dirname(specs_dir), "data")
    names = sorted(n for n in os.listdir(specs_dir) if n.endswith(".vl.json"))
    results = {}
    with tempfile.TemporaryDirectory(prefix="dossier-vl-gallery-") as root:
        open(os.path.join(root, ".dossier-project"), "w").close()
        shutil.copytree(os.path.join(REPO, "fonts"), os.path.join(root, "fonts"))
        report = os.path.join(root, "reports", "g")
        os.makedirs(os.path.join(report, "specs"))
        shutil.copytree(data_dir, os.path.join(report, "data"))
        for name in names:
            with open(os.path.join(specs_dir, name)) as f:
                spec = json.load(f)
            results[name] = blockers(args.dossier, root, report, name, spec)
    built = [n for n, found in results.items() if not found]
    needed = collections.Counter()
    for found in results.values():
        for blocker in set(found):
            needed[blocker] += 1
    alone = collections.Counter()
    for found in results.values():
        if len(set(found)) == 1:
            alone[found[0]] += 1
    lines = [f"# Vega-Lite gallery: {len(built)} of {len(names)} specs build", "",
             f"`python3 bench/vega_lite_gallery.py` with `{os.path.relpath(args.dossier, REPO)}`; the specs are "
             "../shared/reference/vega-lite/specs (94 of the 155 static gallery examples).", "",
             "Each spec is built; when a key stops it, the key is removed and the spec built again (at most "
             f"{MAX_ROUNDS} times), so every obstacle of a spec is counted, not only its first.", "",
             "## What stops the others", "",
             "| specs needing it | specs it alone stops | obstacle |", "| ---: | ---: | --- |"]
    lines += [f"| {count} | {alone[reason]} | {reason.replace('|', '/')} |" for reason, count in needed.most_common()]
    lines += ["", "## Specs that build", ""] + [f"- {n}" for n in built] + [""]
    text = "\n".join(lines)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    print(text)


MAX_ROUNDS = 12


def blockers(dossier, root, report, name, spec):
    """The obstacles of one spec: build, strip the key the error names, build again."""
    figure = re.sub(r"[^A-Za-z0-9_-]", "-", name[: -len(".vl.json")])
    with open(os.path.join(report, "report.md"), "w") as f:
        f.write(f'---\ntitle: "Gallery"\ndate: "2026-12-06"\nfigures:\n  - id: {figure}\n'
                f'    vega-lite: specs/{name}\n---\n\n# G\n\n```{{figure}} {figure}\nA.\n```\n')
    found = []
    for _ in range(MAX_ROUNDS):
        with open(os.path.join(report, "specs", name), "w") as f:
            json.dump(spec, f, indent=1)
        try:
            run = subprocess.run([dossier, "build", "reports/g", "--fonts", "fonts"], cwd=root,
                                 capture_output=True, text=True, timeout=120)
        except subprocess.TimeoutExpired:
            found.append("took more than 120 s (a debug build on a large data file)")
            return found
        if run.returncode == 0:
            return found
        message = next((line for line in run.stderr.splitlines() if "error:" in line), run.stderr.strip()[:200])
        m = re.search(r"`([^`]+)` in (an? [a-z ]+?) is not supported", message)
        path = re.search(r"error: in ([^:]+):", message)
        if m:
            found.append(f"`{m.group(1)}` in {m.group(2)}")
        else:
            text = re.sub(r"^.*?error: (in [^:]+: )?", "", message)
            found.append(re.sub(r'"[^"]*"', '"…"', text)[:110])
        if not (path and remove(spec, path.group(1))):
            return found
    return found


def remove(spec, path):
    """Deletes the key at a path such as `layer[0].encoding.x.aggregate`; False if absent."""
    parts = re.findall(r"[^.\[\]]+|\[\d+\]", path)
    node = spec
    for part in parts[:-1]:
        if part.startswith("["):
            index = int(part[1:-1])
            if not isinstance(node, list) or index >= len(node):
                return False
            node = node[index]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return False
    last = parts[-1]
    if last.startswith("[") and isinstance(node, list) and int(last[1:-1]) < len(node):
        del node[int(last[1:-1])]
        return True
    if isinstance(node, dict) and last in node:
        del node[last]
        return True
    return False


if __name__ == "__main__":
    sys.exit(main())
