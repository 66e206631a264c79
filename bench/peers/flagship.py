#!/usr/bin/env python3
"""The flagship briefing (reports/china-lac-local) written the usual way: pandas + SciPy +
statsmodels + matplotlib. Benchmark peer for Dossier (issue 8).

    python3 bench/peers/flagship.py [DATASETS_DIR] [OUT_DIR]

Reads the same CSVs, makes the same joins and filters (local cases: level_scope == "local"),
computes the same statistics (Spearman of twinning ties per 10 M people vs RAI with a seeded
permutation p and an influence check; Poisson regression of ties with a log-population offset;
Wilson intervals of the deal share per channel; channel × outcome table with a seeded
Monte-Carlo Fisher test and Cramér's V; initiator × deal Fisher; counts per year), saves
seven charts as SVG and writes a multi-page PDF (PdfPages) with findings, figures, the money
table and the appendix of every case (the same tables as Dossier's briefing). Plain, idiomatic code with default settings: no caching, no tricks, no handicap.
"""
import json
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.collections import PatchCollection
from matplotlib.patches import Polygon
from scipy import stats

DATA = sys.argv[1] if len(sys.argv) > 1 else "datasets"
OUT = sys.argv[2] if len(sys.argv) > 2 else "bench/out/peer-python"
os.makedirs(os.path.join(OUT, "charts"), exist_ok=True)
plt.rcParams.update({"svg.hashsalt": "dossier-bench", "font.family": "DejaVu Sans", "font.size": 9})
OUTCOMES = ["deal", "coop", "explor", "stalled", "opposed"]
OUTCOME_COLORS = dict(zip(OUTCOMES, ["#0072B2", "#56B4E9", "#E69F00", "#D55E00", "#999999"]))
SOURCE = "Source: Dossier datasets, from Myers (2020) and public reporting"


def read(name):
    return pd.read_csv(os.path.join(DATA, f"{name}.csv"), keep_default_na=False, na_values=[""])


cases, countries, twinning = read("cases"), read("countries"), read("twinning")
amounts, channels = read("amounts"), read("channels")

# --- Q1: decentralization versus twinning ties (unit: CELAC country) -----------------------
local = cases[cases["level_scope"] == "local"].merge(channels, left_on="channel", right_on="code", how="left")
c = countries.set_index("iso3")
c["ties_per_10m"] = c["twinning_ties"] / c["population"] * 1e7
c["local_cases"] = local.groupby("country").size().reindex(c.index, fill_value=0)
c["taipei"] = c["recognizes_taipei_2020"].astype(bool)
rai_missing = c[c["rai"].isna()]
with_rai = c.dropna(subset=["rai"])
with_ties = with_rai[with_rai["twinning_ties"] > 0]
no_ties = with_rai[with_rai["twinning_ties"] == 0]
beijing = with_rai[~with_rai["taipei"]]
ties_rai = stats.spearmanr(with_rai["rai"], with_rai["ties_per_10m"])
ties_count_rai = stats.spearmanr(with_rai["rai"], with_rai["twinning_ties"])
ties_rai_beijing = stats.spearmanr(beijing["rai"], beijing["ties_per_10m"])
big3 = with_rai.drop(index=["BRA", "MEX", "ARG"], errors="ignore")
ties_rai_influence = stats.spearmanr(big3["rai"], big3["ties_per_10m"])
cases_rai = stats.spearmanr(with_rai["rai"], with_rai["local_cases"])
perm = stats.permutation_test((with_rai["rai"].to_numpy(), with_rai["ties_per_10m"].to_numpy()),
                              lambda x, y, axis: stats.pearsonr(x, y, axis=axis).statistic, vectorized=True,
                              permutation_type="pairings", n_resamples=9999, rng=np.random.default_rng(20201201))


def poisson_fit(frame):
    """Poisson GLM of ties on RAI with a log-population offset; quasi-Poisson (Pearson) scale."""
    model = smf.glm("twinning_ties ~ rai", data=frame, family=sm.families.Poisson(), offset=np.log(frame["population"]))
    fit = model.fit()
    quasi = model.fit(scale="X2")
    return fit, quasi, fit.pearson_chi2 / fit.df_resid


