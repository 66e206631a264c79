#!/usr/bin/env python3
"""Reference values for Tests/DossierChartsTests/VegaStatisticsTransformTests.swift (issue 21).

Runs Vega-Lite's statistics transforms (density, quantile, regression, loess) in Vega itself,
through vl-convert-python (`vegalite_to_scenegraph`), and writes
Tests/DossierVegaLiteTests/Fixtures/vega-statistics-transforms.json: the input rows and, per case,
the transform and the rows Vega computed. Vega's numbers are read back exactly: each output row
is drawn as a text mark whose text is `group|x|y` (JavaScript writes a number with the
shortest digits that round-trip), in data order.

    pip install vl-convert-python==1.9.0 && python3 scripts/vega_statistics_reference.py

Deterministic: the input rows come from a fixed linear congruential generator, so re-running
the script reproduces the file.
"""
import json
import math
import os

import vl_convert as vlc

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "DossierVegaLiteTests", "Fixtures", "vega-statistics-transforms.json")


def rows():
    """40 rows in 3 groups: x spread over 0..10, y a curve of x with noise, from a fixed LCG."""
    state = 20261206
    def uniform():
        nonlocal state
        state = (1103515245 * state + 12345) % 2**31
        return state / 2**31
    out = []
    for i in range(40):
        g = "abc"[i % 3]
        x = round(10 * uniform() + (2 if g == "b" else 0), 3)
        # Box-Muller from two uniforms: a skewed mixture for the densities.
        z = math.sqrt(-2 * math.log(1 - uniform())) * math.cos(2 * math.pi * uniform())
        y = round(0.5 + 0.8 * x + 0.05 * x * x + z, 3)
        out.append({"g": g, "x": x, "y": max(y, 0.1), "r": round(x)})
    return out


CASES = [
    ("density, Scott's bandwidth, shared grid", {"density": "x"}, []),
    ("density per group on a given extent", {"density": "x", "groupby": ["g"], "extent": [-2, 14]}, ["g"]),
    ("density per group, independent adaptive sampling",
     {"density": "x", "groupby": ["g"], "resolve": "independent"}, ["g"]),
    ("density as counts, cumulative, given bandwidth and steps",
     {"density": "y", "counts": True, "cumulative": True, "bandwidth": 0.7, "steps": 30, "as": ["v", "c"]}, []),
    ("density independent with minsteps and maxsteps",
     {"density": "y", "resolve": "independent", "minsteps": 10, "maxsteps": 60}, []),
    ("quantile default step", {"quantile": "y"}, []),
    ("quantile per group at given probabilities",
     {"quantile": "x", "groupby": ["g"], "probs": [0, 0.1, 0.25, 0.5, 0.9, 1], "as": ["p", "q"]}, ["g"]),
    ("quantile step 0.15", {"quantile": "x", "step": 0.15}, []),
    ("regression linear", {"regression": "y", "on": "x"}, []),
    ("regression linear per group on an extent", {"regression": "y", "on": "x", "groupby": ["g"], "extent": [0, 15]}, ["g"]),
    ("regression log", {"regression": "y", "on": "x", "method": "log"}, []),
    ("regression exp", {"regression": "y", "on": "x", "method": "exp"}, []),
    ("regression pow", {"regression": "y", "on": "x", "method": "pow", "as": ["u", "v"]}, []),
    ("regression quad", {"regression": "y", "on": "x", "method": "quad"}, []),
    ("regression poly order 3 per group", {"regression": "y", "on": "x", "method": "poly", "groupby": ["g"]}, ["g"]),
    ("regression poly order 5", {"regression": "y", "on": "x", "method": "poly", "order": 5}, []),
    ("loess default bandwidth", {"loess": "y", "on": "x"}, []),
    ("loess per group, bandwidth 0.5", {"loess": "y", "on": "x", "groupby": ["g"], "bandwidth": 0.5}, ["g"]),
    ("loess bandwidth 0.1 on repeated x", {"loess": "y", "on": "r", "bandwidth": 0.1}, []),
]


def out_names(transform):
    if "density" in transform:
        return transform.get("as", ["value", "density"])
    if "quantile" in transform:
        return transform.get("as", ["prob", "value"])
    if "regression" in transform:
        return transform.get("as", [transform["on"], transform["regression"]])
    return transform.get("as", [transform["on"], transform["loess"]])


def run(data, transform, groupby):
    a, b = out_names(transform)
    parts = [f"datum['{g}']" for g in groupby] + [f"datum['{a}']", f"datum['{b}']"]
    spec = {
        "data": {"values": data},
        "transform": [transform, {"calculate": " + '|' + ".join(parts), "as": "__t"}],
        "mark": "text",
        "encoding": {"text": {"field": "__t"}},
    }
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("marktype") == "text":
                for item in node.get("items", []):
                    found.append(item["text"])
                return
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(vlc.vegalite_to_scenegraph(spec))
    result = []
    for text in found:
        fields = text.split("|")
        keys, x, y = fields[:-2], fields[-2], fields[-1]
        result.append({"keys": keys, "x": float(x), "y": None if y in ("null", "undefined", "NaN") else float(y)})
    return result


def main():
    data = rows()
    cases = []
    for name, transform, groupby in CASES:
        cases.append({"name": name, "transform": transform, "rows": run(data, transform, groupby)})
        print(f"{name}: {len(cases[-1]['rows'])} rows")
    with open(OUT, "w") as f:
        json.dump({"generator": f"vl-convert-python {vlc.__version__} (Vega {vlc.get_vega_version()})",
                   "data": data, "cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
