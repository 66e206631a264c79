#!/usr/bin/env python3
"""The flagship briefing (reports/china-lac-local) written the usual way: pandas + SciPy +
statsmodels + matplotlib. Benchmark peer for Dossier (issue 8).

    python3 bench/peers/flagship.py [DATASETS_DIR] [OUT_DIR]

Reads the same CSVs, makes the same joins and filters (local cases: level_scope == "local"),
computes the same statistics (Spearman of twinning ties per 10 M people vs RAI with a seeded
permutation p and an influence check; Poisson regression of ties with a log-population offset;
Wilson intervals of the deal share per channel; channel × outcome table with a seeded
Monte-Carlo Fisher test and Cramér's V; initiator × deal Fisher; counts per year), saves
seven charts as SVG and writes a multi-page PDF (PdfPages) with findings, figures and the money
table. Plain, idiomatic code with default settings: no caching, no tricks, no handicap.
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

# --- Q1: decentralization versus twinning ties -------------------------------------------
ties = twinning.groupby("iso3").size().rename("ties")
c = countries.set_index("iso3").join(ties).fillna({"ties": 0})
c["ties_per_10m"] = c["ties"] / c["population"] * 1e7
c["taipei"] = c["recognizes_taipei_2020"].astype(bool)
with_rai = c.dropna(subset=["rai"]).copy()
dropped_rai = sorted(c.index[c["rai"].isna()])
rho = stats.spearmanr(with_rai["rai"], with_rai["ties_per_10m"])
perm = stats.permutation_test((with_rai["rai"].to_numpy(), with_rai["ties_per_10m"].to_numpy()),
                              lambda x, y: stats.spearmanr(x, y).statistic, permutation_type="pairings",
                              n_resamples=9999, rng=np.random.default_rng(20201201))
big3 = with_rai.drop(index=["BRA", "MEX", "ARG"], errors="ignore")
rho_drop = stats.spearmanr(big3["rai"], big3["ties_per_10m"])

with_rai["log_pop"] = np.log(with_rai["population"])
with_rai["taipei_i"] = with_rai["taipei"].astype(int)
poisson = smf.glm("ties ~ rai + taipei_i", data=with_rai, family=sm.families.Poisson(),
                  offset=with_rai["log_pop"]).fit()
dispersion = poisson.pearson_chi2 / poisson.df_resid
quasi = smf.glm("ties ~ rai + taipei_i", data=with_rai, family=sm.families.Poisson(),
                offset=with_rai["log_pop"]).fit(scale="X2")
rr10 = np.exp(10 * quasi.params["rai"])
rr10_ci = np.exp(10 * quasi.conf_int().loc["rai"].to_numpy())

# --- Q2: outcomes by channel ---------------------------------------------------------------
local = cases[cases["level_scope"] == "local"].merge(channels, left_on="channel", right_on="code", how="left")
by_channel = local.groupby("label").size().sort_values()
coded = local.dropna(subset=["outcome"])
table = pd.crosstab(coded["channel"], coded["outcome"]).reindex(columns=[o for o in OUTCOMES if o in set(coded["outcome"])], fill_value=0)
chi2 = stats.chi2_contingency(table, correction=False)
mc = stats.fisher_exact(table.to_numpy(), method=stats.MonteCarloMethod(n_resamples=9999, rng=np.random.default_rng(20201201)))
n_tab = table.to_numpy().sum()
cramers_v = np.sqrt(chi2.statistic / (n_tab * (min(table.shape) - 1)))
low_expected = (chi2.expected_freq < 5).mean()

coded = coded.assign(deal=coded["outcome"].eq("deal"))
share = coded.groupby("channel")["deal"].agg(["sum", "count"])
ci = share.apply(lambda r: stats.binomtest(int(r["sum"]), int(r["count"])).proportion_ci(method="wilson"), axis=1)
share["share"] = share["sum"] / share["count"]
share["low"] = [x.low for x in ci]
share["high"] = [x.high for x in ci]
share = share.join(channels.set_index("code")["label"])

known = coded[coded["initiated_by"].isin(["lac_side", "chinese_side"])]
two = pd.crosstab(known["initiated_by"], known["deal"]).reindex(index=["lac_side", "chinese_side"], columns=[True, False], fill_value=0)
fisher = stats.fisher_exact(two)
odds = stats.contingency.odds_ratio(two)
odds_ci = odds.confidence_interval()

# --- Q3: timeline ---------------------------------------------------------------------------
per_year = local.dropna(subset=["first_year"]).groupby(["first_year", "channel"]).size().unstack(fill_value=0)
twin_years = twinning.dropna(subset=["year_established"]).groupby("year_established").size().cumsum()

# --- Q4: money ------------------------------------------------------------------------------
money = amounts.merge(cases[["id", "title", "country"]], left_on="case_id", right_on="id", suffixes=("", "_case"))
money = money[["case_id", "country", "title", "kind", "qualifier", "amount", "currency", "usd_m", "source_id"]]


def p_text(p):
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}" if p < 0.01 else f"p = {p:.2f}"


stats_json = {
    "spearman": {"n": len(with_rai), "rho": rho.statistic, "p": rho.pvalue, "p_permutation": perm.pvalue,
                 "dropped_no_rai": dropped_rai, "rho_without_bra_mex_arg": rho_drop.statistic},
    "poisson": {"n": int(poisson.nobs), "rate_ratio_per_10_rai": rr10, "ci": list(rr10_ci), "dispersion": dispersion},
    "crosstab": {"n": int(n_tab), "chi2": chi2.statistic, "p_asymptotic": chi2.pvalue, "p_monte_carlo": mc.pvalue,
                 "cramers_v": cramers_v, "share_expected_below_5": low_expected},
    "initiator_fisher": {"odds_ratio": odds.statistic, "ci": [odds_ci.low, odds_ci.high], "p": fisher.pvalue},
}
with open(os.path.join(OUT, "stats.json"), "w") as f:
    json.dump(stats_json, f, indent=2, default=float)


# --- Charts ---------------------------------------------------------------------------------
def finish(fig, ax, name, title, subtitle):
    ax.set_title(f"{title}\n", loc="left", fontweight="bold", fontsize=11)
    ax.text(0, 1.02, subtitle, transform=ax.transAxes, fontsize=8.5, color="#555555")
    fig.text(0.01, 0.01, SOURCE, fontsize=7, color="#555555")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.savefig(os.path.join(OUT, "charts", f"{name}.svg"))
    return fig


figures = []

fig, ax = plt.subplots(figsize=(6.5, 3.2), layout="constrained")
ax.barh(by_channel.index, by_channel.to_numpy(), color="#0072B2")
ax.set_xlabel("Cases")
figures.append(finish(fig, ax, "cases-by-channel", "Documented local-level cases by channel", "Number of cases, local level only"))

fig, ax = plt.subplots(figsize=(6.5, 4.5), layout="constrained")
for taipei, group in with_rai.groupby("taipei"):
    ax.scatter(group["rai"], group["ties_per_10m"].clip(lower=0.05), label="Recognised Taipei" if taipei else "Recognised Beijing",
               color="#D55E00" if taipei else "#0072B2", zorder=3)
grid = pd.DataFrame({"rai": np.linspace(0, with_rai["rai"].max(), 100), "taipei_i": 0})
pred = quasi.get_prediction(grid, offset=np.full(len(grid), np.log(1e7))).summary_frame()
ax.plot(grid["rai"], pred["mean"], color="#333333")
ax.fill_between(grid["rai"], pred["mean_ci_lower"], pred["mean_ci_upper"], color="#999999", alpha=0.3, lw=0)
for iso, row in with_rai.iterrows():
    ax.annotate(row["name"], (row["rai"], max(row["ties_per_10m"], 0.05)), fontsize=6.5, xytext=(3, 2), textcoords="offset points")
ax.set_yscale("log")
ax.set_xlabel("Regional Authority Index (2018)")
ax.set_ylabel("Twinning ties per 10 M people")
ax.legend(frameon=False)
figures.append(finish(fig, ax, "decentralization-ties", "More regional authority, more twinning ties",
                      f"Spearman ρ = {rho.statistic:.2f} ({p_text(rho.pvalue)}, n = {len(with_rai)}); quasi-Poisson fit with 95% band"))

shares = table.div(table.sum(axis=1), axis=0)
fig, ax = plt.subplots(figsize=(6.5, 3.5), layout="constrained")
left = np.zeros(len(shares))
labels = [f"{channels.set_index('code').loc[ch, 'label']} (n = {table.loc[ch].sum()})" for ch in shares.index]
for outcome in shares.columns:
    ax.barh(labels, shares[outcome], left=left, color=OUTCOME_COLORS[outcome], label=outcome)
    left += shares[outcome].to_numpy()
ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
ax.legend(ncols=len(shares.columns), loc="lower left", bbox_to_anchor=(0, -0.3), frameon=False)
figures.append(finish(fig, ax, "outcomes-by-channel", "Outcomes by channel", "Share of local-level cases by outcome"))

fig, ax = plt.subplots(figsize=(6.5, 3.2), layout="constrained")
s = share.sort_values("share")
ax.errorbar(s["share"], s["label"], xerr=[s["share"] - s["low"], s["high"] - s["share"]], fmt="o", color="#0072B2", capsize=3)
ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
ax.set_xlim(0, 1)
figures.append(finish(fig, ax, "deal-share", "Share of cases with a concrete deal", "By channel, with Wilson 95% intervals"))

fig, ax = plt.subplots(figsize=(6.5, 3.5), layout="constrained")
im = ax.imshow(table.to_numpy(), cmap="Blues", aspect="auto")
ax.set_xticks(range(table.shape[1]), table.columns)
ax.set_yticks(range(table.shape[0]), [channels.set_index("code").loc[ch, "label"] for ch in table.index])
for (i, j), v in np.ndenumerate(table.to_numpy()):
    ax.text(j, i, str(v), ha="center", va="center", color="white" if v > table.to_numpy().max() / 2 else "black")
fig.colorbar(im, ax=ax, label="Cases")
figures.append(finish(fig, ax, "channel-outcome-heatmap", "Channel × outcome",
                      f"Cases; Monte-Carlo Fisher {p_text(mc.pvalue)}, Cramér's V = {cramers_v:.2f}"))

fig, ax = plt.subplots(figsize=(6.5, 3.5), layout="constrained")
bottom = np.zeros(len(per_year))
for ch in per_year.columns:
    ax.bar(per_year.index, per_year[ch], bottom=bottom, label=ch)
    bottom += per_year[ch].to_numpy()
ax2 = ax.twinx()
ax2.step(twin_years.index, twin_years.to_numpy(), where="post", color="#333333", label="Twinning ties (cumulative)")
ax2.set_ylabel("Twinning ties, cumulative")
for year, text in [(2008, "2008 policy paper"), (2015, "China–CELAC plan"), (2016, "2016 policy paper")]:
    ax.axvline(year, color="#999999", ls="--", lw=0.8)
    ax.text(year, ax.get_ylim()[1], text, rotation=90, va="top", ha="right", fontsize=6.5)
ax.set_ylabel("New cases")
ax.legend(title="Channel", frameon=False, ncols=3, loc="upper left")
figures.append(finish(fig, ax, "timeline", "New local-level cases per year", "By first year and channel; line: twinning ties"))

with open(os.path.join(DATA, "lac_countries.geojson")) as f:
    geo = json.load(f)
fig, ax = plt.subplots(figsize=(6.5, 6), layout="constrained")
patches, values = [], []
norm = matplotlib.colors.LogNorm(vmin=1, vmax=max(c["ties"].max(), 2))
for feature in geo["features"]:
    iso = feature["properties"]["ISO_A3"]
    geom = feature["geometry"]
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    for poly in polys:
        patches.append(Polygon(np.asarray(poly[0]), closed=True))
        values.append(c["ties"].get(iso, 0))
values = np.asarray(values, dtype=float)
collection = PatchCollection(patches, cmap="viridis", norm=norm, edgecolor="white", linewidth=0.3)
collection.set_array(np.where(values > 0, values, np.nan))
collection.cmap.set_bad("#dddddd")
ax.add_collection(collection)
ax.autoscale_view()
ax.set_aspect("equal")
ax.set_axis_off()
fig.colorbar(collection, ax=ax, shrink=0.6, label="Twinning ties")
figures.append(finish(fig, ax, "map-ties", "Twinning ties per country", "Ties with Chinese cities and provinces"))

# --- PDF --------------------------------------------------------------------------------------
findings = [
    f"The briefing documents {len(local)} local-level engagements in {by_channel.size} channels.",
    f"Twinning ties per 10 M people rise with regional authority: Spearman ρ = {rho.statistic:.2f} "
    f"({p_text(rho.pvalue)}; permutation {p_text(perm.pvalue)}; n = {len(with_rai)}; without RAI: {', '.join(dropped_rai)}).",
    f"Without Brazil, Mexico and Argentina: ρ = {rho_drop.statistic:.2f}.",
    f"Rate ratio per 10 RAI points (quasi-Poisson, log-population offset, recognition): {rr10:.2f} "
    f"(95% CI {rr10_ci[0]:.2f}–{rr10_ci[1]:.2f}); dispersion {dispersion:.1f}.",
    f"Channel × outcome: Monte-Carlo Fisher {p_text(mc.pvalue)}, Cramér's V = {cramers_v:.2f}, "
    f"{low_expected:.0%} of expected counts below 5 — little power with n = {n_tab}.",
    f"LAC-initiated versus Chinese-initiated deals: odds ratio {odds.statistic:.2f} "
    f"(95% CI {odds_ci.low:.2f}–{odds_ci.high:.2f}), Fisher {p_text(fisher.pvalue)}.",
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
    cells = money.assign(title=money["title"].str.slice(0, 40), amount=money["amount"].map("{:,.1f}".format),
                         usd_m=money["usd_m"].map(lambda v: "" if pd.isna(v) else f"{v:,.1f}"))
    for start in range(0, len(cells), 45):
        fig, ax = plt.subplots(figsize=(8.27, 11.69))
        ax.set_axis_off()
        ax.set_title("Deals with known amounts (never summed across kinds)", loc="left", fontweight="bold")
        page = cells.iloc[start:start + 45]
        t = ax.table(cellText=page.to_numpy(), colLabels=list(page.columns), loc="upper left", cellLoc="left")
        t.auto_set_font_size(False)
        t.set_fontsize(6)
        t.auto_set_column_width(range(len(page.columns)))
        pdf.savefig(fig)
        plt.close(fig)
