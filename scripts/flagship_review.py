#!/usr/bin/env python3
"""An independent recomputation of the numbers the flagship briefing quotes (second edition).

Reads datasets/*.csv with pandas and recomputes, with SciPy and statsmodels only (no Dossier
code), every figure the referee's review questioned, then compares them with the built
reports/china-lac-local/out/stats.json where Dossier has the same quantity. Prints one line per
number: the independent value, Dossier's value (or "—" when Dossier has no such analysis) and
OK/DIFF. Exit status 1 if any compared value differs beyond its tolerance.

    python3 scripts/flagship_review.py            # compare with out/stats.json
    python3 scripts/flagship_review.py --json F   # also write the independent values to F

The r × c exact test enumerates every table with the observed margins (no Monte Carlo), once
ordering tables by their probability (Fisher–Freeman–Halton) and once by their chi-square
statistic.
"""
import argparse
import itertools
import json
import math
import pathlib
import sys

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.multitest import multipletests

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "datasets"
STATS = ROOT / "reports" / "china-lac-local" / "out" / "stats.json"

countries = pd.read_csv(DATA / "countries.csv", keep_default_na=False, na_values=[""])
cases = pd.read_csv(DATA / "cases.csv", keep_default_na=False, na_values=[""])
countries["ties_per_10m"] = countries["twinning_ties"] / countries["population"] * 1e7
countries["taipei"] = countries["recognizes_taipei_2020"].astype(str).str.lower() == "true"
local = cases[cases["level_scope"] == "local"].copy()

results = {}


def record(name, value):
    results[name] = value
    return value


# ---------- decentralization: Poisson / NB models on Beijing-recognising countries with RAI ----------
beijing = countries[~countries["taipei"] & countries["rai"].notna()].copy()


def poisson_rr(frame, response="twinning_ties", extra=()):
    """Rate ratio per 10 RAI points with the quasi-Poisson 95% interval (as the briefing)."""
    X = sm.add_constant(frame[["rai", *extra]].astype(float))
    fit = sm.GLM(frame[response].astype(float), X, family=sm.families.Poisson(),
                 offset=np.log(frame["population"].astype(float))).fit()
    dispersion = float(np.sum(fit.resid_pearson ** 2) / fit.df_resid)
    se = fit.bse["rai"] * math.sqrt(max(dispersion, 1.0))
    z = stats.norm.ppf(0.975)
    b = fit.params["rai"]
    p = 2 * stats.t.sf(abs(b / se), fit.df_resid) if dispersion > 1.5 else fit.pvalues["rai"]
    return {"n": int(fit.nobs), "rr": math.exp(10 * b), "low": math.exp(10 * (b - z * se)),
            "high": math.exp(10 * (b + z * se)), "dispersion": dispersion, "p_wald_z": float(2 * stats.norm.sf(abs(b / se)))}


def negbin_rr(frame):
    X = sm.add_constant(frame[["rai"]].astype(float))
    model = sm.NegativeBinomial(frame["twinning_ties"].astype(float), X,
                                offset=np.log(frame["population"].astype(float)))
    fit = model.fit(disp=0, maxiter=500)
    b, se = fit.params["rai"], fit.bse["rai"]
    z = stats.norm.ppf(0.975)
    return {"n": int(fit.nobs), "rr": math.exp(10 * b), "low": math.exp(10 * (b - z * se)),
            "high": math.exp(10 * (b + z * se)), "alpha": float(fit.params["alpha"]), "p": float(fit.pvalues["rai"])}


record("poisson_beijing", poisson_rr(beijing))
record("poisson_drop_big3", poisson_rr(beijing[~beijing["iso3"].isin(["BRA", "MEX", "ARG"])]))
micro = beijing["population"] < 1_000_000
record("micro_states", sorted(beijing.loc[micro, "iso3"]))
record("poisson_no_micro", poisson_rr(beijing[~micro]))
record("poisson_wikipedia", poisson_rr(beijing, response="twinning_ties_wikipedia"))
official = beijing.copy()
official["ties_official"] = official["twinning_official_count"].fillna(official["twinning_ties"])
record("poisson_official", poisson_rr(official, response="ties_official"))
logpop = beijing.copy()
logpop["log_population"] = np.log(logpop["population"].astype(float))
record("poisson_log_population", poisson_rr(logpop, extra=("log_population",)))
record("negbin_beijing", negbin_rr(beijing))

