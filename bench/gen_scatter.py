#!/usr/bin/env python3
"""A seeded N-point scatter as a Dossier report (the chart issue's large scatter), for `make bench`.

    python3 bench/gen_scatter.py N OUT_DIR

writes OUT_DIR/points.csv (x, y: correlated normal draws, seeded), OUT_DIR/datapackage.json and
OUT_DIR/report.md with one figure, `scatter` (axes, title, N points); build it with
`dossier build OUT_DIR --figure scatter` (SVG, PDF and PNG of the chart).
"""
import json
import os
import random
import sys

n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)
rng = random.Random(20260401)
with open(os.path.join(out, "points.csv"), "w") as f:
    f.write("x,y\n")
    for _ in range(n):
        x = rng.gauss(0, 1)
        f.write(f"{x:.5f},{0.6 * x + 0.8 * rng.gauss(0, 1):.5f}\n")
package = {"name": "scatter", "resources": [{"name": "points", "path": "points.csv", "schema": {"fields": [
    {"name": "x", "type": "number"}, {"name": "y", "type": "number"}]}}]}
with open(os.path.join(out, "datapackage.json"), "w") as f:
    json.dump(package, f, indent=2)
with open(os.path.join(out, "report.md"), "w") as f:
    f.write(f"""---
title: "Scatter of {n:,} points"
date: "2026-11-29"
data: datapackage.json
analyses:
  - {{id: points, kind: rows, table: points}}
figures:
  - id: scatter
    alt: "Scatter plot of {n} seeded, correlated normal points."
    chart:
      title: "{n:,} seeded points"
      width: 420      # the plot area (Vega-Lite): a figure about 480 × 320 like the peers
      height: 270
      data: points
      mark: {{type: point, size: 1.5, opacity: 0.4, color: "#0072B2"}}
      encoding:
        x: {{field: x, type: quantitative, title: "x"}}
        y: {{field: y, type: quantitative, title: "y"}}
---

```{{figure}} scatter
Seeded points.
```
""")
