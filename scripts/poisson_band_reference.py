#!/usr/bin/env python3
"""Reference values for PoissonRegressionResult.rateBand, computed with statsmodels.

Writes Tests/DossierStatsTests/Fixtures/poisson_band.json: for a few seeded Poisson fits
(with and without an offset, one to three covariates), the fitted rate along a grid of the
first covariate (others at their means, offset 0) and its pointwise Wald band from
statsmodels' GLM `get_prediction(which="linear")`, exponentiated, at several levels, for
the Poisson fit and the quasi-Poisson (scale='X2') fit. Deterministic (seeded NumPy RNG,
sorted keys). Uses the same fitting helper as scripts/stats_reference.py.

    pip install scipy statsmodels numpy
    python3 scripts/poisson_band_reference.py
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stats_reference as ref  # noqa: E402  (poisson_fit, write)

LEVELS = [0.5, 0.8, 0.9, 0.95, 0.99, 0.9999]


def band(fit, design, scale, level):
    prediction = fit.get_prediction(design, offset=np.zeros(len(design)), which="linear")
    interval = np.asarray(prediction.conf_int(alpha=1 - level))
    return {"fit": np.exp(np.asarray(prediction.predicted)) * scale,
            "lower": np.exp(interval[:, 0]) * scale, "upper": np.exp(interval[:, 1]) * scale}


def main():
    rng = np.random.default_rng(1616)
    cases = []
    for n, k, with_offset in [(15, 1, False), (30, 2, True), (60, 3, True), (24, 1, True)]:
        covs = [rng.normal(0, 1, n) for _ in range(k)]
        logpop = rng.normal(12, 1.0, n)
        eta = 0.5 + 0.4 * covs[0] + sum(-0.3 * c for c in covs[1:])
        mu = np.exp(eta + (logpop - 12 if with_offset else 0)) * 4
        y = rng.negative_binomial(2.0, 2.0 / (2.0 + mu)).astype(float)
        offset = logpop if with_offset else None
        fit, quasi = ref.poisson_fit(y, covs, offset)
        means = [float(np.mean(c)) for c in covs]
        low, high = float(np.min(covs[0])), float(np.max(covs[0]))
        grid = [low + (high - low) * i / 12 for i in range(13)]
        design = np.array([[1.0, g] + means[1:] for g in grid])
        scale = 1e5 if with_offset else 1.0
        bands = []
        for level in LEVELS:
            for quasi_flag, model in [(False, fit), (True, quasi)]:
                b = band(model, design, scale, level)
                bands.append({"level": level, "quasi": quasi_flag, **b})
        cases.append({"y": y, "covariates": covs, "offset": offset, "means": means, "grid": grid,
                      "scale": scale, "bands": bands})
    ref.write("poisson_band", {"cases": cases})


if __name__ == "__main__":
    main()
