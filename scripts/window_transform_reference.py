#!/usr/bin/env python3
"""Reference values for Tests/DossierChartsTests/WindowTransformTests.swift (issue 21).

Computes Vega-Lite's `window` operations on a small table with pandas — an implementation
independent of Dossier's — and writes Tests/DossierVegaLiteTests/Fixtures/window-transform.json:
the input rows and, per case, the window spec and the expected output columns (rows in input
order). Vega's rules, as pandas expresses them:

- rows are partitioned by `groupby` and stably sorted by `sort` (ties keep input order);
- row_number is the position; rank = rank(method="min"); dense_rank = rank(method="dense");
  percent_rank = (rank - 1) / (n - 1); cume_dist = rank(method="max") / n;
- with a sort, the frame [before, after] is widened to the current row's peers (rows equal
  on the sort fields), so the default frame [null, 0] takes every row up to the last peer;
- lag/lead are positional (shift), first_value/last_value read the frame's ends.

    python3 scripts/window_transform_reference.py
"""
import json
import math
import os

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "DossierVegaLiteTests", "Fixtures", "window-transform.json")

ROWS = {
    "g": ["a", "a", "a", "a", "b", "b", "b", "c"],
    "k": [3, 1, 3, 2, 5, 5, 4, 7],
    "u": [4, 2, 8, 1, 6, 3, 7, 5],
    "v": [2.5, 1.0, 4.0, 3.0, 10.0, 20.0, 5.0, 7.0],
}


def clean(x):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return float(x)


def cumulative_with_peers(df):
    """Per partition sorted by k: the default frame [null, 0] widened to peers."""
    out = {name: [None] * len(df) for name in
           ["row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "sum_v", "count", "mean_v",
            "min_v", "max_v", "lag_v", "lead_v", "first_v", "last_v"]}
    for _, part in df.groupby("g", sort=False):
        part = part.sort_values("k", kind="mergesort")
        n = len(part)
        pos = list(part.index)
        rank_min = part["k"].rank(method="min")
        rank_max = part["k"].rank(method="max")
        dense = part["k"].rank(method="dense")
        cum_sum = part["v"].cumsum()
        cum_min = part["v"].cummin()
        cum_max = part["v"].cummax()
        # The frame ends at the last peer: take the cumulative value at the peer group's end.
        peer_end = part.groupby("k", sort=False)["v"].transform(lambda s: s.index[-1])
        lag = part["v"].shift(1)
        lead = part["v"].shift(-1)
        for i, row in enumerate(pos):
            end = peer_end[row]
            out["row_number"][row] = i + 1
            out["rank"][row] = clean(rank_min[row])
            out["dense_rank"][row] = clean(dense[row])
            out["percent_rank"][row] = clean((rank_min[row] - 1) / (n - 1)) if n > 1 else None
            out["cume_dist"][row] = clean(rank_max[row] / n)
            out["sum_v"][row] = clean(cum_sum[end])
            out["count"][row] = clean(rank_max[row])
            out["mean_v"][row] = clean(cum_sum[end] / rank_max[row])
            out["min_v"][row] = clean(cum_min[end])
            out["max_v"][row] = clean(cum_max[end])
            out["lag_v"][row] = clean(lag[row])
            out["lead_v"][row] = clean(lead[row])
            out["first_v"][row] = clean(part["v"].iloc[0])
            out["last_v"][row] = clean(part["v"][end])
    return out


def sliding(df):
    """No groups, sorted by the unique key u: frame [1, 1] (centred, three rows) and [null, null]."""
    part = df.sort_values("u", kind="mergesort")
    roll_sum = part["v"].rolling(3, center=True, min_periods=1).sum()
    roll_mean = part["v"].rolling(3, center=True, min_periods=1).mean()
    return {
        "sum_v": [clean(roll_sum[i]) for i in df.index],
        "mean_v": [clean(roll_mean[i]) for i in df.index],
        "total": [clean(part["v"].sum())] * len(df),
    }


def main():
    df = pd.DataFrame(ROWS)
    cases = [
        {
            "name": "grouped, sorted with ties, default frame",
            "spec": {"groupby": ["g"], "sort": [{"field": "k"}], "window": [
                {"op": "row_number", "as": "row_number"}, {"op": "rank", "as": "rank"},
                {"op": "dense_rank", "as": "dense_rank"}, {"op": "percent_rank", "as": "percent_rank"},
                {"op": "cume_dist", "as": "cume_dist"}, {"op": "sum", "field": "v", "as": "sum_v"},
                {"op": "count", "as": "count"}, {"op": "mean", "field": "v", "as": "mean_v"},
                {"op": "min", "field": "v", "as": "min_v"}, {"op": "max", "field": "v", "as": "max_v"},
                {"op": "lag", "field": "v", "as": "lag_v"}, {"op": "lead", "field": "v", "as": "lead_v"},
                {"op": "first_value", "field": "v", "as": "first_v"}, {"op": "last_value", "field": "v", "as": "last_v"}]},
            "expected": cumulative_with_peers(df),
        },
        {
            "name": "sliding frame [1, 1] and the whole partition",
            "spec": {"sort": [{"field": "u"}], "frame": [1, 1], "window": [
                {"op": "sum", "field": "v", "as": "sum_v"}, {"op": "mean", "field": "v", "as": "mean_v"}]},
            "expected": {k: v for k, v in sliding(df).items() if k != "total"},
        },
        {
            "name": "unbounded frame",
            "spec": {"sort": [{"field": "u"}], "frame": [None, None], "window": [
                {"op": "sum", "field": "v", "as": "total"}]},
            "expected": {"total": sliding(df)["total"]},
        },
    ]
    with open(OUT, "w") as f:
        json.dump({"generator": "scripts/window_transform_reference.py", "pandas": pd.__version__,
                   "rows": ROWS, "cases": cases}, f, indent=1)
        f.write("\n")
    print("wrote", os.path.relpath(OUT))


if __name__ == "__main__":
    main()