# ---------- rank correlations ----------
with_rai = countries[countries["rai"].notna()]
rho = stats.spearmanr(with_rai["rai"], with_rai["ties_per_10m"])
record("ties_rai", {"n": len(with_rai), "rho": rho.statistic, "p": rho.pvalue})
rho_pop = stats.spearmanr(with_rai["rai"], with_rai["population"])
record("rai_population", {"n": len(with_rai), "rho": rho_pop.statistic, "p": rho_pop.pvalue})
rho_pop_b = stats.spearmanr(beijing["rai"], beijing["population"])
record("rai_population_beijing", {"n": len(beijing), "rho": rho_pop_b.statistic, "p": rho_pop_b.pvalue})
# Fisher-z interval for Spearman rho with the Bonett–Wright variance (1 + rho^2/2)/(n - 3).
def spearman_ci(r, n):
    se = math.sqrt((1 + r * r / 2) / (n - 3))
    z = math.atanh(r)
    return math.tanh(z - 1.959963984540054 * se), math.tanh(z + 1.959963984540054 * se)
record("ties_rai_ci_bonett_wright", spearman_ci(rho.statistic, len(with_rai)))
pearson = stats.pearsonr(with_rai["rai"], with_rai["ties_per_10m"])
record("ties_rai_pearson_r", pearson.statistic)
drop3 = with_rai[~with_rai["iso3"].isin(["BRA", "MEX", "ARG"])]
record("ties_rai_drop_big3", {"n": len(drop3), "rho": stats.spearmanr(drop3["rai"], drop3["ties_per_10m"]).statistic})
drop3b = beijing[~beijing["iso3"].isin(["BRA", "MEX", "ARG"])]
record("ties_rai_beijing_drop_big3", {"n": len(drop3b), "rho": stats.spearmanr(drop3b["rai"], drop3b["ties_per_10m"]).statistic})
tax = countries[countries["subnational_tax_revenue_share_pct"].notna()]
t = stats.spearmanr(tax["subnational_tax_revenue_share_pct"], tax["ties_per_10m"])
record("ties_tax", {"n": len(tax), "rho": t.statistic, "p": t.pvalue})
t2 = stats.spearmanr(tax["subnational_tax_revenue_share_pct"], tax["twinning_ties"])
record("ties_count_tax", {"n": len(tax), "rho": t2.statistic, "p": t2.pvalue})

# ---------- Taipei recognition and having a tie ----------
taipei_none = int((countries["taipei"] & (countries["twinning_ties"] == 0)).sum())
taipei_n = int(countries["taipei"].sum())
beijing_none = int((~countries["taipei"] & (countries["twinning_ties"] == 0)).sum())
beijing_n = int((~countries["taipei"]).sum())
table = [[taipei_none, taipei_n - taipei_none], [beijing_none, beijing_n - beijing_none]]
odds, p = stats.fisher_exact(table)
record("taipei_fisher", {"table": table, "p": p, "odds_ratio_sample": odds})

# ---------- small states per person ----------
per = countries.set_index("iso3")["ties_per_10m"]
small = ["JAM", "GUY", "SUR"]
large = ["BRA", "MEX", "ARG"]
record("small_vs_large", {s: {l: per[s] / per[l] for l in large} for s in small})
record("small_ratio_range", [min(per[s] / per[l] for s in small for l in large),
                             max(per[s] / per[l] for s in small for l in large)])

# ---------- channel x outcome: exact r x c enumeration ----------
def exact_rxc(observed):
    obs = np.asarray(observed, dtype=int)
    obs = obs[obs.sum(axis=1) > 0][:, obs.sum(axis=0) > 0]
    rows, cols = obs.sum(axis=1), obs.sum(axis=0)
    n = int(obs.sum())
    expected = np.outer(rows, cols) / n
    log_const = sum(math.lgamma(r + 1) for r in rows) + sum(math.lgamma(c + 1) for c in cols) - math.lgamma(n + 1)

    def logp(t):
        return log_const - sum(math.lgamma(x + 1) for x in t.flat)

    def chi2(t):
        return float(((t - expected) ** 2 / expected).sum())

    obs_lp, obs_chi = logp(obs), chi2(obs)
    p_prob = p_chi = total = 0.0

    def fill(i, remaining, acc):
        nonlocal p_prob, p_chi, total
        if i == len(rows) - 1:
            t = np.array(acc + [list(remaining)])
            lp = logp(t)
            pr = math.exp(lp)
            total += pr
            if lp <= obs_lp + 1e-7:
                p_prob += pr
            if chi2(t) >= obs_chi - 1e-7:
                p_chi += pr
            return
        for row in compositions(rows[i], remaining):
            fill(i + 1, [r - x for r, x in zip(remaining, row)], acc + [list(row)])

    fill(0, list(cols), [])
    return {"n": n, "p_probability": p_prob, "p_chi_square": p_chi, "chi_square": obs_chi,
            "total_probability": total, "df": (len(rows) - 1) * (len(cols) - 1)}


