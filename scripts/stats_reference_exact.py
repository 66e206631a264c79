#!/usr/bin/env python3
"""Reference values for the exact r×c test, correlation intervals, seeded bootstrap
intervals and multiple-comparison adjustments of DossierStats.

Writes JSON fixtures into Tests/DossierStatsTests/Fixtures/ (exact_ffh.json,
correlation_ci.json, bootstrap.json, adjust.json). Deterministic: inputs are fixed or drawn
from numpy.random.default_rng with fixed seeds; the JSON is written with sorted keys.

References:
- exact r×c (Fisher–Freeman–Halton): a full enumeration of every table with the observed
  margins (both orderings), and R's fisher.test (Rscript; table-probability ordering);
- correlation intervals: the Fisher-z formulas computed here from scipy's estimates
  (Bonett–Wright SE for Spearman, Fieller–Hartley–Pearson SE for Kendall), and R's
  cor.test for Pearson;
- bootstrap: the same xoshiro256** generator as DossierStats (SeededGenerator) draws the
  same indices; percentile and BCa intervals are computed as scipy.stats.bootstrap does,
  and checked against scipy.stats.bootstrap given that resample distribution;
- adjustments: statsmodels.stats.multitest.multipletests (holm, fdr_bh).

    python3 scripts/stats_reference_exact.py
"""
import json
import math
import os
import subprocess
import sys

import numpy as np
import scipy
import scipy.stats as st
import statsmodels
from statsmodels.stats.multitest import multipletests

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stats_reference import Xoshiro, clean  # noqa: E402  (the generator, JSON cleaning)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "DossierStatsTests", "Fixtures")
CASES = {}


def write(name, payload):
    path = os.path.join(OUT, name + ".json")
    data = clean(payload)
    with open(path, "w") as fh:
        json.dump(data, fh, sort_keys=True, indent=0, separators=(",", ":"))
        fh.write("\n")
    CASES[name] = sum(len(v) for v in data.values() if isinstance(v, list))
    print(f"{path}: {CASES[name]} cases")


# ---------------------------------------------------------------- exact r×c

def enumerate_ffh(t):
    """Every table with the margins of t, column by column: returns (p by probability,
    p by X², number of tables). Extreme by probability: ln P ≤ ln P_obs + 1e-7 (R's
    relative tolerance); by X²: S ≥ S_obs (1 − 1e-9), S = Σ x²/(r c), X² = n(S − 1)."""
    t = np.array(t)
    rows, cols = [int(v) for v in t.sum(axis=1)], [int(v) for v in t.sum(axis=0)]
    n = sum(rows)
    lf = [math.lgamma(v + 1) for v in range(n + 1)]
    const = sum(lf[r] for r in rows) + sum(lf[c] for c in cols) - lf[n]
    obs_lf = sum(lf[int(v)] for v in t.ravel())
    obs_s = sum(int(t[i, j]) ** 2 / (rows[i] * cols[j]) for i in range(len(rows)) for j in range(len(cols)))
    obs_lp = const - obs_lf
    acc = {"prob": 0.0, "chi": 0.0, "count": 0}

    def column(j, rem, lfsum, s):
        if j == len(cols) - 1:
            last = rem  # the last column takes what is left
            lfsum += sum(lf[v] for v in last)
            s += sum(v * v / (rows[i] * cols[j]) for i, v in enumerate(last))
            lp = const - lfsum
            acc["count"] += 1
            if lp <= obs_lp + 1e-7:
                acc["prob"] += math.exp(lp)
            if s >= obs_s * (1 - 1e-9):
                acc["chi"] += math.exp(lp)
            return
        c = cols[j]
        cap_after = [0] * (len(rem) + 1)
        for i in range(len(rem) - 1, -1, -1):
            cap_after[i] = cap_after[i + 1] + rem[i]

        def fill(i, left, cur):
            if i == len(rem) - 1:
                x = cur + [left]
                new = [r - v for r, v in zip(rem, x)]
                column(j + 1, new, lfsum + sum(lf[v] for v in x),
                       s + sum(v * v / (rows[k] * c) for k, v in enumerate(x)))
                return
            for v in range(max(0, left - cap_after[i + 1]), min(left, rem[i]) + 1):
                fill(i + 1, left - v, cur + [v])

        fill(0, c, [])

    column(0, rows, 0.0, 0.0)
    x2 = n * (obs_s - 1)
    return acc["prob"], acc["chi"], acc["count"], math.exp(obs_lp), x2


