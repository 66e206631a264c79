#!/usr/bin/env python3
"""Reference values for Tests/DossierChartsTests/VegaDistributionFunctionTests.swift (issue 21).

Vega's expression functions for the normal, log-normal and uniform distributions
(densityNormal, cumulativeNormal, quantileNormal, their LogNormal and Uniform siblings),
computed with SciPy — an implementation independent of Dossier's — and written to
Tests/DossierVegaLiteTests/Fixtures/vega-distribution-functions.json: per case the function,
its arguments and the expected value (null for NaN, "inf"/"-inf" for infinities).
Vega's parameters: normal (x, mean = 0, stdev = 1); log-normal (x, mean = 0, stdev = 1) of
the logarithm (SciPy: s = stdev, scale = exp(mean)); uniform (x, min = 0, max = 1).

    python3 scripts/vega_distribution_reference.py
"""
import json
import math
import os

import scipy
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "DossierVegaLiteTests", "Fixtures", "vega-distribution-functions.json")


def clean(x):
    x = float(x)
    if math.isnan(x):
        return None
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def main():
    cases = []
    xs = [-40.0, -8.5, -3.0, -1.0, -0.25, 0.0, 0.3, 1.0, 2.5, 9.0]
    params = [[], [1.5], [1.5, 2.0], [-3.0, 0.5]]
    for p in params:
        mean = p[0] if p else 0.0
        sd = p[1] if len(p) > 1 else 1.0
        for x in xs:
            cases.append({"f": "densityNormal", "args": [x] + p, "value": clean(stats.norm.pdf(x, mean, sd))})
            cases.append({"f": "cumulativeNormal", "args": [x] + p, "value": clean(stats.norm.cdf(x, mean, sd))})
            if x > 0:
                lognormal = stats.lognorm(s=sd, scale=math.exp(mean))
                cases.append({"f": "densityLogNormal", "args": [x] + p, "value": clean(lognormal.pdf(x))})
                cases.append({"f": "cumulativeLogNormal", "args": [x] + p, "value": clean(lognormal.cdf(x))})
    probabilities = [1e-300, 1e-12, 1e-5, 0.005, 0.02425, 0.1, 0.25, 0.5, 0.6, 0.9, 0.97575, 0.995, 1 - 1e-9]
    for p in params:
        mean = p[0] if p else 0.0
        sd = p[1] if len(p) > 1 else 1.0
        for q in probabilities:
            cases.append({"f": "quantileNormal", "args": [q] + p, "value": clean(stats.norm.ppf(q, mean, sd))})
            if q > 1e-200:
                cases.append({"f": "quantileLogNormal", "args": [q] + p,
                              "value": clean(stats.lognorm(s=sd, scale=math.exp(mean)).ppf(q))})
    for q in [0.0, 1.0, -0.5, 1.5]:
        cases.append({"f": "quantileNormal", "args": [q], "value": clean(stats.norm.ppf(q)) if 0 <= q <= 1 else None})
    for p in [[], [2.0, 7.0], [-1.0, 0.5]]:
        lo = p[0] if p else 0.0
        hi = p[1] if len(p) > 1 else 1.0
        u = stats.uniform(loc=lo, scale=hi - lo)
        for x in [-2.0, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 3.0, 6.5, 7.0, 8.0]:
            cases.append({"f": "densityUniform", "args": [x] + p, "value": clean(u.pdf(x))})
            cases.append({"f": "cumulativeUniform", "args": [x] + p, "value": clean(u.cdf(x))})
        for q in [0.0, 0.01, 0.37, 0.5, 1.0]:
            cases.append({"f": "quantileUniform", "args": [q] + p, "value": clean(u.ppf(q))})
    with open(OUT, "w") as f:
        json.dump({"scipy": scipy.__version__, "cases": cases}, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"{len(cases)} cases -> {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()