poisson, quasi, dispersion = poisson_fit(beijing)
rr10, rr10_ci = np.exp(10 * quasi.params["rai"]), np.exp(10 * quasi.conf_int().loc["rai"].to_numpy())
_, quasi_drop, _ = poisson_fit(beijing.drop(index=["BRA", "MEX", "ARG"], errors="ignore"))
rr10_drop, rr10_drop_ci = np.exp(10 * quasi_drop.params["rai"]), np.exp(10 * quasi_drop.conf_int().loc["rai"].to_numpy())
ties_total = c["twinning_ties"].sum()
big_four = c.loc[["BRA", "MEX", "ARG", "CHL"], "twinning_ties"].sum()
taipei_ties = c.loc[c["taipei"], "twinning_ties"]

# --- Q2: outcomes by channel (unit: local-level case) ---------------------------------------
OUTCOME_LABELS = {"deal": "Concrete deal", "coop": "Cooperation, no deal", "explor": "Exploratory",
                  "stalled": "Stalled, no result", "opposed": "Opposed locally"}
CHANNEL_ORDER = list(channels["label"])
coded = local.dropna(subset=["outcome"]).assign(outcome_label=lambda d: d["outcome"].map(OUTCOME_LABELS))
table = pd.crosstab(coded["label"], coded["outcome_label"])
table = table.reindex(index=[l for l in CHANNEL_ORDER if l in table.index],
                      columns=[o for o in OUTCOME_LABELS.values() if o in table.columns])
chi2 = stats.chi2_contingency(table, correction=False)
mc = stats.fisher_exact(table.to_numpy(), method=stats.MonteCarloMethod(n_resamples=19999, rng=np.random.default_rng(20201201)))
n_tab = int(table.to_numpy().sum())
cramers_v = np.sqrt(chi2.statistic / (n_tab * (min(table.shape) - 1)))
cells_below_5 = int((chi2.expected_freq < 5).sum())


def wilson(frame, by):
    out = frame.groupby(by)["deal"].agg(k="sum", n="count")
    ci = [stats.binomtest(int(k), int(n)).proportion_ci(method="wilson") for k, n in zip(out["k"], out["n"])]
    return out.assign(share=out["k"] / out["n"], low=[x.low for x in ci], high=[x.high for x in ci])


local = local.assign(deal=local["outcome"].eq("deal"))
deal_share = wilson(local, "label").reindex([l for l in CHANNEL_ORDER if l in set(local["label"])])
overall = stats.binomtest(int(local["deal"].sum()), len(local)).proportion_ci(method="wilson")
known = local[local["initiated_by"].isin(["lac_side", "chinese_side"])]
initiator_share = wilson(known, "initiated_by").reindex(["lac_side", "chinese_side"])
two = pd.crosstab(known["initiated_by"], known["deal"]).reindex(index=["lac_side", "chinese_side"], columns=[True, False], fill_value=0)
fisher = stats.fisher_exact(two)
odds = stats.contingency.odds_ratio(two)
odds_ci = odds.confidence_interval()
all_cases = cases.groupby("level_scope").size()

# --- Q3: timeline -----------------------------------------------------------------------------
dated = local.dropna(subset=["first_year"]).astype({"first_year": int})
by_year_channel = dated.groupby(["first_year", "label"]).size().unstack(fill_value=0)
by_year = dated.groupby("first_year").size().to_frame("n").assign(cumulative=lambda d: d["n"].cumsum())
year_unknown = local["first_year"].isna().sum()

# --- Q4: money --------------------------------------------------------------------------------
KINDS = {"contract": "contract", "loan": "loan", "investment_announced": "announced investment",
         "project_cost": "project cost (not Chinese money)", "purchase": "purchase", "advance_payment": "advance payment"}
money = amounts.merge(cases[["id", "title"]], left_on="case_id", right_on="id", how="left", suffixes=("", "_case"))
money = money.assign(kind_label=money["kind"].map(KINDS)).sort_values(["case_id", "id"])
money = money[["case_id", "title", "kind_label", "amount", "currency", "source_id"]]
# The appendix: every case with its codes and primary source (Dossier's `all-cases` table).
case_rows = cases.merge(countries[["iso3", "name"]], left_on="country", right_on="iso3", how="left")
case_rows = case_rows.assign(
    outcome_label=case_rows["outcome"].map({"deal": "deal", "coop": "cooperation", "explor": "exploratory",
                                            "stalled": "stalled", "opposed": "opposed"}),
    level_label=case_rows["level_scope"].map({"local": "local", "central": "national contrast",
                                              "chinese_subnational_only": "Chinese side only"}),
).sort_values("id")[["id", "title", "name", "locality", "channel", "outcome_label", "first_year", "level_label", "source_id"]]


