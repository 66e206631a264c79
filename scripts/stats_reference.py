#!/usr/bin/env python3
"""Reference values for DossierStats, computed with SciPy, statsmodels and NumPy.

Writes JSON fixtures into Tests/DossierStatsTests/Fixtures/. Deterministic: every
sample comes from numpy.random.default_rng with a fixed seed, and the JSON is written
with sorted keys, so re-running the script reproduces the committed files exactly
(given the same library versions, recorded in meta.json).

    pip install scipy statsmodels numpy
    python3 scripts/stats_reference.py

Infinite values are written as null; NaN never appears (the script asserts it).
"""
import itertools
import json
import math
import os
import sys

import numpy as np
import scipy
import scipy.special as sc
import scipy.stats as st
import statsmodels
import statsmodels.api as sm
from statsmodels.stats.proportion import proportion_confint

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "DossierStatsTests", "Fixtures")
CASES = {}


def clean(v):
    """Convert numpy scalars/arrays to JSON-safe Python values; inf -> None."""
    if isinstance(v, dict):
        return {k: clean(x) for k, x in v.items()}
    if isinstance(v, (list, tuple, np.ndarray)):
        return [clean(x) for x in v]
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
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
    count = sum(len(v) for v in data.values()) if isinstance(data, dict) else len(data)
    CASES[name] = count
    print(f"{path}: {count} cases")


# ---------------------------------------------------------------- RNG

MASK = (1 << 64) - 1


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Xoshiro:
    def __init__(self, seed):
        st_ = seed
        self.s = []
        for _ in range(4):
            st_, z = splitmix64(st_)
            self.s.append(z)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result


def rng_cases():
    out = []
    for seed in [0, 1, 42, 20240601, MASK]:
        sm_state, sm_out = seed, []
        for _ in range(5):
            sm_state, z = splitmix64(sm_state)
            sm_out.append(str(z))
        g = Xoshiro(seed)
        raw = [g.next() for _ in range(10)]
        g2 = Xoshiro(seed)
        doubles = [(g2.next() >> 11) * 2.0 ** -53 for _ in range(10)]
        out.append({"seed": str(seed), "splitmix": sm_out, "raw": [str(r) for r in raw], "doubles": doubles})
    write("rng", {"cases": out})


# ---------------------------------------------------------------- special functions