def compositions(total, caps):
    if len(caps) == 1:
        if total <= caps[0]:
            yield (total,)
        return
    for first in range(min(total, caps[0]) + 1):
        for rest in compositions(total - first, caps[1:]):
            yield (first,) + rest


order = ["a", "b", "c", "d", "e", "f"]
outcome_order = ["deal", "coop", "explor", "stalled"]
ct = pd.crosstab(local["channel"], local["outcome"]).reindex(index=order, columns=outcome_order, fill_value=0)
record("channel_outcome_all", exact_rxc(ct.values))
nt = local[local["twinning"].astype(str).str.lower() != "true"]
ct2 = pd.crosstab(nt["channel"], nt["outcome"]).reindex(index=order, columns=outcome_order, fill_value=0)
record("channel_outcome_no_twinning", exact_rxc(ct2.values))
record("twinning_rows", int(len(local) - len(nt)))

# ---------- channel c: by count vs by share ----------
coop = local[local["outcome"] == "coop"]["channel"].value_counts()
share = (local.assign(coop=local["outcome"] == "coop").groupby("channel")["coop"].agg(["sum", "count"]))
record("coop_by_channel", {k: [int(v["sum"]), int(v["count"])] for k, v in share.iterrows()})

# ---------- timeline ----------
years = local["first_year"].dropna().astype(int)
record("periods", {"1986-2014": int(((years >= 1986) & (years <= 2014)).sum()),
                   "2015-2020": int(((years >= 2015) & (years <= 2020)).sum()),
                   "2021-2025": int(((years >= 2021) & (years <= 2025)).sum())})
record("median_first_year", float(years.median()))

# ---------- Holm over the family of tests the briefing reports ----------
family = {  # the report's `tests` family, in its order
    "ties_count_rai": stats.spearmanr(with_rai["rai"], with_rai["twinning_ties"]).pvalue,
    "cases_rai": stats.spearmanr(with_rai["rai"], countries.loc[with_rai.index, "iso3"].map(local["country"].value_counts()).fillna(0)).pvalue,
    "ties_rai": rho.pvalue,
    "ties_rai_beijing": stats.spearmanr(beijing["rai"], beijing["ties_per_10m"]).pvalue,
    "ties_rai_beijing_influence": stats.spearmanr(drop3b["rai"], drop3b["ties_per_10m"]).pvalue,
    "ties_permutation": None,  # Monte-Carlo: taken from stats.json when comparing
    "ties_poisson.rate_ratio.rai.p": results["poisson_beijing"]["p_wald_z"],
    "ties_tax": t.pvalue,
    "ties_count_tax": t2.pvalue,
    "ties_expenditure": stats.spearmanr(*countries[["subnational_expenditure_share_pct", "ties_per_10m"]].dropna().T.values).pvalue,
    "taipei_no_tie": p,
    "outcomes": results["channel_outcome_all"]["p_probability"],
    "initiator_deal": None,  # filled below
}
ini = local[local["initiated_by"].isin(["lac_side", "chinese_side"])]
family["initiator_deal"] = stats.fisher_exact(pd.crosstab(ini["initiated_by"] == "lac_side", ini["outcome"] == "deal").values)[1]
if STATS.exists():
    family["ties_permutation"] = json.loads(STATS.read_text()).get("ties_permutation", {}).get("p", 1.0)
else:
    family["ties_permutation"] = 1.0
