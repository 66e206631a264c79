#!/usr/bin/env python3
"""Vega-Lite's own drawing of the gallery specs, in data terms: the reference of issue 21's
"matches vl-convert's chart in data" (Tests/DossierBuildTests/VegaLiteGalleryTests.swift).

For every spec of the gallery (default: Tests/DossierBuildTests/Fixtures/vega-lite-gallery/specs,
the committed copy of ../shared/reference/vega-lite), vl-convert (vl-convert-python, Vega-Lite's
own compiler and Vega's renderer) computes the scenegraph, and this script keeps only the marks,
each placed in its plot area:

- a *cell* is a plot area: a Vega group item with a width and a height (not a line/area series
  group) that holds marks; one for a single view, one per facet panel or concatenated view, in
  scenegraph order;
- each mark group of a cell becomes `{"kind": …, "items": […]}`, every coordinate a fraction of
  the cell's width (x) or height (y, downwards), rounded to 1e-3:
  - `rect` (Vega rect, image; bars, ticks, heatmap cells): `[x0, y0, x1, y1]`;
  - `point` (symbol): its centre `[x, y]`; `text`: its anchor `[x, y]` (dx/dy, radius/theta applied);
  - `rule`: `[x0, y0, x1, y1]`;
  - `line` (line, trail): one item, the series' vertices `[[x, y], …]` (`null` where the line
    breaks; step interpolation expanded into its corners);
  - `area` (vertical): one item, `[[x, y_top, y_bottom], …]`; `harea` (horizontal): `[[y, x_left, x_right], …]`;
  - `arc`, `shape` (geoshape): the bounding box `[x0, y0, x1, y1]` of the outline.

Writes Tests/DossierBuildTests/Fixtures/vega-lite-reference/<spec>.json; a spec vl-convert
cannot draw gets `{"error": …}`. The gallery's data urls (`data/cars.json`) are served from the
gallery folder by a local HTTP server for the run (vl-convert loads urls over HTTP, not files).

    python3 scripts/vega_lite_reference.py [--gallery DIR] [--out DIR] [spec names…]
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
FIXTURES = os.path.join(REPO, "Tests", "DossierBuildTests", "Fixtures")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gallery", default=os.path.join(FIXTURES, "vega-lite-gallery"))
    parser.add_argument("--out", default=os.path.join(FIXTURES, "vega-lite-reference"))
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    import vl_convert
    names = args.names or sorted(n[: -len(".vl.json")] for n in os.listdir(os.path.join(args.gallery, "specs"))
                                 if n.endswith(".vl.json"))
    os.makedirs(args.out, exist_ok=True)
    with DataServer(args.gallery) as base:
        for name in names:
            spec = load_spec(args.gallery, name, base)
            try:
                graph = vl_convert.vegalite_to_scenegraph(spec)
                result = {"vegaLite": vl_convert.get_vegalite_versions()[-1], "cells": cells(graph["scenegraph"])}
            except Exception as error:  # vl-convert's own failure is recorded, not hidden
                result = {"error": str(error).splitlines()[0][:300]}
            with open(os.path.join(args.out, name + ".json"), "w") as f:
                f.write(compact(result) + "\n")
            count = sum(len(m["items"]) for c in result.get("cells", []) for m in c["marks"])
            print(f"{name}: {len(result.get('cells', []))} cells, {count} items" + (f", error {result['error']}" if "error" in result else ""))


def load_spec(gallery, name, base):
    """The spec with every relative data url (`data/…`) made absolute on the local server."""
    with open(os.path.join(gallery, "specs", name + ".vl.json")) as f:
        spec = json.load(f)

    def fix(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "url" and isinstance(value, str) and not re.match(r"^[a-z]+:", value):
                    node[key] = base + value
                else:
                    fix(value)
        elif isinstance(node, list):
            for value in node:
                fix(value)
    fix(spec)
    return spec


class DataServer:
    """`python3 -m http.server` on a free local port, serving the gallery folder (a process of
    its own: vl-convert blocks this one while it loads)."""

    def __init__(self, root):
        self.root = root

    def __enter__(self):
        self.process = subprocess.Popen([sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1",
                                         "--directory", self.root], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline()
        port = re.search(r"port (\d+)", line).group(1)
        time.sleep(0.2)
        return f"http://127.0.0.1:{port}/"

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait()


SKIPPED_ROLES = {"axis", "legend", "title", "column-title", "row-title", "column-header", "row-header",
                 "column-footer", "row-footer", "frame-title"}


def cells(root):
    """The plot areas holding marks, in scenegraph order."""
    found = []

    def visit_mark_group(group, ox, oy, cell, series):
        role = group.get("role")
        if role in SKIPPED_ROLES:
            return
        if group.get("marktype") == "group":
            is_series = "pathgroup" in (group.get("name") or "")
            for item in group.get("items", []):
                x, y = ox + item.get("x", 0), oy + item.get("y", 0)
                inner = cell
                if not is_series and item.get("width", 0) > 0 and item.get("height", 0) > 0:
                    inner = {"x": x, "y": y, "w": item["width"], "h": item["height"], "marks": []}
                    found.append(inner)
                for child in item.get("items", []):
                    visit_mark_group(child, x, y, inner, is_series)
        elif role == "mark" and cell is not None:
            mark = mark_group(group, ox - cell["x"], oy - cell["y"], cell["w"], cell["h"])
            if mark is not None:
                cell["marks"].append(mark)

    visit_mark_group(root, 0, 0, None, False)
    out = []
    for cell in found:
        if cell["marks"]:
            out.append({"width": r(cell["w"]), "height": r(cell["h"]), "marks": cell["marks"]})
    return out


def r(v):
    v = round(v, 3)
    return 0.0 if v == 0 else v


def mark_group(group, dx, dy, w, h):
    """One mark group in fractions of the cell: x' = (dx + x) / w, y' = (dy + y) / h."""
    kind = group["marktype"]
    items = group.get("items", [])

    def fx(v):
        return r((dx + v) / w)

    def fy(v):
        return r((dy + v) / h)

    def box(x0, y0, x1, y1):
        return [fx(min(x0, x1)), fy(min(y0, y1)), fx(max(x0, x1)), fy(max(y0, y1))]

    if kind in ("rect", "image"):
        out = []
        for it in items:
            x, y = it.get("x", 0), it.get("y", 0)
            x2 = x + it["width"] if "width" in it else it.get("x2", x)
            y2 = y + it["height"] if "height" in it else it.get("y2", y)
            out.append(box(x, y, x2, y2))
        return {"kind": "rect", "mark": kind, "items": sorted(out)}
    if kind == "symbol":
        return {"kind": "point", "mark": kind, "items": sorted([fx(it.get("x", 0)), fy(it.get("y", 0))] for it in items)}
    if kind == "text":
        out = []
        for it in items:
            x, y = it.get("x", 0) + it.get("dx", 0), it.get("y", 0) + it.get("dy", 0)
            if it.get("radius"):
                x += it["radius"] * math.sin(it.get("theta", 0))
                y -= it["radius"] * math.cos(it.get("theta", 0))
            out.append([fx(x), fy(y)])
        return {"kind": "text", "mark": kind, "items": sorted(out)}
    if kind == "rule":
        out = []
        for it in items:
            x, y = it.get("x", 0), it.get("y", 0)
            a, b = (fx(x), fy(y)), (fx(it.get("x2", x)), fy(it.get("y2", y)))
            out.append(list(min(a, b)) + list(max(a, b)))
        return {"kind": "rule", "mark": kind, "items": sorted(out)}
    if kind in ("line", "trail"):
        return {"kind": "line", "mark": kind, "items": [line_vertices(items, fx, fy)]} if items else None
    if kind == "area":
        if not items:
            return None
        horizontal = items[0].get("orient") == "horizontal"
        vertices = []
        for it in items:
            if it.get("defined") is False:
                continue
            x, y = it.get("x", 0), it.get("y", 0)
            if horizontal:
                x2 = it.get("x2", x + it.get("width", 0))
                vertices.append([fy(y), min(fx(x), fx(x2)), max(fx(x), fx(x2))])
            else:
                y2 = it.get("y2", y + it.get("height", 0))
                vertices.append([fx(x), min(fy(y), fy(y2)), max(fy(y), fy(y2))])
        return {"kind": "harea" if horizontal else "area", "mark": kind, "items": [vertices]}
    if kind == "arc":
        return {"kind": "arc", "mark": kind, "items": sorted(arc_box(it, box) for it in items)}
    if kind in ("shape", "path"):
        out = []
        for it in items:
            numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", it.get("shape") or it.get("path") or "")]
            if len(numbers) < 2:
                continue
            xs, ys = numbers[0::2], numbers[1::2]
            ox, oy = it.get("x", 0), it.get("y", 0)
            out.append(box(ox + min(xs), oy + min(ys), ox + max(xs), oy + max(ys)))
        return {"kind": "shape", "mark": kind, "items": sorted(out)}
    return {"kind": kind, "mark": kind, "items": []}


def line_vertices(items, fx, fy):
    """A series' vertices, `None` where an undefined point breaks it; step corners added."""
    interpolate = items[0].get("interpolate", "linear")
    out = []
    previous = None
    for it in items:
        if it.get("defined") is False:
            if out and out[-1] is not None:
                out.append(None)
            previous = None
            continue
        x, y = it.get("x", 0), it.get("y", 0)
        if previous is not None:
            px, py = previous
            if interpolate == "step-after":
                out.append([fx(x), fy(py)])
            elif interpolate == "step-before":
                out.append([fx(px), fy(y)])
            elif interpolate == "step":
                mx = (px + x) / 2
                out += [[fx(mx), fy(py)], [fx(mx), fy(y)]]
        out.append([fx(x), fy(y)])
        previous = (x, y)
    while out and out[-1] is None:
        out.pop()
    return out


def arc_box(it, box):
    """The bounding box of an arc (Vega: angles in radians, clockwise from 12 o'clock)."""
    cx, cy = it.get("x", 0), it.get("y", 0)
    a0, a1 = sorted((it.get("startAngle", 0), it.get("endAngle", 0)))
    inner, outer = it.get("innerRadius", 0), it.get("outerRadius", 0)
    steps = max(2, int((a1 - a0) / (math.pi / 90)) + 1)
    xs, ys = [], []
    for k in range(steps + 1):
        a = a0 + (a1 - a0) * k / steps
        for radius in (inner, outer):
            xs.append(cx + radius * math.sin(a))
            ys.append(cy - radius * math.cos(a))
    return box(min(xs), min(ys), max(xs), max(ys))


def compact(value):
    return json.dumps(value, separators=(",", ":"))


if __name__ == "__main__":
    sys.exit(main())