def special_cases():
    lg = [{"x": x, "value": sc.gammaln(x)} for x in
          [1e-300, 1e-10, 1e-3, 0.1, 0.5, 0.9, 1.0, 1.5, 2.0, 2.5, 3.0, 7.5, 10.0, 33.3, 100.0, 1234.5, 1e5, 1e10]]
    bi = []
    for a, b in [(0.5, 0.5), (1, 1), (2, 3), (0.5, 5), (5, 0.5), (10, 10), (30, 2), (0.1, 0.1),
                 (50, 50), (100, 0.5), (4999, 0.5), (500, 700), (2500, 2500), (1e-3, 2)]:
        for x in [1e-10, 1e-4, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 1 - 1e-6]:
            v = sc.betainc(a, b, x)
            if v > 1e-300:
                bi.append({"a": a, "b": b, "x": x, "value": v, "complement": sc.betaincc(a, b, x)})
    gi = []
    for a in [0.1, 0.5, 1, 2.5, 5, 10, 17, 50, 150, 1000, 5000]:
        for x in [1e-6, 0.01, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 1000, 1100, 5000, 5200]:
            p, q = sc.gammainc(a, x), sc.gammaincc(a, x)
            if p > 1e-300 and q > 1e-300:
                gi.append({"a": a, "x": x, "p": p, "q": q})
    normal = [{"x": x, "cdf": st.norm.cdf(x), "sf": st.norm.sf(x)} for x in
              [-37.5, -20, -8, -5, -3, -1.96, -1, -0.1, 0, 0.3, 1, 2.5, 6, 9, 30]]
    probs = [1e-300, 1e-100, 1e-20, 1e-10, 1e-6, 0.001, 0.01, 0.025, 0.05, 0.1, 0.25, 0.4, 0.5,
             0.6, 0.75, 0.9, 0.95, 0.975, 0.99, 0.999, 1 - 1e-6, 1 - 1e-12]
    nq = [{"p": p, "value": st.norm.ppf(p)} for p in probs]
    tdist, tq = [], []
    for df in [0.5, 1, 2, 3, 5, 10, 31, 100, 1000, 9998, 1e6]:
        for x in [-1e5, -50, -10, -3, -1.5, -0.2, 0, 0.05, 1, 2, 4, 12, 300]:
            tdist.append({"df": df, "x": x, "cdf": st.t.cdf(x, df), "sf": st.t.sf(x, df)})
        for p in [1e-30, 1e-10, 1e-4, 0.005, 0.025, 0.1, 0.3, 0.5, 0.8, 0.975, 0.995, 1 - 1e-9]:
            tq.append({"df": df, "p": p, "value": st.t.ppf(p, df)})
        for q in [1e-300, 1e-30, 1e-12, 0.025]:
            v = st.t.isf(q, df)
            # Keep only self-consistent references: SciPy returns a finite but wrong value
            # (4.7e153) for ν = 0.5, q = 1e-300, whose true quantile (~1e600) overflows.
            if np.isfinite(v) and abs(st.t.sf(v, df) / q - 1) < 1e-9:
                tq.append({"df": df, "q": q, "value": v})
    chi, cq = [], []
    for df in [0.5, 1, 2, 3, 4, 7, 10, 20, 30, 100, 1000]:
        for x in [1e-8, 0.01, 0.5, 1, 2, 3.84, 6, 10, 20, 40, 80, 150, 900, 1100]:
            chi.append({"df": df, "x": x, "cdf": st.chi2.cdf(x, df), "sf": st.chi2.sf(x, df)})
        for p in [1e-20, 1e-6, 0.01, 0.05, 0.5, 0.9, 0.95, 0.99, 1 - 1e-8]:
            cq.append({"df": df, "p": p, "value": st.chi2.ppf(p, df)})
        for q in [1e-200, 1e-12, 0.05]:
            cq.append({"df": df, "q": q, "value": st.chi2.isf(q, df)})
    fd, fq = [], []
    for d1, d2 in [(1, 1), (1, 10), (2, 5), (3, 30), (5, 2), (10, 10), (20, 100), (4, 1000), (500, 600)]:
        for x in [1e-6, 0.01, 0.2, 0.5, 1, 1.5, 3, 10, 100, 1e5]:
            fd.append({"d1": d1, "d2": d2, "x": x, "cdf": st.f.cdf(x, d1, d2), "sf": st.f.sf(x, d1, d2)})
        for p in [1e-12, 0.01, 0.05, 0.5, 0.95, 0.99, 1 - 1e-9]:
            fq.append({"d1": d1, "d2": d2, "p": p, "value": st.f.ppf(p, d1, d2)})
        fq.append({"d1": d1, "d2": d2, "q": 0.05, "value": st.f.isf(0.05, d1, d2)})
        # SciPy 1.17's f.isf is inaccurate for small q (inf at 1e-50, 4e-5 relative error at
        # 1e-12 for F(1,1), whose exact quantile is (2/(πq))²); use the exact identity with
        # the beta quantile instead: F = (d2/d1)(1 − y)/y, y = Beta⁻¹(q; d2/2, d1/2).
        for q in [1e-12, 1e-50]:
            y = st.beta.ppf(q, d2 / 2, d1 / 2)
            fq.append({"d1": d1, "d2": d2, "q": q, "value": (d2 / d1) * (1 - y) / y})
    bq = []
    for a, b in [(0.5, 0.5), (1, 1), (1, 20), (3, 18), (2, 3), (10, 1), (17, 4), (0.2, 3), (1000, 9000)]:
        for p in [1e-15, 1e-6, 0.025, 0.3, 0.5, 0.7, 0.975, 1 - 1e-10]:
            bq.append({"a": a, "b": b, "p": p, "value": st.beta.ppf(p, a, b)})
    write("special", {"logGamma": lg, "betaInc": bi, "gammaInc": gi, "normal": normal, "normalQuantile": nq,
                      "t": tdist, "tQuantile": tq, "chi2": chi, "chi2Quantile": cq, "f": fd, "fQuantile": fq,
                      "betaQuantile": bq})


