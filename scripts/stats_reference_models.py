#!/usr/bin/env python3
"""Reference values for DossierStats' count models beyond the Poisson GLM: negative binomial
(NB2) regression and Poisson/NB regressions with several covariates, computed with statsmodels.

Writes Tests/DossierStatsTests/Fixtures/negbin.json and count_models_flagship.json.
Deterministic: samples come from numpy.random.default_rng with fixed seeds and the JSON is
written with sorted keys, so re-running reproduces the committed files (given the library
versions recorded in models_meta.json).

    pip install scipy statsmodels numpy
    python3 scripts/stats_reference_models.py

References:
- NB2: statsmodels.discrete.discrete_model.NegativeBinomial(y, X, offset=..., loglike_method='nb2'),
  fitted by Newton's method to a gradient of ~1e-10 (refitted from its own estimates so
  that the reported parameters are the converged maximum, not a step short of it); standard
  errors are those statsmodels reports (inverse of the observed information in (β, α)).
- Poisson: statsmodels GLM(family=Poisson()), model-based and scale='X2' (quasi-Poisson).
"""
import csv
import json
import math
import os
import sys
import warnings

import numpy as np
import scipy
import scipy.stats as st
import statsmodels
import statsmodels.api as sm

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "DossierStatsTests", "Fixtures")
CASES = {}


def clean(v):
    """numpy values to JSON-safe Python values; inf -> None; NaN is an error."""
    if isinstance(v, dict):
        return {k: clean(x) for k, x in v.items()}
    if isinstance(v, (list, tuple, np.ndarray)):
        return [clean(x) for x in v]
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, (float, np.floating)):
        f = float(v)
        assert not math.isnan(f), "NaN in reference output"
        return None if math.isinf(f) else f
    return v


def write(name, payload):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name + ".json")
    data = clean(payload)
    with open(path, "w") as fh:
        json.dump(data, fh, sort_keys=True, indent=0, separators=(",", ":"))
        fh.write("\n")
    count = sum(len(v) for v in data.values())
    CASES[name] = count
    print(f"{path}: {count} cases")


def design(covs, n):
    return sm.add_constant(np.column_stack(covs), has_constant="add") if covs else np.ones((n, 1))


def poisson_fit(y, X, offset):
    model = sm.GLM(y, X, family=sm.families.Poisson(), offset=offset)
    first = model.fit(tol=1e-14, maxiter=200)
    # Refit from the converged estimates: statsmodels' IRLS reports the covariance from the
    # weights of its last-but-one iteration otherwise.
    fit = model.fit(start_params=first.params, tol=1e-14, maxiter=200)
    quasi = model.fit(start_params=first.params, tol=1e-14, maxiter=200, scale="X2")
    return fit, quasi


def negbin_fit(y, X, offset):
    """NB2 by BFGS from statsmodels' own start, then Newton from that estimate (Newton alone
    from the default start diverges on some of the flagship's fits)."""
    model = sm.NegativeBinomial(y, X, offset=offset, loglike_method="nb2")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        first = model.fit(method="bfgs", maxiter=2000, disp=0)
        fit = model.fit(start_params=first.params, method="newton", maxiter=500, tol=1e-13, disp=0)
    grad = np.abs(model.score(fit.params)).max()
    return fit, grad


def negbin_record(y, covs, offset):
    X = design(covs, len(y))
    pois, _ = poisson_fit(y, X, offset)
    excess = float(((y - pois.mu) ** 2 - y).sum())
    record = {"y": y, "covariates": covs, "offset": offset, "poissonLlf": pois.llf,
              "noOverdispersion": excess <= 0}
    if excess <= 0:
        # The NB2 maximum is at α = 0; statsmodels walks α towards 0 (or below), DossierStats
        # refuses with "no overdispersion: use poisson".
        return record
    fit, grad = negbin_fit(y, X, offset)
    assert grad < 1e-6, f"statsmodels NB did not converge (max |score| {grad})"
    ci = fit.conf_int(0.05)
    k = X.shape[1]
    lr = 2 * (fit.llf - pois.llf)
    record.update({"params": fit.params[:k], "bse": fit.bse[:k], "pvalues": fit.pvalues[:k],
                   "ciLower": ci[:k, 0], "ciUpper": ci[:k, 1], "alpha": fit.params[k], "alphaBse": fit.bse[k],
                   "llf": fit.llf, "aic": fit.aic, "maxScore": grad,
                   "lr": lr, "lrP": 0.5 * st.chi2.sf(max(lr, 0), 1)})
    return record


