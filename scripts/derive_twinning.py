#!/usr/bin/env python3
"""Derive datasets/twinning.csv: sister-city/province ties between Chinese and CELAC localities.

Inputs
  1. The Wikipedia-derived pair list `wikipedia_twin_cities_raw.csv` (columns city1, country1,
     city2, country2; from GitHub Hekman/twincities, scraped from English Wikipedia's
     "List of twin towns and sister cities in ..." pages, CC BY-SA 4.0, "Wikipedia
     contributors"). Pass its path as the first argument.
  2. CURATED below: ties that FACTS.md / the source report substantiate (mostly province- and
     region-level ties, which the Wikipedia lists do not carry), each with its source_id.

Rules (documented in datasets/README.md as well)
  * A row of the raw file is kept when one side's country is "China" and the other side's
    country is one of the 33 CELAC member states (WIKI_COUNTRY_TO_ISO3; "Surinam" is a
    spelling of Suriname). Taiwan, Hong Kong entries labelled "Hong Kong" and non-sovereign
    territories (Puerto Rico, Curaçao, ...) are out of scope. Macau appears labelled "China"
    and is kept (a PRC special administrative region).
  * Chinese names are normalised by CHINESE_ALIASES (spelling variants of one place, e.g.
    "Wuxi – Binhu" and "Binhu (Wuxi)"; "Suzhou, Jiangsu" and "Suzhou"). Two pairs are the same
    tie when (iso3, LAC locality, normalised Chinese locality) are equal; duplicates are merged
    and the raw spellings kept in `wikipedia_names`.
  * A curated tie that matches a Wikipedia pair on that key is merged into it (adds its year and
    source); otherwise it becomes a row of its own.
  * Chinese province: from CHINESE_PROVINCE (the curator's coding of PRC administrative
    geography); left empty where two places of similar rank share the name (Fuzhou, Lianjiang).
  * year_established only from a dated source; Wikipedia carries no dates.
  * id = ISO3 + ASCII slug of the LAC and Chinese localities: stable when rows are added.

Output is sorted by id, UTF-8, LF, RFC 4180 quoting; same inputs give the same bytes.
With --countries PATH the script also rewrites the derived columns `twinning_ties` and
`twinning_ties_wikipedia` of that countries.csv (other columns untouched).

Usage:
  python3 scripts/derive_twinning.py /work/shared/reference/data/wikipedia_twin_cities_raw.csv \
      [--out datasets/twinning.csv] [--countries datasets/countries.csv]
"""
import argparse
import csv
import io
import os
import re
import sys
import unicodedata

WIKI_COUNTRY_TO_ISO3 = {
    "Antigua and Barbuda": "ATG", "Argentina": "ARG", "Bahamas": "BHS", "Barbados": "BRB",
    "Belize": "BLZ", "Bolivia": "BOL", "Brazil": "BRA", "Chile": "CHL", "Colombia": "COL",
    "Costa Rica": "CRI", "Cuba": "CUB", "Dominica": "DMA", "Dominican Republic": "DOM",
    "Ecuador": "ECU", "El Salvador": "SLV", "Grenada": "GRD", "Guatemala": "GTM",
    "Guyana": "GUY", "Haiti": "HTI", "Honduras": "HND", "Jamaica": "JAM", "Mexico": "MEX",
    "Nicaragua": "NIC", "Panama": "PAN", "Paraguay": "PRY", "Peru": "PER",
    "Saint Kitts and Nevis": "KNA", "Saint Lucia": "LCA",
    "Saint Vincent and the Grenadines": "VCT", "Suriname": "SUR", "Surinam": "SUR",
    "Trinidad and Tobago": "TTO", "Uruguay": "URY", "Venezuela": "VEN",
}
CHINA = "China"