# ---------------------------------------------------------------- descriptive

def samples(rng):
    """Named samples: sizes 3 to 10,000; ties; outliers; negative and huge values."""
    out = []
    for n in [3, 4, 5, 7, 10, 20, 33, 100, 1000, 10000]:
        out.append((f"normal-{n}", rng.normal(10, 3, n)))
    out.append(("ties-int-15", rng.integers(0, 4, 15).astype(float)))
    out.append(("ties-int-60", rng.integers(-3, 3, 60).astype(float)))
    out.append(("outlier-12", np.r_[rng.normal(0, 1, 11), 250.0]))
    out.append(("negative-25", -np.abs(rng.standard_cauchy(25)) - 1))
    out.append(("huge-30", 1e12 + rng.normal(0, 1e3, 30)))
    out.append(("mixed-magnitude-40", rng.normal(0, 1, 40) * 10.0 ** rng.integers(-8, 9, 40)))
    out.append(("skewed-counts-33", rng.negative_binomial(1, 0.05, 33).astype(float)))
    out.append(("two-values-9", np.array([1, 1, 1, 2, 2, 1, 2, 1, 1], dtype=float)))
    return out


QPS = [0.0, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 1.0, 1 / 3]


def descriptive_cases():
    rng = np.random.default_rng(101)
    cases = []
    for name, v in samples(rng):
        cases.append({"name": name, "values": v, "mean": np.mean(v), "median": np.median(v),
                      "sd": np.std(v, ddof=1), "min": np.min(v), "max": np.max(v),
                      "ps": QPS, "quantiles": [np.quantile(v, p) for p in QPS]})
    cases.append({"name": "single", "values": [4.5], "mean": 4.5, "median": 4.5, "sd": None, "min": 4.5,
                  "max": 4.5, "ps": QPS, "quantiles": [4.5] * len(QPS)})
    write("descriptive", {"cases": cases})


# ---------------------------------------------------------------- correlation

def kendall_method(x, y):
    n = len(x)
    ties = len(set(x)) < n or len(set(y)) < n
    if ties:
        return "normalApproximation"
    tot = n * (n - 1) // 2
    dis = sum(1 for i in range(n) for j in range(i + 1, n) if (x[i] - x[j]) * (y[i] - y[j]) < 0) if n <= 2000 else None
    if n <= 33 or (dis is not None and min(dis, tot - dis) <= 1):
        return "exact"
    return "normalApproximation"


def correlation_pairs(rng):
    out = []
    for n in [3, 4, 5, 6, 8, 10, 15, 20, 25, 33, 34, 50, 100, 500, 2000]:
        x = rng.normal(0, 1, n)
        y = 0.4 * x + rng.normal(0, 1, n)
        out.append((f"normal-{n}", x, y))
    for n in [5, 12, 40]:
        x = rng.normal(0, 1, n)
        out.append((f"strong-{n}", x, 3 * x + rng.normal(0, 0.05, n)))
        out.append((f"negative-{n}", x, -x ** 3 + rng.normal(0, 0.3, n)))
    out.append(("perfect-6", np.arange(6.0), 2 * np.arange(6.0) + 1))
    out.append(("perfect-negative-40", np.arange(40.0), -np.arange(40.0)))
    out.append(("one-discordant-40", np.arange(40.0), np.r_[np.arange(38.0), 39.0, 38.0]))
    out.append(("ties-x-20", rng.integers(0, 4, 20).astype(float), rng.normal(0, 1, 20)))
    out.append(("ties-both-30", rng.integers(0, 5, 30).astype(float), rng.integers(0, 3, 30).astype(float)))
    out.append(("ties-both-300", rng.integers(0, 10, 300).astype(float), rng.integers(0, 7, 300).astype(float)))
    out.append(("counts-33", rng.uniform(0, 30, 33), rng.negative_binomial(1, 0.08, 33).astype(float)))
    x = rng.normal(0, 1, 15)
    out.append(("outlier-15", np.r_[x, 40.0], np.r_[rng.normal(0, 1, 15), 35.0]))
    out.append(("huge-20", 1e9 + rng.normal(0, 10, 20), -5e8 + rng.normal(0, 1, 20)))
    out.append(("independent-10000", rng.normal(0, 1, 10000), rng.normal(0, 1, 10000)))
    out.append(("weak-3000", *(lambda a: (a, 0.05 * a + rng.normal(0, 1, 3000)))(rng.normal(0, 1, 3000))))
    return out