def negbin_cases():
    rng = np.random.default_rng(1717)
    out = []
    # (n, covariates, offset, true α, intercept level)
    specs = [(20, 1, True, 1.0, 2.0), (33, 2, True, 0.5, 1.5), (50, 3, True, 2.0, 1.0), (100, 2, False, 0.2, 2.5),
             (25, 1, False, 4.0, 0.5), (200, 3, True, 0.05, 3.0), (15, 2, True, 1.5, 1.0), (60, 1, True, 0.8, 4.0)]
    for n, k, with_offset, alpha, level in specs:
        covs = [rng.normal(0, 1, n) for _ in range(k)]
        if k >= 2:
            covs[1] = (rng.uniform(size=n) < 0.4).astype(float)
        logexp = rng.normal(0, 0.7, n)
        eta = level + 0.4 * covs[0] + (-0.6 * covs[1] if k >= 2 else 0) + (0.25 * covs[2] if k >= 3 else 0)
        if with_offset:
            eta = eta + logexp
        mu = np.exp(eta)
        y = rng.negative_binomial(1 / alpha, 1 / (1 + alpha * mu)).astype(float)
        out.append(negbin_record(y, covs, logexp if with_offset else None))
    # Underdispersed counts: the likelihood is highest at α = 0.
    x = np.linspace(-1, 1, 30)
    y = np.round(np.exp(1.5 + 0.3 * x)).astype(float)
    out.append(negbin_record(y, [x], None))
    assert out[-1]["noOverdispersion"]
    write("negbin", {"cases": out})


def flagship_cases():
    """The flagship's Q1 models on datasets/ (countries recognising Beijing): twinning ties on
    RAI with a log-population offset, and with log population as a covariate."""
    path = os.path.join(ROOT, "datasets", "countries.csv")
    countries = list(csv.DictReader(open(path, encoding="utf-8")))
    rows = [c for c in countries if c["rai"].strip() and c["twinning_ties"].strip() and c["population"].strip()
            and c["recognizes_taipei_2020"] == "false"]
    iso = [c["iso3"] for c in rows]
    rai = np.array([float(c["rai"]) for c in rows])
    ties = np.array([float(c["twinning_ties"]) for c in rows])
    logpop = np.log(np.array([float(c["population"]) for c in rows]))
    big3 = np.array([i in ("BRA", "MEX", "ARG") for i in iso])
    out = []
    for label, keep, covs, with_offset in [
            ("rai, log-population offset", ~big3 | True, ["rai"], True),
            ("rai, log-population offset, without BRA, MEX, ARG", ~big3, ["rai"], True),
            ("rai and log population, no offset", ~big3 | True, ["rai", "log_population"], False),
            ("rai and log population, log-population offset", ~big3 | True, ["rai", "log_population"], True)]:
        columns = {"rai": rai[keep], "log_population": logpop[keep]}
        cov = [columns[c] for c in covs]
        y = ties[keep]
        offset = logpop[keep] if with_offset else None
        X = design(cov, len(y))
        fit, quasi = poisson_fit(y, X, offset)
        ci, qci = fit.conf_int(0.05), quasi.conf_int(0.05)
        nb = negbin_record(y, cov, offset)
        z = st.norm.ppf(0.975)
        b, se, qse = fit.params[1], fit.bse[1], quasi.bse[1]
        out.append({"label": label, "iso3": [i for i, k in zip(iso, keep) if k], "names": covs,
                    "y": y, "covariates": cov, "offset": offset,
                    "poisson": {"params": fit.params, "bse": fit.bse, "pvalues": fit.pvalues,
                                "ciLower": ci[:, 0], "ciUpper": ci[:, 1], "quasiBse": quasi.bse,
                                "quasiPvalues": quasi.pvalues, "quasiLower": qci[:, 0], "quasiUpper": qci[:, 1],
                                "dispersion": quasi.scale, "llf": fit.llf,
                                "raiPer10": [math.exp(10 * b), math.exp(10 * (b - z * se)), math.exp(10 * (b + z * se))],
                                "raiPer10Quasi": [math.exp(10 * b), math.exp(10 * (b - z * qse)),
                                                  math.exp(10 * (b + z * qse))]},
                    "negbin": nb})
    write("count_models_flagship", {"fits": out})


def main():
    negbin_cases()
    flagship_cases()
    meta = {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__,
            "statsmodels": statsmodels.__version__, "cases": CASES, "total": sum(CASES.values())}
    with open(os.path.join(OUT, "models_meta.json"), "w") as fh:
        json.dump(meta, fh, sort_keys=True, indent=1)
        fh.write("\n")
    print("total cases:", meta["total"])


if __name__ == "__main__":
    main()