def r_fisher(tables):
    """R's fisher.test p-value (exact network algorithm, table-probability ordering) for each table."""
    lines = []
    for t in tables:
        flat = ",".join(str(int(v)) for v in np.array(t).ravel())
        lines.append(f"m <- matrix(c({flat}), nrow={len(t)}, byrow=TRUE); "
                     f"cat(sprintf('%.17g\\n', fisher.test(m, workspace=2e8)$p.value))")
    out = subprocess.run(["Rscript", "-e", "; ".join(lines)], capture_output=True, text=True, check=True).stdout
    return [float(v) for v in out.split()], subprocess.run(["Rscript", "-e", "cat(R.version.string)"],
                                                           capture_output=True, text=True, check=True).stdout


def count_tables(t):
    """How many tables share the margins of t (memoized over remaining row totals)."""
    from functools import lru_cache
    t = np.array(t)
    rows, cols = tuple(int(v) for v in t.sum(axis=1)), [int(v) for v in t.sum(axis=0)]

    @lru_cache(None)
    def count(rem, j):
        if j == len(cols) - 1:
            return 1

        def fill(i, left, cur):
            if i == len(rem) - 1:
                return count(tuple(r - v for r, v in zip(rem, cur + [left])), j + 1) if left <= rem[i] else 0
            return sum(fill(i + 1, left - v, cur + [v]) for v in range(min(left, rem[i]) + 1))

        return fill(0, cols[j], [])

    return count(rows, 0)


def exact_tables():
    """Hand-picked tables (the flagship's channel × outcome table among them) and random
    sparse ones small enough to enumerate."""
    tables = [
        [[3, 1, 0], [0, 2, 4]], [[2, 2, 1], [1, 0, 4], [0, 3, 1]], [[4, 0], [1, 3], [0, 3]],
        [[1, 2, 5, 0], [3, 1, 0, 2]], [[2, 1, 1], [1, 2, 1], [1, 1, 2]], [[5, 1], [2, 4]],
        [[6, 1, 0, 2], [1, 4, 2, 0], [0, 1, 3, 1]], [[1, 9], [11, 3]], [[10, 0], [0, 10]],
        [[3, 3], [3, 3]], [[1, 1, 1, 1, 1], [1, 1, 1, 1, 1]], [[7, 0, 0], [0, 7, 0], [0, 0, 7]],
        # flagship: channel (a–f) × outcome (deal, coop, explor, stalled), n = 30
        [[0, 0, 1, 0], [1, 0, 0, 0], [1, 12, 4, 1], [1, 0, 1, 0], [3, 0, 1, 1], [0, 3, 0, 0]],
    ]
    rng = np.random.default_rng(1717)
    while len(tables) < 33:
        r, c = int(rng.integers(2, 6)), int(rng.integers(2, 6))
        total = int(rng.integers(r * c, 2 * r * c + 6))
        lam = rng.uniform(0.1, 3, (r, c))
        t = rng.poisson(lam * total / lam.sum())
        if (t.sum(axis=0) == 0).any() or (t.sum(axis=1) == 0).any():
            continue
        if count_tables(t) <= 300_000:
            tables.append(t.tolist())
    return tables


def exact_cases():
    if "--skip-exact" in sys.argv:
        return
    out = []
    kept = exact_tables()
    r_p, r_version = r_fisher(kept)
    for t, rp in zip(kept, r_p):
        p_prob, p_chi, count, prob_obs, x2 = enumerate_ffh(t)
        out.append({"table": t, "pProbability": p_prob, "pChiSquare": p_chi, "tables": count,
                    "pR": rp, "observedProbability": prob_obs, "chiSquare": x2})
    # Larger tables, beyond enumeration here: R's network algorithm only.
    large = [[[8, 2, 0, 3, 1], [1, 6, 4, 0, 2], [0, 3, 7, 2, 1], [2, 1, 1, 6, 3], [1, 0, 2, 3, 9]],
             [[12, 5, 3], [4, 14, 6], [2, 7, 15], [6, 3, 4]],
             [[20, 15], [5, 30], [12, 12], [3, 25], [18, 6], [9, 9]],
             [[2, 0, 1, 0, 3, 1], [0, 4, 0, 2, 0, 1], [1, 1, 5, 0, 0, 2], [3, 0, 0, 4, 1, 0]]]
    large_p, _ = r_fisher(large)
    write("exact_ffh", {"cases": out, "large": [{"table": t, "pR": p} for t, p in zip(large, large_p)], "r": r_version})


# ---------------------------------------------------------------- correlation intervals