def correlation_cases():
    rng = np.random.default_rng(202)
    cases = []
    for name, x, y in correlation_pairs(rng):
        pr = st.pearsonr(x, y)
        ci = pr.confidence_interval(0.95)
        sp = st.spearmanr(x, y)
        case = {"name": name, "x": x, "y": y,
                "pearson": {"r": pr.statistic, "p": pr.pvalue, "lower": ci.low, "upper": ci.high},
                "spearman": {"rho": sp.statistic, "p": sp.pvalue}}
        if len(x) <= 3000:
            kt = st.kendalltau(x, y)
            case["kendall"] = {"tau": kt.statistic, "p": kt.pvalue, "method": kendall_method(list(x), list(y))}
        cases.append(case)
    write("correlation", {"cases": cases})


# ---------------------------------------------------------------- permutation (exact enumeration)

def permutation_cases():
    rng = np.random.default_rng(303)
    cases = []
    for n, slope in [(3, 1.0), (4, 0.5), (5, 0.8), (5, 0.0), (6, 0.3), (6, 1.5), (7, 0.5), (7, 0.0), (9, 0.4)]:
        x = rng.normal(0, 1, n)
        y = slope * x + rng.normal(0, 1, n)
        if n == 6 and slope == 0.3:
            y = np.round(y)  # ties in y
        xc, yc = x - x.mean(), y - y.mean()
        norm = math.sqrt((xc ** 2).sum()) * math.sqrt((yc ** 2).sum())
        r = (xc * yc).sum() / norm
        perms = np.array(list(itertools.permutations(range(n))))
        rs = np.abs((yc[perms] * xc).sum(axis=1) / norm)
        count = int((rs >= abs(r) * (1 - 1e-12)).sum())
        cases.append({"n": n, "x": x, "y": y, "r": r, "total": len(perms), "exceedances": count,
                      "p": count / len(perms)})
    write("permutation", {"cases": cases})


# ---------------------------------------------------------------- OLS

def ols_cases():
    rng = np.random.default_rng(404)
    cases = []
    specs = [(3, 1.0, 1.0), (4, -2.0, 0.5), (8, 0.5, 1.0), (20, 1.3, 2.0), (33, 0.02, 1.0), (100, 3.0, 10.0),
             (1000, -0.7, 0.3), (12, 0.0, 1.0)]
    for n, slope, noise in specs:
        x = rng.uniform(0, 10, n)
        y = 2 + slope * x + rng.normal(0, noise, n)
        cases.append(("gen", x, y))
    cases.append(("ties", np.repeat([1.0, 2.0, 3.0, 4.0], 3), rng.normal(0, 1, 12)))
    cases.append(("huge", 1e6 + rng.uniform(0, 100, 15), 1e9 + rng.normal(0, 1e3, 15)))
    out = []
    for kind, x, y in cases:
        X = sm.add_constant(x)
        fit = sm.OLS(y, X).fit()
        ci = fit.conf_int(0.05)
        grid = np.linspace(x.min() - 1, x.max() + 1, 7)
        pred = fit.get_prediction(sm.add_constant(grid, has_constant="add")).summary_frame(alpha=0.05)
        out.append({"kind": kind, "x": x, "y": y, "intercept": fit.params[0], "slope": fit.params[1],
                    "interceptSE": fit.bse[0], "slopeSE": fit.bse[1], "interceptP": fit.pvalues[0],
                    "slopeP": fit.pvalues[1], "interceptT": fit.tvalues[0], "slopeT": fit.tvalues[1],
                    "interceptCI": ci[0], "slopeCI": ci[1], "rSquared": fit.rsquared,
                    "residualSE": math.sqrt(fit.scale),
                    "grid": grid, "fit": pred["mean"].values, "fitSE": pred["mean_se"].values,
                    "lower": pred["mean_ci_lower"].values, "upper": pred["mean_ci_upper"].values,
                    "predLower": pred["obs_ci_lower"].values, "predUpper": pred["obs_ci_upper"].values})
    write("ols", {"cases": out})