def p_text(p):
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}" if p < 0.01 else f"p = {p:.2f}"


def rho(r, frame):
    return {"estimate": r.statistic, "p": r.pvalue, "n": len(frame)}


stats_json = {
    "ties_rai": rho(ties_rai, with_rai), "ties_count_rai": rho(ties_count_rai, with_rai),
    "ties_rai_beijing": rho(ties_rai_beijing, beijing), "ties_rai_influence": rho(ties_rai_influence, big3),
    "cases_rai": rho(cases_rai, with_rai), "ties_permutation": {"p": perm.pvalue, "resamples": 9999},
    "ties_poisson": {"n": int(poisson.nobs), "rate_ratio_rai": [rr10, *rr10_ci], "dispersion": dispersion},
    "ties_poisson_influence": {"rate_ratio_rai": [rr10_drop, *rr10_drop_ci]},
    "ties_total": ties_total, "big_four": big_four, "taipei_ties": {"n": len(taipei_ties), "sum": taipei_ties.sum()},
    "outcomes": {"n": n_tab, "df": chi2.dof, "min_expected": chi2.expected_freq.min(), "cells_below_5": cells_below_5,
                 "p": mc.pvalue, "cramers_v": cramers_v},
    "deal_share": {"k": int(local["deal"].sum()), "n": len(local), "ci": [overall.low, overall.high],
                   "table": deal_share.reset_index().to_dict("records")},
    "initiator_deal": {"p": fisher.pvalue, "odds_ratio": [odds.statistic, odds_ci.low, odds_ci.high]},
    "initiator_share": initiator_share.reset_index().to_dict("records"),
    "all_cases": all_cases.to_dict(), "year_unknown": int(year_unknown),
    "first_year": {"min": dated["first_year"].min(), "median": dated["first_year"].median()},
}
with open(os.path.join(OUT, "stats.json"), "w") as f:
    json.dump(stats_json, f, indent=2, default=float)


# --- Charts -----------------------------------------------------------------------------------
def finish(fig, ax, name, title, subtitle, source=SOURCE):
    ax.set_title(f"{title}\n", loc="left", fontweight="bold", fontsize=11)
    ax.text(0, 1.02, subtitle, transform=ax.transAxes, fontsize=8, color="#555555")
    fig.text(0.01, 0.01, "Source: " + source, fontsize=7, color="#555555")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.savefig(os.path.join(OUT, "charts", f"{name}.svg"))
    return fig