_, holm, _, _ = multipletests(list(family.values()), method="holm")
record("holm", {k: {"p": v, "holm": h} for (k, v), h in zip(family.items(), holm)})


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=pathlib.Path)
    args = parser.parse_args()
    print(json.dumps(results, indent=1, default=float))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, sort_keys=True, default=float) + "\n")
    if not STATS.exists():
        return 0
    ours = json.loads(STATS.read_text())
    checks = [
        ("ties_poisson rate ratio", ours.get("ties_poisson", {}).get("rate_ratio", {}).get("rai", {}).get("estimate"), results["poisson_beijing"]["rr"]),
        ("ties_poisson_influence rate ratio", ours.get("ties_poisson_influence", {}).get("rate_ratio", {}).get("rai", {}).get("estimate"), results["poisson_drop_big3"]["rr"]),
        ("ties_rai rho", ours.get("ties_rai", {}).get("estimate"), results["ties_rai"]["rho"]),
        ("ties_permutation r", ours.get("ties_permutation", {}).get("estimate"), results["ties_rai_pearson_r"]),
        ("outcomes chi_square", ours.get("outcomes", {}).get("chi_square"), results["channel_outcome_all"]["chi_square"]),
        ("first_year median", ours.get("first_year", {}).get("median"), results["median_first_year"]),
    ]
    bad_mc = []
    extra = {
        "ties_log_population": ("rate_ratio", "rai", "estimate", "poisson_log_population"),
        "ties_no_micro": ("rate_ratio", "rai", "estimate", "poisson_no_micro"),
        "ties_wikipedia": ("rate_ratio", "rai", "estimate", "poisson_wikipedia"),
        "ties_official": ("rate_ratio", "rai", "estimate", "poisson_official"),
    }
    for sid, (a, b, c, key) in extra.items():
        if sid in ours:
            checks.append((f"{sid} rate ratio", ours[sid].get(a, {}).get(b, {}).get(c), results[key]["rr"]))
    if "ties_negbin" in ours:
        # statsmodels' optimiser stops at its own tolerance: compare to 1e-5.
        nb = ours["ties_negbin"]["rate_ratio"]["rai"]["estimate"]
        ok = abs(nb - results["negbin_beijing"]["rr"]) <= 1e-5
        bad_mc.append(not ok)
        print(f"{'ties_negbin rate ratio (1e-5)':40s} independent {results['negbin_beijing']['rr']:.6g}   Dossier {nb:.6g}   {'OK' if ok else 'DIFF'}")
    ci = ours.get("ties_rai", {}).get("ci")
    if isinstance(ci, dict):
        checks.append(("ties_rai Spearman CI low (Bonett–Wright)", ci.get("low"), results["ties_rai_ci_bonett_wright"][0]))
        checks.append(("ties_rai Spearman CI high (Bonett–Wright)", ci.get("high"), results["ties_rai_ci_bonett_wright"][1]))
    if "tests" in ours:
        table = ours["tests"]["table"]
        for index, sid in enumerate(table["id"]):
            mine = results["holm"][sid]["holm"]
            checks.append((f"Holm {sid}", table["p_holm"][index], mine))
    if "outcomes_sensitivity" in ours:
        rows = ours["outcomes_sensitivity"]["table"]["p"]
        for value, key, field in zip(rows, ["channel_outcome_all", "channel_outcome_all", "channel_outcome_no_twinning", "channel_outcome_no_twinning"],
                                     ["p_probability", "p_chi_square"] * 2):
            checks.append((f"exact {key} {field}", value, results[key][field]))
    if "taipei_no_tie" in ours:
        checks.append(("taipei_no_tie Fisher p", ours["taipei_no_tie"].get("p"), results["taipei_fisher"]["p"]))
    if "rai_population" in ours:
        checks.append(("rai_population rho", ours["rai_population"].get("estimate"), results["rai_population"]["rho"]))
    if "ties_rai_beijing_influence" in ours:
        checks.append(("ties_rai_beijing_influence rho", ours["ties_rai_beijing_influence"].get("estimate"), results["ties_rai_beijing_drop_big3"]["rho"]))
    # Monte-Carlo p-values: within 3 standard errors of the exact enumeration.
    for sid, key in (("outcomes", "channel_outcome_all"), ("outcomes_no_twinning", "channel_outcome_no_twinning")):
        if sid in ours and ours[sid].get("resamples"):
            exact = results[key]["p_probability"]
            mc = ours[sid].get("p_exact")
            se = math.sqrt(exact * (1 - exact) / ours[sid]["resamples"])
            ok = mc is not None and abs(mc - exact) <= 3 * se + 1e-4
            bad_mc.append(not ok)
            print(f"{sid + ' Monte-Carlo p vs exact':40s} independent {exact:.6g}   Dossier {mc:.6g}   {'OK' if ok else 'DIFF'} (3 SE = {3 * se:.4f})")
    if "ties_tax" in ours:
        checks.append(("ties_tax rho", ours["ties_tax"].get("estimate"), results["ties_tax"]["rho"]))
    bad = 0
    for name, dossier, mine in checks:
        if dossier is None:
            print(f"{name:40s} independent {mine:.6g}   Dossier —")
            continue
        ok = abs(dossier - mine) <= 1e-6 * max(1.0, abs(mine))
        bad += not ok
        print(f"{name:40s} independent {mine:.6g}   Dossier {dossier:.6g}   {'OK' if ok else 'DIFF'}")
    return 1 if bad or any(bad_mc) else 0


if __name__ == "__main__":
    sys.exit(main())