# ---------------------------------------------------------------- Poisson GLM

def poisson_fit(y, covs, offset):
    X = sm.add_constant(np.column_stack(covs), has_constant="add") if covs else np.ones((len(y), 1))
    model = sm.GLM(y, X, family=sm.families.Poisson(), offset=offset)
    first = model.fit(tol=1e-14, maxiter=200)
    # statsmodels' IRLS reports the covariance from the weights of its last-but-one
    # iteration (a ~1e-9 effect); refitting from the converged estimates removes that.
    fit = model.fit(start_params=first.params, tol=1e-14, maxiter=200)
    quasi = model.fit(start_params=first.params, tol=1e-14, maxiter=200, scale="X2")
    return fit, quasi


def poisson_cases():
    rng = np.random.default_rng(505)
    out = []
    specs = [(12, 1, False, False), (20, 1, True, False), (33, 2, True, True), (33, 2, True, False),
             (50, 3, True, True), (100, 2, False, True), (25, 3, True, True), (500, 1, True, True)]
    for n, k, with_offset, overdispersed in specs:
        covs = [rng.normal(0, 1, n) for _ in range(k)]
        if k >= 2:
            covs[1] = (rng.uniform(size=n) < 0.3).astype(float)  # a binary covariate
        logpop = rng.normal(15, 1.2, n)
        eta = -13.5 + 0.4 * covs[0] + (-0.8 * covs[1] if k >= 2 else 0) + (0.2 * covs[2] if k >= 3 else 0)
        offset = logpop if with_offset else None
        lin = eta + (logpop if with_offset else 15)
        mu = np.exp(lin - 13.5 + 14.0) / 10
        if overdispersed:
            y = rng.negative_binomial(1.5, 1.5 / (1.5 + mu)).astype(float)
        else:
            y = rng.poisson(mu).astype(float)
        fit, quasi = poisson_fit(y, covs, offset)
        ci, qci = fit.conf_int(0.05), quasi.conf_int(0.05)
        out.append({"y": y, "covariates": covs, "offset": offset, "params": fit.params, "bse": fit.bse,
                    "pvalues": fit.pvalues, "ciLower": ci[:, 0], "ciUpper": ci[:, 1],
                    "quasiBse": quasi.bse, "quasiPvalues": quasi.pvalues, "quasiLower": qci[:, 0],
                    "quasiUpper": qci[:, 1], "deviance": fit.deviance, "nullDeviance": fit.null_deviance,
                    "pearsonChi2": fit.pearson_chi2, "dfResid": fit.df_resid, "scaleX2": quasi.scale,
                    "llf": fit.llf, "aic": fit.aic})
    write("poisson", {"cases": out})


# ---------------------------------------------------------------- proportions