# raw Chinese name -> (normalised name, level). Level: province, city, district, sar.
CHINESE_ALIASES = {
    "Binhu (Wuxi)": ("Binhu (Wuxi)", "district"),
    "Wuxi – Binhu": ("Binhu (Wuxi)", "district"),
    "Huishan (Wuxi)": ("Huishan (Wuxi)", "district"),
    "Wuxi – Huishan": ("Huishan (Wuxi)", "district"),
    "Putuo (Shanghai)": ("Putuo (Shanghai)", "district"),
    "Chongqing – Nanchuan": ("Nanchuan (Chongqing)", "district"),
    "Suzhou, Jiangsu": ("Suzhou, Jiangsu", "city"),
    "Suzhou": ("Suzhou, Jiangsu", "city"),          # merged with the qualified spelling (same LAC city)
    "Taizhou, Zhejiang": ("Taizhou, Zhejiang", "city"),
    "Taizhou": ("Taizhou, Zhejiang", "city"),       # merged with the qualified spelling (same LAC city)
    "Shandong": ("Shandong", "province"),
    "Macau": ("Macau", "sar"),
}
# Bare names that may only be merged into their qualified form (see check in main()).
MERGE_ONLY_WITH_QUALIFIED = {"Suzhou": "Suzhou, Jiangsu", "Taizhou": "Taizhou, Zhejiang"}

# Normalised Chinese locality -> province-level unit (curator's coding of PRC geography).
CHINESE_PROVINCE = {
    "Anzhou (Mianyang)": "Sichuan", "Baiyin": "Gansu", "Baoding": "Hebei", "Beijing": "Beijing",
    "Bengbu": "Anhui", "Binhu (Wuxi)": "Jiangsu", "Bozhou": "Anhui", "Changchun": "Jilin",
    "Changzhou": "Jiangsu", "Chaohu": "Anhui", "Chengdu": "Sichuan", "Chizhou": "Anhui",
    "Chongqing": "Chongqing", "Dongying": "Shandong", "Foshan": "Guangdong",
    "Guangdong": "Guangdong", "Guangzhou": "Guangdong", "Guiyang": "Guizhou",
    "Guizhou": "Guizhou", "Hangzhou": "Zhejiang", "Harbin": "Heilongjiang", "Hengshui": "Hebei",
    "Henan": "Henan", "Heze": "Shandong", "Huai'an": "Jiangsu", "Huaibei": "Anhui",
    "Huainan": "Anhui", "Huishan (Wuxi)": "Jiangsu", "Huzhou": "Zhejiang", "Jiangyin": "Jiangsu",
    "Jinan": "Shandong", "Jining": "Shandong", "Jiujiang": "Jiangxi", "Kaifeng": "Henan",
    "Kunming": "Yunnan", "Laoshan (Qingdao)": "Shandong", "Ma'anshan": "Anhui", "Macau": "Macau",
    "Nanchang": "Jiangxi", "Nanchuan (Chongqing)": "Chongqing", "Nanjing": "Jiangsu",
    "Nanning": "Guangxi", "Ningbo": "Zhejiang", "Ninghai": "Zhejiang", "Panjin": "Liaoning",
    "Pingdingshan": "Henan", "Putuo (Shanghai)": "Shanghai", "Qingdao": "Shandong",
    "Rizhao": "Shandong", "Rugao": "Jiangsu", "Sanya": "Hainan", "Shandong": "Shandong",
    "Shanghai": "Shanghai", "Shanxi": "Shanxi", "Shaoxing": "Zhejiang", "Shenyang": "Liaoning",
    "Shenzhen": "Guangdong", "Shijiazhuang": "Hebei", "Suzhou, Jiangsu": "Jiangsu",
    "Tai'an": "Shandong", "Taizhou, Zhejiang": "Zhejiang", "Tianjin": "Tianjin",
    "Tongling": "Anhui", "Wenzhou": "Zhejiang", "Wuhan": "Hubei", "Wuxi": "Jiangsu",
    "Xi'an": "Shaanxi", "Xiamen": "Fujian", "Xinxiang": "Henan", "Xinzhou": "Shanxi",
    "Xuzhou": "Jiangsu", "Yantai": "Shandong", "Yichang": "Hubei", "Yunnan": "Yunnan",
    "Zhengzhou": "Henan", "Zhenjiang": "Jiangsu", "Zhuhai": "Guangdong", "Zibo": "Shandong",
    # deliberately absent (ambiguous): "Fuzhou" (Fujian or Jiangxi), "Lianjiang" (Fujian or
    # Guangdong)
}