figures = []
CHANNEL_COLORS = dict(zip(CHANNEL_ORDER, ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"]))

fig, ax = plt.subplots(figsize=(6.67, 4.72), layout="constrained")
grid = pd.DataFrame({"rai": np.linspace(with_rai["rai"].min(), with_rai["rai"].max(), 100)})
pred = quasi.get_prediction(grid, offset=np.full(len(grid), np.log(1e7))).summary_frame()
ax.fill_between(grid["rai"], pred["mean_ci_lower"], pred["mean_ci_upper"], color="#999999", alpha=0.25, lw=0)
ax.plot(grid["rai"], pred["mean"], color="#555555", lw=1.4)
ax.scatter(with_ties["rai"], with_ties["ties_per_10m"], color="#0072B2", s=14, zorder=3)
for _, row in with_ties.iterrows():
    ax.annotate(row["name"], (row["rai"], row["ties_per_10m"]), fontsize=6.5, xytext=(3, 2), textcoords="offset points")
ax.set_yscale("log")
ax.set_xlabel("Regional Authority Index (2018)")
ax.set_ylabel("Ties per 10 million people")
figures.append(finish(fig, ax, "ties-vs-rai", "Per person, regional authority does not predict ties",
                      "Twinning ties per 10 million people (log scale) against the Regional Authority Index, 2018",
                      "twinning.csv; RAI: Hooghe, Marks et al.; population: World Bank 2020"))

with open(os.path.join(DATA, "lac_countries.geojson")) as f:
    geo = json.load(f)
fig, ax = plt.subplots(figsize=(6.1, 6.1), layout="constrained")
patches, values = [], []
for feature in geo["features"]:
    geom = feature["geometry"]
    for poly in geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]:
        patches.append(Polygon(np.asarray(poly[0]), closed=True))
        values.append(c["twinning_ties"].get(feature["properties"]["ISO_A3"], np.nan))
collection = PatchCollection(patches, cmap="viridis", edgecolor="white", linewidth=0.3)
collection.set_array(np.asarray(values, dtype=float))
ax.add_collection(collection)
ax.autoscale_view()
ax.set_aspect("equal")
ax.set_axis_off()
fig.colorbar(collection, ax=ax, shrink=0.6, label="Ties")
figures.append(finish(fig, ax, "ties-map", "Where the ties are", "Twinning ties with Chinese cities and provinces, by country",
                      "twinning.csv; shapes: Natural Earth 1:110m"))

shares = table.div(table.sum(axis=1), axis=0).iloc[::-1]
fig, ax = plt.subplots(figsize=(6.67, 3.75), layout="constrained")
left = np.zeros(len(shares))
for outcome, color in zip(shares.columns, ["#0072B2", "#56B4E9", "#E69F00", "#D55E00", "#999999"]):
    ax.barh(shares.index, shares[outcome], left=left, color=color, label=outcome)
    left += shares[outcome].to_numpy()
for i, label in enumerate(shares.index):
    ax.text(1.01, i, f"n = {table.loc[label].sum()}", va="center", fontsize=7)
ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
ax.set_xlabel("Share of cases")
ax.legend(ncols=len(shares.columns), loc="lower left", bbox_to_anchor=(0, 1.06), frameon=False, fontsize=7)
figures.append(finish(fig, ax, "outcomes-by-channel", "What each channel produced",
                      "Outcome of documented local-level engagements, share of cases by channel"))

fig, ax = plt.subplots(figsize=(6.67, 3.33), layout="constrained")
s = deal_share.iloc[::-1]
ax.hlines(s.index, s["low"], s["high"], color="#56B4E9", lw=2)
ax.plot(s["share"], s.index, "o", color="#0072B2")
ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
ax.set_xlim(0, 1)
ax.set_xlabel("Share with a concrete deal")
figures.append(finish(fig, ax, "deal-share", "Few channels produce deals — and the uncertainty is wide",
                      "Share of local-level cases with a concrete deal, by channel, with Wilson 95% intervals"))

fig, ax = plt.subplots(figsize=(6.67, 3.6), layout="constrained")
im = ax.imshow(table.to_numpy(), cmap="Blues", aspect="auto")
ax.set_xticks(range(table.shape[1]), table.columns, fontsize=7)
ax.set_yticks(range(table.shape[0]), table.index, fontsize=7)
for (i, j), v in np.ndenumerate(table.to_numpy()):
    ax.text(j, i, str(v), ha="center", va="center", color="white" if v > table.to_numpy().max() / 2 else "black")
fig.colorbar(im, ax=ax, label="Cases")
figures.append(finish(fig, ax, "channel-outcome-heatmap", "Channel by outcome", "Number of documented local-level cases"))

fig, ax = plt.subplots(figsize=(6.67, 4.17), layout="constrained")
years = [str(y) for y in by_year_channel.index]
bottom = np.zeros(len(by_year_channel))
for label in [l for l in CHANNEL_ORDER if l in by_year_channel.columns]:
    ax.bar(years, by_year_channel[label], bottom=bottom, label=label, color=CHANNEL_COLORS[label])
    bottom += by_year_channel[label].to_numpy()
ax2 = ax.twinx()
ax2.plot(years, by_year["cumulative"], color="#333333", lw=1.5)
ax2.set_ylabel("Cumulative cases")
for year, text in [(2008, "2008 policy paper"), (2015, "2015 China–CELAC plan"), (2016, "2016 policy paper")]:
    if str(year) in years:
        x = years.index(str(year))
        ax.axvline(x, color="#999999", ls="--", lw=0.8)
        ax.text(x, ax.get_ylim()[1], text, rotation=90, va="top", ha="right", fontsize=6.5)
ax.set_ylabel("New cases")
ax.tick_params(axis="x", labelsize=7, rotation=90)
ax.legend(title="Channel", frameon=False, fontsize=6, loc="upper left")
figures.append(finish(fig, ax, "timeline", "A slow start, then a wave after 2015",
                      "New local-level engagements by first year and channel (columns) and cumulative total (line)", "cases.csv"))

# --- PDF --------------------------------------------------------------------------------------
findings = [
    f"Brazil, Mexico, Argentina and Chile hold {big_four:.0f} of the {ties_total:.0f} twinning ties; the count of ties rises "
    f"with regional authority (Spearman ρ = {ties_count_rai.statistic:.2f}, {p_text(ties_count_rai.pvalue)}, n = {len(with_rai)}).",
    f"Per person the pattern disappears: ρ = {ties_rai.statistic:.2f} ({p_text(ties_rai.pvalue)}; permutation {p_text(perm.pvalue)}); "
    f"Poisson rate ratio per 10 RAI points {rr10:.2f} ({rr10_ci[0]:.2f}–{rr10_ci[1]:.2f}), dispersion {dispersion:.1f}; "
    f"without BRA, MEX, ARG: ρ = {ties_rai_influence.statistic:.2f}, rate ratio {rr10_drop:.2f} ({rr10_drop_ci[0]:.2f}–{rr10_drop_ci[1]:.2f}).",
    f"Of {n_tab} local-level engagements, {int(local['deal'].sum())} ({local['deal'].mean():.0%}; {overall.low:.2f}–{overall.high:.2f}) "
    f"produced a concrete deal; Monte-Carlo Fisher {p_text(mc.pvalue)}, Cramér's V = {cramers_v:.2f}, "
    f"{cells_below_5} cells with expected count below 5.",
    f"LAC-initiated: {int(initiator_share.loc['lac_side', 'k'])} of {int(initiator_share.loc['lac_side', 'n'])} deals; "
    f"Chinese-initiated: {int(initiator_share.loc['chinese_side', 'k'])} of {int(initiator_share.loc['chinese_side', 'n'])} "
    f"(Fisher {p_text(fisher.pvalue)}; odds ratio {odds.statistic:.1f}, {odds_ci.low:.1f}–{odds_ci.high:.1f}).",
    f"Countries that recognised Taipei in 2020 had {taipei_ties.sum():.0f} ties. {year_unknown} cases have no first year.",
]
with PdfPages(os.path.join(OUT, "china-lac-local.pdf"), metadata={"Title": "Going local", "CreationDate": None}) as pdf:
    fig = plt.figure(figsize=(8.27, 11.69))
    fig.text(0.08, 0.92, "Going local: China's subnational engagement\nwith Latin America and the Caribbean",
             fontsize=16, fontweight="bold", va="top")
    fig.text(0.08, 0.84, "Key findings", fontsize=12, fontweight="bold")
    for i, line in enumerate(findings):
        fig.text(0.08, 0.80 - i * 0.05, "• " + line, fontsize=9, wrap=True, va="top")
    pdf.savefig(fig)
    plt.close(fig)
    for fig in figures:
        pdf.savefig(fig)
        plt.close(fig)
    for title, frame in [("Deals with known amounts (never summed across kinds)", money),
                         ("Countries without an RAI score", rai_missing.reset_index()[["iso3", "name", "twinning_ties", "population"]]),
                         ("Every case", case_rows)]:
        # A monospaced text block per page (as the R peer does): ax.table costs ~20 ms per row.
        text = frame.astype(str).apply(lambda col: col.str.slice(0, 40)).replace("nan", "")
        lines = [" ".join(f"{v:<16}" for v in row) for row in text.to_numpy()]
        header = " ".join(f"{v:<16}" for v in text.columns)
        for start in range(0, len(lines), 45):
            fig = plt.figure(figsize=(8.27, 11.69))
            fig.text(0.05, 0.95, title, fontweight="bold", fontsize=11)
            fig.text(0.05, 0.92, "\n".join([header, *lines[start:start + 45]]), family="monospace", fontsize=5, va="top")
            pdf.savefig(fig)
            plt.close(fig)