def proportion_cases():
    out = []
    for n in [1, 2, 5, 10, 17, 30, 33, 100, 1000, 10000]:
        xs = sorted(set([0, 1, n // 3, n // 2, n - 1, n]))
        for x in xs:
            if x < 0:
                continue
            for level in [0.9, 0.95, 0.99]:
                w = proportion_confint(x, n, alpha=1 - level, method="wilson")
                b = proportion_confint(x, n, alpha=1 - level, method="beta")
                out.append({"x": x, "n": n, "level": level, "wilson": list(w), "clopperPearson": list(b)})
    write("proportions", {"cases": out})


# ---------------------------------------------------------------- tables

def random_tables(rng):
    tables = []
    for r, c in [(2, 2), (2, 3), (3, 2), (3, 3), (2, 5), (4, 3), (4, 4), (5, 4), (6, 5)]:
        for total in [20, 60, 300]:
            lam = rng.uniform(0.2, 3, (r, c))
            t = rng.poisson(lam * total / lam.sum())
            if (t.sum(axis=0) == 0).any() or (t.sum(axis=1) == 0).any():
                t[0, :] += 1
                t[:, 0] += 1
            tables.append(t)
    tables.append(np.array([[0, 5], [6, 0]]))
    tables.append(np.array([[3, 0, 2], [0, 4, 1], [2, 2, 0]]))
    tables.append(np.array([[1000, 2000], [1500, 2600]]))
    tables.append(np.array([[12, 5, 1, 0, 2], [3, 8, 2, 1, 0], [1, 0, 6, 2, 1], [0, 1, 1, 4, 3],
                            [0, 0, 2, 1, 5], [1, 0, 0, 2, 2]]))
    return tables


def table_cases():
    rng = np.random.default_rng(606)
    chi = []
    for t in random_tables(rng):
        res = st.chi2_contingency(t, correction=False)
        entry = {"table": t, "statistic": res.statistic, "p": res.pvalue, "df": res.dof, "expected": res.expected_freq,
                 "cramersV": st.contingency.association(t, method="cramer")}
        if t.shape == (2, 2):
            yr = st.chi2_contingency(t, correction=True)
            entry["yatesStatistic"] = yr.statistic
            entry["yatesP"] = yr.pvalue
        chi.append(entry)
    fisher = []
    two = [[[3, 1], [1, 3]], [[1, 9], [11, 3]], [[0, 5], [5, 0]], [[0, 10], [5, 5]], [[7, 0], [3, 9]],
           [[10, 10], [10, 10]], [[2, 7], [8, 2]], [[1, 1], [1, 1]], [[20, 5], [4, 30]], [[100, 50], [60, 110]],
           [[0, 1], [1, 0]], [[5, 0], [0, 1]], [[12, 3], [9, 14]], [[1, 30], [4, 20]], [[6, 2], [2, 6]]]
    for _ in range(25):
        n1, n2 = rng.integers(1, 40, 2)
        p1, p2 = rng.uniform(0.05, 0.95, 2)
        a, c = rng.binomial(n1, p1), rng.binomial(n2, p2)
        two.append([[a, n1 - a], [c, n2 - c]])
    for t in two:
        t = np.array(t)
        if (t.sum(axis=0) == 0).any() or (t.sum(axis=1) == 0).any():
            continue
        res = st.fisher_exact(t)
        for level in [0.95, 0.9]:
            orr = st.contingency.odds_ratio(t, kind="conditional")
            ci = orr.confidence_interval(confidence_level=level)
            b, c = t[0, 1], t[1, 0]
            fisher.append({"table": t, "p": res.pvalue, "oddsRatio": orr.statistic, "level": level,
                           "lower": ci.low, "upper": ci.high,
                           "sampleOddsRatio": None if b * c == 0 else t[0, 0] * t[1, 1] / (b * c)})
    write("contingency", {"chiSquare": chi, "fisher": fisher})


def enumerate_tables(rows, cols):
    """All tables with the given margins (recursive, row by row)."""
    if len(rows) == 1:
        yield [list(cols)]
        return
    r0 = rows[0]

    def fill(j, remaining, prefix):
        if j == len(cols) - 1:
            if remaining <= cols[j]:
                yield prefix + [remaining]
            return
        for v in range(min(remaining, cols[j]) + 1):
            yield from fill(j + 1, remaining - v, prefix + [v])

    for first in fill(0, r0, []):
        rest_cols = [c - f for c, f in zip(cols, first)]
        for rest in enumerate_tables(rows[1:], rest_cols):
            yield [first] + rest


def exact_rxc_cases():
    """Exact p-values (the limit of the Monte-Carlo p) by enumerating every table."""
    tables = [[[3, 1, 0], [0, 2, 4]], [[2, 2, 1], [1, 0, 4], [0, 3, 1]], [[4, 0], [1, 3], [0, 3]],
              [[1, 2, 5, 0], [3, 1, 0, 2]], [[2, 1, 1], [1, 2, 1], [1, 1, 2]], [[5, 1], [2, 4]],
              [[6, 1, 0, 2], [1, 4, 2, 0], [0, 1, 3, 1]]]
    lf = lambda v: math.lgamma(v + 1)
    out = []
    for t in tables:
        t = np.array(t)
        rows, cols = list(t.sum(axis=1)), list(t.sum(axis=0))
        n = t.sum()
        const = sum(lf(r) for r in rows) + sum(lf(c) for c in cols) - lf(n)
        expected = np.outer(rows, cols) / n

        def stats(m):
            m = np.array(m)
            logp = const - sum(lf(v) for v in m.ravel())
            x2 = ((m - expected) ** 2 / expected).sum()
            return logp, x2

        lp_obs, x2_obs = stats(t)
        p_prob = p_chi = 0.0
        count = 0
        for m in enumerate_tables(rows, cols):
            lp, x2 = stats(m)
            count += 1
            if lp <= lp_obs + 1e-7:
                p_prob += math.exp(lp)
            if x2 >= x2_obs * (1 - 1e-12):
                p_chi += math.exp(lp)
        out.append({"table": t, "pProbability": p_prob, "pChiSquare": p_chi, "tables": count})
    write("exact_rxc", {"cases": out})


# ---------------------------------------------------------------- the flagship's own analyses

def flagship_cases():
    """Q1 and Q2 of /work/shared/ANALYSIS.md on datasets/, with the inputs embedded so the
    Swift test needs neither the CSV reader nor the files."""
    import csv
    ds = os.path.join(ROOT, "datasets")
    if not os.path.exists(os.path.join(ds, "countries.csv")):
        print("datasets/ not found; skipping flagship fixture")
        return
    countries = list(csv.DictReader(open(os.path.join(ds, "countries.csv"), encoding="utf-8")))
    rows = [c for c in countries if c["rai"].strip() and c["twinning_ties"].strip() and c["population"].strip()]
    iso = [c["iso3"] for c in rows]
    rai = np.array([float(c["rai"]) for c in rows])
    ties = np.array([float(c["twinning_ties"]) for c in rows])
    pop = np.array([float(c["population"]) for c in rows])
    taipei = np.array([1.0 if c["recognizes_taipei_2020"] == "true" else 0.0 for c in rows])
    per10m = ties / pop * 1e7
    q1 = {"iso3": iso, "rai": rai, "ties": ties, "population": pop, "taipei": taipei}
    sp = st.spearmanr(rai, ties)
    q1["spearmanTies"] = {"rho": sp.statistic, "p": sp.pvalue}
    sp2 = st.spearmanr(rai, per10m)
    q1["spearmanPer10M"] = {"rho": sp2.statistic, "p": sp2.pvalue}
    kt = st.kendalltau(rai, ties)
    q1["kendallTies"] = {"tau": kt.statistic, "p": kt.pvalue}
    # Countries recognising Taipei have no ties at all, so a recognition covariate is
    # completely separated (statsmodels stops at β ≈ −39 with an enormous SE; DossierStats
    # refuses with didNotConverge). The model is therefore fitted on the countries
    # recognising Beijing, as ANALYSIS.md allows ("adjust for it or restrict").
    q1["taipeiSeparated"] = bool(taipei.any() and ties[taipei == 1].sum() == 0)
    beijing = taipei == 0
    big3 = np.array([i in ("BRA", "MEX", "ARG") for i in iso])
    fits = []
    for label, keep in [("recognising Beijing", beijing),
                        ("recognising Beijing, without BRA, MEX, ARG", beijing & ~big3)]:
        covs = [rai[keep]]
        fit, quasi = poisson_fit(ties[keep], covs, np.log(pop[keep]))
        ci, qci = fit.conf_int(0.05), quasi.conf_int(0.05)
        fits.append({"label": label, "keep": keep, "covariates": len(covs), "params": fit.params, "bse": fit.bse,
                     "ciLower": ci[:, 0], "ciUpper": ci[:, 1], "quasiLower": qci[:, 0], "quasiUpper": qci[:, 1],
                     "deviance": fit.deviance, "pearsonChi2": fit.pearson_chi2, "dfResid": fit.df_resid,
                     "rrPer10": math.exp(10 * fit.params[1]),
                     "rrPer10Quasi": [math.exp(10 * qci[1, 0]), math.exp(10 * qci[1, 1])]})
    q1["poisson"] = fits

    cases = list(csv.DictReader(open(os.path.join(ds, "cases.csv"), encoding="utf-8")))
    local = [c for c in cases if c["level_scope"] == "local" and c["outcome"].strip()]
    channels = sorted({c["channel"] for c in local})
    outcomes = ["deal", "coop", "explor", "stalled"]
    outcomes = [o for o in outcomes if any(c["outcome"] == o for c in local)] + \
        sorted({c["outcome"] for c in local} - set(outcomes))
    table = np.array([[sum(1 for c in local if c["channel"] == ch and c["outcome"] == o) for o in outcomes]
                      for ch in channels])
    keep_rows = table.sum(axis=1) > 0
    table = table[keep_rows]
    channels = [ch for ch, k in zip(channels, keep_rows) if k]
    chi = st.chi2_contingency(table, correction=False)
    deal_share = []
    for ch, row in zip(channels, table):
        n = int(row.sum())
        x = int(row[outcomes.index("deal")]) if "deal" in outcomes else 0
        lo, hi = proportion_confint(x, n, alpha=0.05, method="wilson")
        deal_share.append({"channel": ch, "x": x, "n": n, "lower": lo, "upper": hi})
    init = [c for c in local if c["initiated_by"] in ("lac_side", "chinese_side")]
    two = np.array([[sum(1 for c in init if c["initiated_by"] == side and (c["outcome"] == "deal") == deal)
                     for deal in (True, False)] for side in ("lac_side", "chinese_side")])
    q2 = {"channels": channels, "outcomes": outcomes, "table": table, "chiSquare": chi.statistic, "chiP": chi.pvalue,
          "df": chi.dof, "cramersV": st.contingency.association(table, method="cramer"),
          "minExpected": chi.expected_freq.min(), "dealShare": deal_share, "initiatorTable": two}
    if (two.sum(axis=0) > 0).all() and (two.sum(axis=1) > 0).all():
        fe = st.fisher_exact(two)
        orr = st.contingency.odds_ratio(two, kind="conditional")
        ci = orr.confidence_interval(0.95)
        q2["fisher"] = {"p": fe.pvalue, "oddsRatio": orr.statistic, "lower": ci.low, "upper": ci.high}
    write("flagship", {"q1": [q1], "q2": [q2]})


def main():
    rng_cases()
    special_cases()
    descriptive_cases()
    correlation_cases()
    permutation_cases()
    ols_cases()
    poisson_cases()
    proportion_cases()
    table_cases()
    exact_rxc_cases()
    flagship_cases()
    meta = {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__,
            "statsmodels": statsmodels.__version__, "cases": CASES, "total": sum(CASES.values())}
    with open(os.path.join(OUT, "meta.json"), "w") as fh:
        json.dump(meta, fh, sort_keys=True, indent=1)
        fh.write("\n")
    print("total cases:", meta["total"])


if __name__ == "__main__":
    main()
