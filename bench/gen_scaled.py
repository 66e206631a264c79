#!/usr/bin/env python3
"""Scaled copies of the flagship's datasets, for `make bench` (standard library only, seeded,
byte-identical on every run).

    python3 bench/gen_scaled.py FACTOR OUT_ROOT [--seed N] [--report reports/china-lac-local] [--datasets datasets]

writes OUT_ROOT/datasets/ (cases, twinning and amounts FACTOR times as many rows; countries,
channels, sources, the small island states and the map as they are) and OUT_ROOT/reports/<name>/report.md (a copy of the
report, whose `data: ../../datasets/datapackage.json` then reads the scaled package).

Copy 0 of each row is the original; copies 1…FACTOR-1 get ids with a `-N` suffix and resample
channel, outcome, first year, initiator and country (cases) and year established (twinning)
from the original values, so the statistics change a little and nothing is cached by accident.
The report's claims (facts of the real data) are dropped from scaled copies, and OUT_ROOT gets
a `.dossier-project` marker so that it is the report's project root wherever it lies.
The datapackage's id patterns are widened to accept the suffixes; countries.twinning_ties is
recounted from the scaled twinning list.
"""
import argparse
import collections
import csv
import io
import json
import os
import random
import re
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, list(reader)


def write(path, fields, rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buffer.getvalue())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("factor", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20260401)
    ap.add_argument("--report", default=os.path.join(ROOT, "reports", "china-lac-local"))
    ap.add_argument("--datasets", default=os.path.join(ROOT, "datasets"),
                    help="the datasets folder to scale (bench/ab_before.sh: an older commit's)")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    src = a.datasets
    dst = os.path.join(a.out, "datasets")
    os.makedirs(dst, exist_ok=True)

    case_fields, cases = read(os.path.join(src, "cases.csv"))
    twin_fields, twins = read(os.path.join(src, "twinning.csv"))
    amount_fields, amounts = read(os.path.join(src, "amounts.csv"))
    country_fields, countries = read(os.path.join(src, "countries.csv"))

    pools = {k: [r[k] for r in cases] for k in ("channel", "outcome", "first_year", "initiated_by")}
    pools["country"] = [r["country"] for r in cases if r["country"]]
    years = [r["year_established"] for r in twins]

    out_cases, out_twins, out_amounts = [], [], []
    for copy in range(a.factor):
        suffix = f"-{copy}" if copy else ""
        for r in twins:
            r = dict(r)
            if copy:
                r["id"] = f"{r['id']}-r{copy}"
                r["year_established"] = rng.choice(years)
            out_twins.append(r)
        for r in cases:
            r = dict(r)
            if copy:
                r["id"] += suffix
                if r["twinning_id"]:
                    r["twinning_id"] = f"{r['twinning_id']}-r{copy}"
                for k, pool in pools.items():
                    if k == "country" and not r[k]:
                        continue
                    r[k] = rng.choice(pool)
            out_cases.append(r)
        for r in amounts:
            r = dict(r)
            if copy:
                r["id"] += suffix
                r["case_id"] += suffix
            out_amounts.append(r)

    ties = collections.Counter(r["iso3"] for r in out_twins)
    for r in countries:
        r["twinning_ties"] = str(ties.get(r["iso3"], 0))

    write(os.path.join(dst, "cases.csv"), case_fields, out_cases)
    write(os.path.join(dst, "twinning.csv"), twin_fields, out_twins)
    write(os.path.join(dst, "amounts.csv"), amount_fields, out_amounts)
    write(os.path.join(dst, "countries.csv"), country_fields, countries)
    # Every other data file (channels, sources, small island states, the map) as it is.
    scaled = {"cases.csv", "twinning.csv", "amounts.csv", "countries.csv", "datapackage.json"}
    for name in sorted(os.listdir(src)):
        if name.endswith((".geojson", ".csv")) and name not in scaled:
            shutil.copyfile(os.path.join(src, name), os.path.join(dst, name))

    with open(os.path.join(src, "datapackage.json"), encoding="utf-8") as f:
        package = json.load(f)
    widen = {("cases", "id"): "^C[0-9]{2}[a-z]?(-[0-9]+)?$", ("amounts", "id"): "^A[0-9]{2}(-[0-9]+)?$"}
    for resource in package["resources"]:
        resource.pop("hash", None)
        resource.pop("bytes", None)
        for field in resource.get("schema", {}).get("fields", []):
            key = (resource["name"], field["name"])
            if key in widen:
                field["constraints"]["pattern"] = widen[key]
    with open(os.path.join(dst, "datapackage.json"), "w", encoding="utf-8") as f:
        json.dump(package, f, indent=2, ensure_ascii=False)
        f.write("\n")

    report_dst = os.path.join(a.out, "reports", os.path.basename(os.path.normpath(a.report)))
    os.makedirs(report_dst, exist_ok=True)
    with open(os.path.join(a.report, "report.md"), encoding="utf-8") as f:
        report = f.read()
    if a.factor != 1:
        report = without_claims(report)
    with open(os.path.join(report_dst, "report.md"), "w", encoding="utf-8") as f:
        f.write(report)
    # Its own project root: the report's `../../datasets` stays inside it wherever OUT_ROOT is.
    open(os.path.join(a.out, ".dossier-project"), "w").close()
    print(f"wrote {a.out}: {len(out_cases)} cases, {len(out_twins)} twinning ties, {len(out_amounts)} amounts")


def without_claims(report):
    """The report without its claims: they state facts of the real data, which resampled copies
    need not keep (a claim that does not hold fails the build). Drops the front matter's
    `claims:` block, turns `appendix: {claims: true}` off and keeps the words of each
    `[words]{claim=id}` span."""
    lines = report.split("\n")
    out, skipping = [], False
    for line in lines:
        if line.startswith("claims:"):
            skipping = True
            continue
        if skipping and (line == "---" or re.match(r"^[A-Za-z_]+:", line)):
            skipping = False
        if skipping:
            continue
        if line.startswith("appendix:"):
            line = re.sub(r"claims:\s*true", "claims: false", line)
        out.append(line)
    return re.sub(r"\[([^\[\]]*)\]\{claim=[^}]*\}", r"\1", "\n".join(out))


if __name__ == "__main__":
    main()
