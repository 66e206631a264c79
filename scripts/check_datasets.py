#!/usr/bin/env python3
"""Cross-file consistency checks for datasets/ (beyond what the Table Schema can express).

Usage:
  python3 scripts/check_datasets.py [--datasets DIR] [--reference DIR] [--no-frictionless]

  --datasets   the datasets folder (default: ../datasets next to this script)
  --reference  folder holding the reference inputs (wikipedia_twin_cities_raw.csv,
               celac_population_2020_wb.csv, ne_110m_lac_countries.geojson); when given, also
               checks that twinning.csv is exactly what scripts/derive_twinning.py produces,
               that populations equal the World Bank extract and that lac_countries.geojson
               is an unchanged copy
  --no-frictionless  skip the Frictionless validation (it needs `pip install frictionless`)

Exit status 0 when every check passes, 1 otherwise. Diagnostics look like
`datasets/cases.csv:14: error: ...`. Python 3 standard library plus frictionless.
"""
import argparse
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CELAC = {"ATG", "ARG", "BHS", "BRB", "BLZ", "BOL", "BRA", "CHL", "COL", "CRI", "CUB", "DMA",
         "DOM", "ECU", "SLV", "GRD", "GTM", "GUY", "HTI", "HND", "JAM", "MEX", "NIC", "PAN",
         "PRY", "PER", "KNA", "LCA", "VCT", "SUR", "TTO", "URY", "VEN"}
CHANNEL_RULE = {"a": "chinese_side", "c": "chinese_side", "d": "chinese_side",
                "b": "lac_side", "e": "lac_side", "f": "unknown"}
# Cases the source report (executive summary) names: id -> words its title must contain.
REPORT_CASES = {
    "C01": ["Cauchari"], "C03": ["Jujuy", "Guizhou"], "C07": ["Coquimbo", "Henan"],
    "C08": ["Agua Negra"], "C09": ["Heredia"], "C10": ["Huawei", "São Paulo"],
    "C13": ["Covid"], "C14": ["Panamá Province"], "C15": ["Jamaica"], "C16": ["Tren Maya"],
    "C17": ["Dos Bocas"], "C18a": ["Surveillance"], "C18b": ["Surveillance"],
    "C18c": ["Surveillance"],
}
REPORT_CASE_COUNTRY = {"C18a": "ECU", "C18b": "URY", "C18c": "VEN", "C14": "PAN", "C09": "CRI",
                       "C15": "JAM", "C16": "MEX", "C17": "MEX"}
CENTRAL_IDS = {"C15", "C16", "C17", "C18a", "C18b", "C18c"}
# Sources cited only in datasets/README.md (context figures), not by a row.
CONTEXT_SOURCES = {"zjwchc_2025"}


UNIT = {"USD": "US$ million", "BRL": "R$ million", "MXN": "MX$ million"}
QUALIFIER_WORD = {"exact": "", "approx": "about ", "at_least": "over "}


def plain_number(text):
    """A CSV number as a reader should see it: thousands separators, no trailing zeros."""
    value = float(text)
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def amount_text(r):
    """The display text amounts.csv must carry in amount_text."""
    symbol = UNIT.get(r["currency"], "?").split(" ")[0]
    amount = plain_number(r["amount"]) + ("–" + plain_number(r["amount_high"]) if r["amount_high"] else "")
    return f"{QUALIFIER_WORD.get(r['qualifier'], '?')}{symbol} {amount} million"


class Checker:
    def __init__(self, d):
        self.d = d
        self.errors = 0
        self.warnings = 0
        self.checks = 0

    def err(self, fname, line, msg):
        self.errors += 1
        loc = f"{os.path.join(os.path.relpath(self.d), fname)}" + (f":{line}" if line else "")
        print(f"{loc}: error: {msg}", file=sys.stderr)

    def warn(self, fname, line, msg):
        self.warnings += 1
        loc = f"{os.path.join(os.path.relpath(self.d), fname)}" + (f":{line}" if line else "")
        print(f"{loc}: warning: {msg}", file=sys.stderr)

    def ok(self, cond, fname, line, msg):
        self.checks += 1
        if not cond:
            self.err(fname, line, msg)
        return cond