# LAC localities in the Wikipedia file that are not municipalities.
LAC_LEVEL_OVERRIDES = {
    ("ARG", "Córdoba Province"): "province",
    ("CUB", "Santiago de Cuba Province"): "province",
    ("MEX", "Jalisco"): "state",
}

# Ties substantiated by FACTS.md / the source report (Myers 2020). Columns:
# iso3, lac_locality, lac_level, chinese_locality, chinese_level, year_established, source_id, note
CURATED = [
    ("ARG", "Jujuy Province", "province", "Guizhou", "province", "2018", "elsubmarino_2018",
     "sister provinces; framework agreement signed at the Big Data Industry Expo, Guiyang, 2018 "
     "(formalised 2018 per provincial radio, 2025); named in the source report"),
    ("CHL", "Coquimbo Region", "region", "Henan", "province", "", "myers2020",
     "sister regions; established after first Henan contacts (engagement since the early 2000s); "
     "formal year not substantiated"),
    ("CHL", "O'Higgins Region", "region", "Shanxi", "province", "2018", "minrel_2018",
     "twinning (friendship) agreement signed 4 Nov 2018 in Beijing"),
    ("CHL", "Los Ríos Region", "region", "Yunnan", "province", "2012", "yunnan_fao",
     "friendship province/region relations formally established 1 Apr 2012"),
    ("CHL", "Santiago Metropolitan Region", "region", "Beijing", "city", "2007", "olea_2007",
     "twinning signed Aug 2007 (weak source: a councillor's blog); may be the same tie as the "
     "Wikipedia pair Santiago–Beijing"),
    ("CHL", "Última Esperanza Province", "province", "Laoshan (Qingdao)", "district", "2012",
     "dialogosur_2012", "friendship-relations agreement signed 21 Nov 2012 in Puerto Natales"),
    ("CHL", "Caldera", "municipality", "Anzhou (Mianyang)", "district", "2022",
     "tierramarillano_2022", "twinning agreement (hermanamiento) signed remotely, Jul 2022"),
    ("URY", "Rocha Department", "department", "Guangdong", "province", "", "rocha_2018",
     "twinning; letter of intent 2016, delegation Oct 2018; year of formal establishment not "
     "substantiated"),
    ("ARG", "La Plata", "municipality", "Chengdu", "city", "", "gochengdu_laplata",
     "approved by the Chengdu people's congress on 24 Feb, year not substantiated"),
    ("MEX", "Zapopan", "municipality", "Chengdu", "city", "2015", "gochengdu_zapopan",
     "year is that of the announcement (Sep 2015)"),
    ("BRA", "Rio de Janeiro", "municipality", "Beijing", "city", "1986", "cpaffc_2024_brazil",
     "sister cities since Nov 1986"),
    ("CHL", "La Serena", "municipality", "Changzhou", "city", "", "changzhou_gov",
     "a letter of intent was signed on 25 Apr (year not substantiated)"),
]

WIKI_SOURCE = "wikipedia_twin"
FIELDS = ["id", "iso3", "lac_locality", "lac_level", "chinese_locality", "chinese_level",
          "chinese_province", "year_established", "source_id", "source_ids_other",
          "in_wikipedia", "wikipedia_names", "note"]


def slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def norm_chinese(raw):
    if raw in CHINESE_ALIASES:
        return CHINESE_ALIASES[raw]
    return raw, "city"


