#!/usr/bin/env python3
"""The large scatter (bench/gen_scatter.py) with pandas + matplotlib: SVG, PDF and PNG.

    python3 bench/peers/scatter.py POINTS_CSV OUT_DIR
"""
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

points = pd.read_csv(sys.argv[1])
os.makedirs(sys.argv[2], exist_ok=True)
fig, ax = plt.subplots(figsize=(6.67, 4.44), layout="constrained")
ax.scatter(points["x"], points["y"], s=2.25, alpha=0.4, color="#0072B2", linewidths=0)
ax.set_title(f"{len(points):,} seeded points", loc="left", fontweight="bold")
ax.set_xlabel("x")
ax.set_ylabel("y")
for ext in ("svg", "pdf", "png"):
    fig.savefig(os.path.join(sys.argv[2], f"scatter.{ext}"), dpi=144)