def read(c, name, fields):
    path = os.path.join(c.d, name)
    raw = open(path, "rb").read()
    c.ok(not raw.startswith(b"\xef\xbb\xbf"), name, 1, "file starts with a byte-order mark")
    c.ok(b"\r" not in raw, name, None, "file contains CR characters (LF line endings required)")
    c.ok(raw.endswith(b"\n"), name, None, "file does not end with a newline")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        c.err(name, None, f"not UTF-8: {e}")
        return []
    rows = list(csv.reader(text.splitlines(keepends=True)))
    c.ok(rows and rows[0] == fields, name, 1, f"header {rows[0] if rows else None} != schema fields {fields}")
    out = []
    for i, r in enumerate(rows[1:], start=2):
        if len(r) != len(fields):
            c.err(name, i, f"{len(r)} cells, expected {len(fields)}")
            continue
        d = dict(zip(fields, r))
        d["_line"] = i
        out.append(d)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--datasets", default=os.path.normpath(os.path.join(HERE, "..", "datasets")))
    ap.add_argument("--reference", default=None)
    ap.add_argument("--no-frictionless", action="store_true")
    a = ap.parse_args()
    c = Checker(a.datasets)

    dp = json.load(open(os.path.join(a.datasets, "datapackage.json"), encoding="utf-8"))
    res = {r["name"]: r for r in dp["resources"]}
    c.ok(set(res) == {"countries", "cases", "amounts", "twinning", "small_island_states", "channels", "sources"},
         "datapackage.json", None, f"unexpected resources {sorted(res)}")
    T = {}
    for name, r in res.items():
        fields = [f["name"] for f in r["schema"]["fields"]]
        for f in r["schema"]["fields"]:
            c.ok(bool(f.get("description")), "datapackage.json", None, f"{name}.{f['name']} has no description")
        c.ok(r["schema"].get("missingValues") == [""], "datapackage.json", None, f"{name}: missingValues must be [\"\"]")
        c.ok(bool(r["schema"].get("primaryKey")), "datapackage.json", None, f"{name}: no primaryKey")
        T[name] = read(c, r["path"], fields)

    # --- frictionless (types, constraints, primary and foreign keys) ---
    if not a.no_frictionless:
        try:
            from frictionless import Package, validate  # noqa: F401
        except ImportError:
            c.err("datapackage.json", None, "frictionless is not installed (pip install frictionless) or use --no-frictionless")
        else:
            report = validate(os.path.join(a.datasets, "datapackage.json"))
            if not c.ok(report.valid, "datapackage.json", None, "frictionless validation failed"):
                for task in report.tasks:
                    for e in task.errors[:20]:
                        print(f"  {task.name}: {e.message}", file=sys.stderr)

    sources = {r["source_id"] for r in T["sources"]}
    used = set()

    def src_ok(fname, row, field, required=False):
        v = row[field]
        if not v:
            c.ok(not required, fname, row["_line"], f"{field} is empty")
            return
        for s in v.split(";"):
            used.add(s)
            c.ok(s in sources, fname, row["_line"], f"{field}: unknown source id '{s}'")

    # --- countries ---
    cs = {r["iso3"]: r for r in T["countries"]}
    c.ok(set(cs) == CELAC, "countries.csv", None, f"iso3 set differs from the 33 CELAC members: missing {sorted(CELAC - set(cs))}, extra {sorted(set(cs) - CELAC)}")
    c.ok(len(T["countries"]) == 33, "countries.csv", None, f"{len(T['countries'])} rows, expected 33")
    groups = [("rai", ["rai", "rai_self_rule", "rai_shared_rule", "rai_year", "rai_source_id"]),
              ("expenditure share", ["subnational_expenditure_share_pct", "subnational_expenditure_share_year", "subnational_expenditure_share_source_id"]),
              ("tax share", ["subnational_tax_revenue_share_pct", "subnational_tax_revenue_share_year", "subnational_tax_revenue_share_source_id"]),
              ("official twinning count", ["twinning_official_count", "twinning_official_year", "twinning_official_source_id"])]
    for r in T["countries"]:
        for label, cols in groups:
            filled = [bool(r[x]) for x in cols]
            c.ok(all(filled) or not any(filled), "countries.csv", r["_line"], f"{r['iso3']}: {label} columns partly filled {cols}")
        if r["rai"]:
            c.ok(abs(float(r["rai"]) - float(r["rai_self_rule"]) - float(r["rai_shared_rule"])) < 0.011,
                 "countries.csv", r["_line"], f"{r['iso3']}: rai != self_rule + shared_rule")
        for k in r:
            if k.endswith("source_id"):
                src_ok("countries.csv", r, k)
        if r["recognizes_taipei_today"] == "true":
            c.ok(r["recognizes_taipei_2020"] == "true", "countries.csv", r["_line"],
                 f"{r['iso3']}: recognises Taipei today but not in 2020 (no such switch is documented)")

    # --- small island states: exactly the CELAC members without a polygon in the map shapes ---
    geo = json.load(open(os.path.join(a.datasets, "lac_countries.geojson"), encoding="utf-8"))
    shaped = set()
    for f in geo["features"]:
        p = f.get("properties") or {}
        shaped.add(p["ISO_A3"] if p.get("ISO_A3") not in (None, "", "-99") else p.get("ADM0_A3"))
    unshaped = {iso for iso in cs if iso not in shaped}
    islands = {r["iso3"] for r in T["small_island_states"]}
    c.ok(islands == unshaped, "small_island_states.csv", None,
         f"rows must be the CELAC members with no polygon in lac_countries.geojson: missing {sorted(unshaped - islands)}, "
         f"extra {sorted(islands - unshaped)}")
    for r in T["small_island_states"]:
        c.ok(r["iso3"] in cs, "small_island_states.csv", r["_line"], f"iso3 {r['iso3']} is not a CELAC member")
        src_ok("small_island_states.csv", r, "source_id", True)

    # --- twinning ---
    tw = {r["id"]: r for r in T["twinning"]}
    seen = {}
    for r in T["twinning"]:
        c.ok(r["iso3"] in cs, "twinning.csv", r["_line"], f"iso3 {r['iso3']} is not a CELAC member")
        key = (r["iso3"], r["lac_locality"].casefold(), r["chinese_locality"].casefold())
        c.ok(key not in seen, "twinning.csv", r["_line"], f"duplicate tie {key} (also line {seen.get(key)})")
        seen[key] = r["_line"]
        src_ok("twinning.csv", r, "source_id", True)
        src_ok("twinning.csv", r, "source_ids_other")
        if r["in_wikipedia"] == "true":
            c.ok(r["source_id"] == "wikipedia_twin" and r["wikipedia_names"], "twinning.csv", r["_line"],
                 "Wikipedia row must have source_id wikipedia_twin and wikipedia_names")
        else:
            c.ok(r["source_id"] != "wikipedia_twin" and not r["wikipedia_names"], "twinning.csv", r["_line"],
                 "curated row must not cite wikipedia_twin")
        c.ok(r["id"].startswith(r["iso3"] + "-"), "twinning.csv", r["_line"], "id does not start with iso3")
    for iso, r in cs.items():
        n = sum(1 for t in T["twinning"] if t["iso3"] == iso)
        nw = sum(1 for t in T["twinning"] if t["iso3"] == iso and t["in_wikipedia"] == "true")
        c.ok(r["twinning_ties"] == str(n), "countries.csv", r["_line"],
             f"{iso}: twinning_ties {r['twinning_ties']} != {n} rows in twinning.csv")
        c.ok(r["twinning_ties_wikipedia"] == str(nw), "countries.csv", r["_line"],
             f"{iso}: twinning_ties_wikipedia {r['twinning_ties_wikipedia']} != {nw}")
        best = r["twinning_official_count"] or r["twinning_ties"]
        c.ok(r["twinning_ties_official_or_listed"] == best, "countries.csv", r["_line"],
             f"{iso}: twinning_ties_official_or_listed {r['twinning_ties_official_or_listed']} != {best} "
             "(the official count where known, else twinning_ties)")
        if r["twinning_official_count"]:
            c.ok(int(r["twinning_official_count"]) >= n, "countries.csv", r["_line"],
                 f"{iso}: official count below the ties listed here (check)")

    # --- channels ---
    ch = {r["code"]: r for r in T["channels"]}
    c.ok(sorted(ch) == list("abcdef"), "channels.csv", None, "channels must be exactly a–f")
    for code, r in ch.items():
        c.ok(r["default_initiator"] == CHANNEL_RULE[code], "channels.csv", r["_line"], f"default_initiator of {code}")

    # --- cases ---
    cases = {r["id"]: r for r in T["cases"]}
    for r in T["cases"]:
        L, f = r["_line"], "cases.csv"
        scope = r["level_scope"]
        if r["country"]:
            c.ok(r["country"] in CELAC, f, L, f"country {r['country']} is not a CELAC member")
        else:
            c.ok(scope == "chinese_subnational_only", f, L, "country may be empty only for chinese_subnational_only cases")
        if r["countries_other"]:
            c.ok(r["countries_other"] in CELAC and r["countries_other"] != r["country"], f, L, "bad countries_other")
        if scope == "local":
            c.ok(bool(r["locality"]) and r["locality_level"] not in ("", "national"), f, L,
                 "local case needs a locality and a subnational locality_level")
        if scope == "central":
            c.ok(r["locality_level"] == "national", f, L, "central case must have locality_level national")
            c.ok(r["id"] in CENTRAL_IDS, f, L, "unexpected central case (update CENTRAL_IDS if deliberate)")
        if scope != "central":
            c.ok(bool(r["outcome"]), f, L, "outcome is required for non-central cases")
        c.ok(r["channel_secondary"] != r["channel"], f, L, "channel_secondary equals channel")
        if r["initiated_by_basis"] == "channel_rule":
            c.ok(r["initiated_by"] == CHANNEL_RULE[r["channel"]], f, L,
                 f"initiated_by {r['initiated_by']} does not follow the channel rule for '{r['channel']}'")
        if r["twinning"] == "true":
            t = tw.get(r["twinning_id"])
            if c.ok(t is not None, f, L, f"twinning = true but twinning_id '{r['twinning_id']}' not in twinning.csv"):
                c.ok(t["iso3"] == r["country"], f, L, "twinning_id belongs to another country")
        else:
            c.ok(not r["twinning_id"], f, L, "twinning_id set while twinning = false")
        money = [r[x] for x in ("money_amount", "money_currency", "money_kind", "money_qualifier")]
        c.ok(all(money) or not any(money), f, L, "money_amount/currency/kind/qualifier must be all set or all empty")
        if r["money_currency"] == "USD":
            c.ok(r["money_usd_m"] == r["money_amount"], f, L, "money_usd_m must equal money_amount for USD")
        else:
            c.ok(not r["money_usd_m"], f, L, "money_usd_m set for a non-USD amount (no conversions)")
        src_ok(f, r, "source_id", True)
        src_ok(f, r, "source_ids_other")
    for cid, words in REPORT_CASES.items():
        r = cases.get(cid)
        if c.ok(r is not None, "cases.csv", None, f"case {cid} named in the source report is missing"):
            c.ok(all(w in r["title"] for w in words), "cases.csv", r["_line"], f"{cid} title lacks {words}")
            c.ok(r["in_source_report"] == "true", "cases.csv", r["_line"], f"{cid} must have in_source_report = true")
            if cid in REPORT_CASE_COUNTRY:
                c.ok(r["country"] == REPORT_CASE_COUNTRY[cid], "cases.csv", r["_line"], f"{cid} country")
    for cid in CENTRAL_IDS:
        c.ok(cid in cases and cases[cid]["level_scope"] == "central", "cases.csv", None, f"{cid} must be a central contrast case")
    c.ok(sorted({int(r["facts_row"]) for r in T["cases"]}) == list(range(1, 37)), "cases.csv", None,
         "every FACTS.md row 1–36 must be present")

    # --- amounts ---
    prim = {}
    vat = collections.defaultdict(list)
    for r in T["amounts"]:
        L, f = r["_line"], "amounts.csv"
        c.ok(r["case_id"] in cases, f, L, f"unknown case {r['case_id']}")
        src_ok(f, r, "source_id", True)
        if r["currency"] == "USD":
            c.ok(r["usd_m"] == r["amount"], f, L, "usd_m must equal amount for USD")
        else:
            c.ok(not r["usd_m"], f, L, "usd_m set for a non-USD amount")
        if r["amount_high"]:
            c.ok(float(r["amount_high"]) > float(r["amount"]), f, L, "amount_high must exceed amount")
        c.ok(r["unit"] == UNIT.get(r["currency"]), f, L,
             f"unit {r['unit']!r} does not match currency {r['currency']} (expected {UNIT.get(r['currency'])!r})")
        c.ok(r["amount_text"] == amount_text(r), f, L,
             f"amount_text {r['amount_text']!r}, expected {amount_text(r)!r} (from qualifier, unit, amount, amount_high)")
        vat[r["case_id"], r["kind"]].append(r)
        if r["is_primary"] == "true":
            c.ok(r["case_id"] not in prim, f, L, f"two primary amounts for {r['case_id']}")
            prim[r["case_id"]] = r
    for (case_id, kind), group in vat.items():
        # Two amounts of the same kind for one case must be the same contract told apart by VAT.
        marks = sorted(r["vat"] for r in group)
        if len(group) > 1:
            c.ok(marks == ["excluded", "included"], "amounts.csv", group[1]["_line"],
                 f"{case_id} has {len(group)} {kind} amounts: they must be one with VAT included and one excluded")
        else:
            c.ok(marks == [""], "amounts.csv", group[0]["_line"], f"vat set on the only {kind} amount of {case_id}")
    for r in T["cases"]:
        p = prim.get(r["id"])
        if r["money_amount"]:
            if c.ok(p is not None, "cases.csv", r["_line"], "money set but no primary amount in amounts.csv"):
                c.ok((r["money_amount"], r["money_currency"], r["money_kind"], r["money_qualifier"]) ==
                     (p["amount"], p["currency"], p["kind"], p["qualifier"]), "cases.csv", r["_line"],
                     f"money columns differ from primary amount {p['id']}")
        else:
            c.ok(p is None, "cases.csv", r["_line"], "primary amount in amounts.csv but money columns empty")

    unused = sorted(sources - used - CONTEXT_SOURCES)
    if unused:
        c.warn("sources.csv", None, f"sources not cited by any row: {', '.join(unused)}")

    # --- reference inputs ---
    if a.reference:
        ref = a.reference
        pop = {r["iso3"]: r["population"] for r in csv.DictReader(open(os.path.join(ref, "celac_population_2020_wb.csv"), encoding="utf-8"))}
        for iso, r in cs.items():
            c.ok(r["population"] == pop.get(iso), "countries.csv", r["_line"], f"{iso}: population differs from the World Bank extract")
        geo_ref = open(os.path.join(ref, "ne_110m_lac_countries.geojson"), "rb").read()
        geo = open(os.path.join(a.datasets, "lac_countries.geojson"), "rb").read()
        c.ok(geo == geo_ref, "lac_countries.geojson", None, "not an exact copy of the reference file")
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "twinning.csv")
            p = subprocess.run([sys.executable, os.path.join(HERE, "derive_twinning.py"),
                                os.path.join(ref, "wikipedia_twin_cities_raw.csv"), "--out", out],
                               capture_output=True, text=True)
            if c.ok(p.returncode == 0, "twinning.csv", None, f"derive_twinning.py failed: {p.stderr}"):
                c.ok(open(out, "rb").read() == open(os.path.join(a.datasets, "twinning.csv"), "rb").read(),
                     "twinning.csv", None, "differs from what scripts/derive_twinning.py produces: rerun it")

    status = "OK" if c.errors == 0 else "FAILED"
    print(f"{status}: {c.checks} checks, {c.errors} errors, {c.warnings} warnings; "
          f"rows: " + ", ".join(f"{k} {len(v)}" for k, v in T.items()))
    return 0 if c.errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