def correlation_samples():
    rng = np.random.default_rng(1702)
    out = []
    for n in [5, 8, 12, 33, 100, 1000]:
        x = rng.normal(0, 1, n)
        out.append((f"moderate-{n}", x, 0.5 * x + rng.normal(0, 1, n)))
    x = rng.normal(0, 1, 20)
    out.append(("negative-20", x, -x + rng.normal(0, 0.3, 20)))
    out.append(("ties-30", rng.integers(0, 5, 30).astype(float), rng.integers(0, 4, 30).astype(float)))
    out.append(("independent-50", rng.normal(0, 1, 50), rng.normal(0, 1, 50)))
    return out


def r_cor_test(x, y, level):
    code = (f"x <- c({','.join(repr(float(v)) for v in x)}); y <- c({','.join(repr(float(v)) for v in y)}); "
            f"ci <- cor.test(x, y, conf.level={level})$conf.int; cat(sprintf('%.17g %.17g', ci[1], ci[2]))")
    # On standard input: a long vector passes the length limit of `Rscript -e`.
    out = subprocess.run(["R", "--vanilla", "--slave"], input=code, capture_output=True, text=True, check=True).stdout.split()
    return [float(v) for v in out]


def fisher_z(estimate, se, level):
    if abs(estimate) == 1:
        return [estimate, estimate]
    crit = st.norm.ppf(0.5 + level / 2)
    z = math.atanh(estimate)
    return [math.tanh(z - crit * se), math.tanh(z + crit * se)]


def correlation_interval_cases():
    """Fisher-z intervals: Pearson (R cor.test), Spearman with the Bonett–Wright SE and Kendall
    with the Fieller–Hartley–Pearson SE (formulas here, estimates from SciPy)."""
    out = []
    for name, x, y in correlation_samples():
        n = len(x)
        r = st.pearsonr(x, y).statistic
        rho = st.spearmanr(x, y).statistic
        tau = st.kendalltau(x, y).statistic
        for level in [0.9, 0.95, 0.99]:
            case = {"name": name, "x": x, "y": y, "level": level, "pearson": r, "spearman": rho, "kendall": tau,
                    "pearsonCI": r_cor_test(x, y, level) if n > 3 else [-1.0, 1.0],
                    "pearsonSciPy": list(st.pearsonr(x, y).confidence_interval(level)),
                    "spearmanCI": fisher_z(rho, math.sqrt((1 + rho ** 2 / 2) / (n - 3)), level) if n > 3 else [-1.0, 1.0],
                    "kendallCI": fisher_z(tau, math.sqrt(0.437 / (n - 4)), level) if n > 4 else [-1.0, 1.0]}
            out.append(case)
    write("correlation_ci", {"cases": out})


# ---------------------------------------------------------------- seeded bootstrap

MASK64 = (1 << 64) - 1


def next_int(g, bound):
    """SeededGenerator.nextInt(below:): Lemire's multiply-and-reject."""
    m = g.next() * bound
    if (m & MASK64) < bound:
        threshold = ((1 << 64) - bound) % bound
        while (m & MASK64) < threshold:
            m = g.next() * bound
    return m >> 64


def quantile_linear(sorted_values, q):
    return float(np.quantile(np.array(sorted_values), q, method="linear"))


def bootstrap_reference(x, y, stat, resamples, seed, level):
    """The resampled estimates drawn as DossierStats draws them, and the percentile and BCa
    intervals computed as scipy.stats.bootstrap computes them (and checked against it)."""
    n = len(x)
    g = Xoshiro(seed)
    est = []
    for _ in range(resamples):
        idx = [next_int(g, n) for _ in range(n)]
        with np.errstate(all="ignore"):
            import warnings
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                v = stat(x[idx], y[idx])
        if np.isfinite(v):
            est.append(float(v))
    est = np.array(est)
    alpha = (1 - level) / 2
    theta = stat(x, y)
    pct = [quantile_linear(est, alpha), quantile_linear(est, 1 - alpha)]
    # Estimates within 1e-12 (relative) of the estimate count as ties: a resample that equals
    # the data up to order gives the estimate up to rounding, which two implementations round
    # differently (SciPy compares exactly; where no estimate is that close, the two agree).
    tol = 1e-12 * max(1.0, abs(theta))
    share = (np.count_nonzero(est < theta - tol) + np.count_nonzero(est <= theta + tol)) / (2 * len(est))
    near = np.any((np.abs(est - theta) <= tol) & (est != theta))
    z0 = st.norm.ppf(share)
    jack = np.array([stat(np.delete(x, i), np.delete(y, i)) for i in range(n)])
    d = jack.mean() - jack
    a = (d ** 3).sum() / (6 * ((d ** 2).sum()) ** 1.5)
    za = st.norm.ppf(alpha)
    a1 = st.norm.cdf(z0 + (z0 + za) / (1 - a * (z0 + za)))
    a2 = st.norm.cdf(z0 + (z0 - za) / (1 - a * (z0 - za)))
    bca = [quantile_linear(est, a1), quantile_linear(est, a2)]
    # SciPy given the same resample distribution (n_resamples=0 reuses it) must agree.
    prior = type("R", (), {"bootstrap_distribution": est})()
    for method, ours in [("percentile", pct), ("BCa", bca)]:
        res = st.bootstrap((x, y), lambda u, v: stat(u, v), paired=True, vectorized=False, n_resamples=0,
                           bootstrap_result=prior, method=method, confidence_level=level)
        ci = [res.confidence_interval.low, res.confidence_interval.high]
        if method == "percentile" or not near:
            assert np.allclose(ci, ours, rtol=1e-12, atol=0), (method, ci, ours)
    return {"estimate": theta, "percentile": pct, "bca": bca, "undefined": resamples - len(est),
            "se": float(np.std(est, ddof=1)), "z0": z0, "acceleration": a}