def read_wiki(path):
    pairs = {}
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            for a, b in (("1", "2"), ("2", "1")):
                if r["country" + a] == CHINA and r["country" + b] in WIKI_COUNTRY_TO_ISO3:
                    iso3 = WIKI_COUNTRY_TO_ISO3[r["country" + b]]
                    lac = r["city" + b].strip()
                    raw_cn = r["city" + a].strip()
                    cn, level = norm_chinese(raw_cn)
                    key = (iso3, lac, cn)
                    e = pairs.setdefault(key, {"level": level, "raw": set()})
                    e["raw"].add(f"{lac} – {raw_cn}")
    # A bare ambiguous name may only be merged when its qualified spelling is present for the
    # same LAC locality; otherwise it would have been silently assigned a province.
    for key, e in pairs.items():
        for bare, qual in MERGE_ONLY_WITH_QUALIFIED.items():
            if key[2] == qual and not any(x.endswith(" – " + qual) for x in e["raw"]):
                sys.exit(f"error: '{bare}' for {key[1]} has no qualified spelling to merge with")
    return pairs


def build(wiki_path):
    pairs = read_wiki(wiki_path)
    rows = {}
    for (iso3, lac, cn), e in pairs.items():
        rows[(iso3, lac, cn)] = {
            "iso3": iso3, "lac_locality": lac,
            "lac_level": LAC_LEVEL_OVERRIDES.get((iso3, lac), "municipality"),
            "chinese_locality": cn, "chinese_level": e["level"],
            "chinese_province": CHINESE_PROVINCE.get(cn, ""), "year_established": "",
            "source_id": WIKI_SOURCE, "source_ids_other": "", "in_wikipedia": "true",
            "wikipedia_names": "; ".join(sorted(e["raw"])), "note": "",
        }
    for iso3, lac, lac_level, cn, cn_level, year, src, note in CURATED:
        key = (iso3, lac, cn)
        if key in rows:
            r = rows[key]
            if r["lac_level"] != lac_level or r["chinese_level"] != cn_level:
                sys.exit(f"error: level mismatch for curated tie {key}")
            r["year_established"] = year
            r["source_ids_other"] = src
            r["note"] = note
        else:
            rows[key] = {
                "iso3": iso3, "lac_locality": lac, "lac_level": lac_level,
                "chinese_locality": cn, "chinese_level": cn_level,
                "chinese_province": CHINESE_PROVINCE.get(cn, ""), "year_established": year,
                "source_id": src, "source_ids_other": "", "in_wikipedia": "false",
                "wikipedia_names": "", "note": note,
            }
    out = []
    for (iso3, lac, cn), r in rows.items():
        r["id"] = f"{iso3}-{slug(lac)}--{slug(cn)}"
        out.append(r)
    out.sort(key=lambda r: r["id"])
    ids = [r["id"] for r in out]
    if len(ids) != len(set(ids)):
        sys.exit("error: duplicate twinning ids")
    return out


def write_csv(path, fields, rows):
    buf = io.StringIO(newline="")
    w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def update_countries(path, rows):
    with open(path, newline="", encoding="utf-8") as f:
        rd = csv.DictReader(f)
        fields = rd.fieldnames
        crows = list(rd)
    for c in crows:
        c["twinning_ties"] = str(sum(1 for r in rows if r["iso3"] == c["iso3"]))
        c["twinning_ties_wikipedia"] = str(
            sum(1 for r in rows if r["iso3"] == c["iso3"] and r["in_wikipedia"] == "true"))
    write_csv(path, fields, crows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("wiki_csv", help="path to wikipedia_twin_cities_raw.csv")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--out", default=os.path.join(here, "..", "datasets", "twinning.csv"))
    ap.add_argument("--countries", default=None,
                    help="countries.csv whose derived twinning columns to rewrite")
    a = ap.parse_args()
    rows = build(a.wiki_csv)
    write_csv(a.out, FIELDS, rows)
    if a.countries:
        update_countries(a.countries, rows)
    n_wiki = sum(1 for r in rows if r["in_wikipedia"] == "true")
    print(f"wrote {len(rows)} ties ({n_wiki} from Wikipedia, {len(rows) - n_wiki} curated only) "
          f"to {os.path.normpath(a.out)}", file=sys.stderr)


if __name__ == "__main__":
    main()
