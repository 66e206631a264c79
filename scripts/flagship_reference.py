#!/usr/bin/env python3
"""Independent reference values for the flagship briefing's statistics.

Recomputes, with pandas + SciPy + statsmodels, the analyses that
reports/china-lac-local/report.md declares, straight from datasets/*.csv, and writes
Tests/DossierCLITests/flagship-reference.json. The Swift test FlagshipStatisticsTests compares
Dossier's out/stats.json with it. Rerun after a data edit:

    pip install pandas scipy statsmodels
    python3 scripts/flagship_reference.py
"""
import json
import pathlib

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "datasets"

countries = pd.read_csv(DATA / "countries.csv", keep_default_na=False, na_values=[""])
cases = pd.read_csv(DATA / "cases.csv", keep_default_na=False, na_values=[""])
channels = pd.read_csv(DATA / "channels.csv", keep_default_na=False, na_values=[""])

countries["ties_per_10m"] = countries["twinning_ties"] / countries["population"] * 1e7
local = cases[cases["level_scope"] == "local"]
countries["local_cases"] = countries["iso3"].map(local["country"].value_counts()).fillna(0)
has_rai = countries.dropna(subset=["rai"])
beijing = has_rai[has_rai["recognizes_taipei_2020"] == False]  # noqa: E712

out = {}


def spearman(frame, y):
    rho, p = stats.spearmanr(frame["rai"], frame[y])
    return {"n": int(len(frame)), "estimate": float(rho), "p": float(p)}


out["ties_rai"] = spearman(has_rai, "ties_per_10m")
out["ties_count_rai"] = spearman(has_rai, "twinning_ties")
out["cases_rai"] = spearman(has_rai, "local_cases")
out["ties_rai_beijing"] = spearman(beijing, "ties_per_10m")
out["ties_rai_influence"] = spearman(has_rai[~has_rai["iso3"].isin(["BRA", "MEX", "ARG"])], "ties_per_10m")


def poisson(frame):
    X = sm.add_constant(frame[["rai"]].astype(float))
    model = sm.GLM(frame["twinning_ties"].astype(float), X, family=sm.families.Poisson(),
                   offset=np.log(frame["population"].astype(float)))
    fit = model.fit()
    dispersion = float(fit.pearson_chi2 / fit.df_resid)
    quasi = model.fit(scale="X2")
    b = float(fit.params["rai"])
    low, high = quasi.conf_int().loc["rai"]
    return {"n": int(len(frame)), "dispersion": dispersion, "deviance": float(fit.deviance),
            "rate_ratio_per_10": float(np.exp(10 * b)),
            "ci_quasi": [float(np.exp(10 * low)), float(np.exp(10 * high))]}


out["ties_poisson"] = poisson(beijing)
out["ties_poisson_influence"] = poisson(beijing[~beijing["iso3"].isin(["BRA", "MEX", "ARG"])])

local = local.merge(channels, left_on="channel", right_on="code", how="left")
shares = {}
for label, group in local.groupby("label"):
    k = int((group["outcome"] == "deal").sum())
    n = int(len(group))
    low, high = proportion_confint(k, n, alpha=0.05, method="wilson")
    shares[label] = {"n": n, "k": k, "share": k / n, "low": float(low), "high": float(high)}
out["deal_share"] = shares
table = pd.crosstab(local["label"], local["outcome"])
chi2, p, dof, expected = stats.chi2_contingency(table.values, correction=False)
out["outcomes"] = {"n": int(table.values.sum()), "chi_square": float(chi2), "df": int(dof),
                   "min_expected": float(expected.min()),
                   "cramers_v": float(np.sqrt(chi2 / (table.values.sum() * (min(table.shape) - 1))))}

known = local[local["initiated_by"].isin(["lac_side", "chinese_side"])]
two = pd.crosstab(known["initiated_by"] == "lac_side", known["outcome"] == "deal")
two = two.reindex(index=[True, False], columns=[True, False], fill_value=0)
_, p_fisher = stats.fisher_exact(two.values)
out["initiator_deal"] = {"n": int(two.values.sum()), "p": float(p_fisher)}

(ROOT / "Tests/DossierCLITests/flagship-reference.json").write_text(json.dumps(out, indent=2, sort_keys=True) + "\n")
print("wrote Tests/DossierCLITests/flagship-reference.json")