def bootstrap_cases():
    rng = np.random.default_rng(1703)
    data = []
    for n in [10, 25, 60]:
        x = rng.normal(0, 1, n)
        data.append((f"moderate-{n}", x, 0.6 * x + rng.normal(0, 1, n)))
    data.append(("ties-15", rng.integers(0, 4, 15).astype(float), rng.integers(0, 3, 15).astype(float)))
    x = rng.lognormal(0, 1, 30)
    data.append(("skewed-30", x, x ** 1.5 + rng.lognormal(0, 1, 30)))
    stats = {"pearson": lambda u, v: st.pearsonr(u, v).statistic,
             "spearman": lambda u, v: st.spearmanr(u, v).statistic,
             "kendall": lambda u, v: st.kendalltau(u, v).statistic}
    out = []
    for name, x, y in data:
        for stat_name, stat in stats.items():
            for resamples, seed, level in [(999, 1, 0.95), (2000, 20201201, 0.9)]:
                ref = bootstrap_reference(x, y, stat, resamples, seed, level)
                out.append({"name": name, "x": x, "y": y, "statistic": stat_name, "resamples": resamples,
                            "seed": seed, "level": level, **ref})
    # One sample (summary's mean and median): the pairs (xᵢ, xᵢ).
    samples = [("normal-12", rng.normal(10, 3, 12)), ("skewed-40", rng.lognormal(0, 1, 40)),
               ("ties-25", rng.integers(0, 6, 25).astype(float))]
    for name, x in samples:
        for stat_name, stat in [("mean", lambda u, v: float(np.mean(u))), ("median", lambda u, v: float(np.median(u)))]:
            for resamples, seed, level in [(999, 1, 0.95), (2000, 7, 0.9)]:
                ref = bootstrap_reference(x, x.copy(), stat, resamples, seed, level)
                out.append({"name": name, "x": x, "y": x, "statistic": stat_name, "resamples": resamples,
                            "seed": seed, "level": level, **ref})
    write("bootstrap", {"cases": out})


# ---------------------------------------------------------------- multiple comparisons

def adjust_cases():
    """Holm and Benjamini–Hochberg adjusted p-values (statsmodels multipletests)."""
    rng = np.random.default_rng(1704)
    families = [[0.01], [0.04, 0.01], [0.01, 0.02, 0.03, 0.04, 0.05], [0.05, 0.05, 0.05],
                [0.0, 1.0, 0.5, 0.0], [0.006119195427962319, 0.002759, 0.0702, 0.38, 0.61],
                [1e-300, 1e-10, 0.2, 0.2, 0.9999], [0.02, 0.02, 0.5, 0.01, 0.5]]
    for size in [3, 7, 12, 40, 200]:
        families.append(list(rng.uniform(0, 1, size) ** 3))
    out = []
    for p in families:
        holm = multipletests(p, method="holm")[1]
        bh = multipletests(p, method="fdr_bh")[1]
        out.append({"p": p, "holm": holm, "bh": bh})
    write("adjust", {"cases": out})


def main():
    exact_cases()
    if "--skip-correlation" not in sys.argv:
        correlation_interval_cases()
    bootstrap_cases()
    adjust_cases()
    path = os.path.join(OUT, "meta_exact.json")
    cases = json.load(open(path))["cases"] if os.path.exists(path) else {}
    cases.update(CASES)  # sections skipped on this run keep their counts
    meta = {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__,
            "statsmodels": statsmodels.__version__, "cases": cases}
    with open(path, "w") as fh:
        json.dump(meta, fh, sort_keys=True, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
