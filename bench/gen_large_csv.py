#!/usr/bin/env python3
"""Benchmark data for the Dossier data engine: a deterministic, cases-shaped CSV + datapackage.json.

Generate (standard library only, seeded, byte-identical on every run):

    python3 bench/gen_large_csv.py [--rows 1000000] [--seed 20260401] [--out bench/out]

writes OUT/cases.csv (~100 MB for 1,000,000 rows: quoted text with commas and doubled quotes,
UTF-8 names, empty cells), OUT/countries.csv and OUT/datapackage.json (primary key, enum,
minimum, pattern, required and a foreign key, as the real datasets use).

Comparison readers (need the third-party package; each loads cases.csv into typed columns):

    python3 bench/gen_large_csv.py read {pandas-c,pandas-pyarrow,pyarrow,polars,frictionless} OUT/cases.csv

Time them as whole processes, e.g. `/usr/bin/time -v dossier validate OUT/datapackage.json`.
Outputs are not committed (bench/out/ is scratch).
"""
import argparse, json, os, random, sys

COUNTRIES = [("ARG", "Argentina"), ("BOL", "Bolivia"), ("BRA", "Brasil"), ("CHL", "Chile"), ("COL", "Colombia"),
             ("CRI", "Costa Rica"), ("CUB", "Cuba"), ("DOM", "República Dominicana"), ("ECU", "Ecuador"),
             ("GTM", "Guatemala"), ("MEX", "México"), ("PAN", "Panamá"), ("PER", "Perú"), ("PRY", "Paraguay"),
             ("SLV", "El Salvador"), ("URY", "Uruguay"), ("VEN", "Venezuela"), ("JAM", "Jamaica")]
LOCALITIES = ["São Paulo", "Jujuy", "Córdoba", "Valparaíso", "Medellín", "Cusco", "Tarija", "Guayaquil",
              "Nuevo León", "Ciudad de Panamá", "Montevideo", "Asunción", "Bogotá", "Curitiba", "Mérida"]
PARTNERS = ["Shanghai", "Guangzhou", "Chongqing", "Sichuan", "Yunnan", "Zhejiang", "Beijing", "Shenzhen",
            "Hubei", "Fujian", "Jiangsu", "Tianjin"]
WORDS = ["solar", "port", "lithium", "railway", "hospital", "sister-city", "trade", "mission", "loan",
         "contract", "park", "phase", "memorandum", "visit", "exchange", "university", "water", "road"]
OUTCOMES = ["deal", "explor", "stalled", "no_results", "cancelled"]
CHANNELS = list("abcdef")

FIELDS = [
    {"name": "id", "type": "integer"},
    {"name": "title", "type": "string", "constraints": {"required": True}},
    {"name": "country", "type": "string", "constraints": {"pattern": "[A-Z]{3}"}},
    {"name": "locality", "type": "string"},
    {"name": "channel", "type": "string", "constraints": {"enum": CHANNELS}},
    {"name": "first_year", "type": "year"},
    {"name": "signed", "type": "date"},
    {"name": "outcome", "type": "string", "constraints": {"enum": OUTCOMES}},
    {"name": "money_usd_m", "type": "number", "constraints": {"minimum": 0}},
    {"name": "in_source_report", "type": "boolean"},
    {"name": "note", "type": "string"},
]


def quote(s):
    if any(c in s for c in ',"\n\r'):
        return '"' + s.replace('"', '""') + '"'
    return s


def generate(rows, seed, out):
    rng = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "countries.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("code,name\n")
        for code, name in COUNTRIES:
            f.write(f"{code},{quote(name)}\n")
    header = ",".join(fd["name"] for fd in FIELDS)
    with open(os.path.join(out, "cases.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(header + "\n")
        buf = []
        for i in range(1, rows + 1):
            w = rng.sample(WORDS, 3)
            loc = rng.choice(LOCALITIES)
            title = f"{w[0].capitalize()} {w[1]}, {loc} – {rng.choice(PARTNERS)}"
            country = rng.choice(COUNTRIES)[0]
            year = rng.randint(1995, 2024)
            signed = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if rng.random() < 0.8 else ""
            money = f"{rng.randint(0, 500000) / 100:.2f}" if rng.random() < 0.6 else ""
            note = ""
            r = rng.random()
            if r < 0.3:
                note = f'The report says "{w[2]}", not {rng.choice(WORDS)}; see {rng.choice(PARTNERS)}'
            elif r < 0.6:
                note = f"{w[2]} {rng.choice(WORDS)}, {rng.choice(WORDS)}"
            row = [str(i), quote(title), country, quote(loc) if rng.random() < 0.9 else "",
                   rng.choice(CHANNELS), str(year), signed, rng.choice(OUTCOMES), money,
                   rng.choice(("true", "false")), quote(note)]
            buf.append(",".join(row))
            if len(buf) == 10000:
                f.write("\n".join(buf) + "\n")
                buf = []
        if buf:
            f.write("\n".join(buf) + "\n")
    package = {"name": "bench", "resources": [
        {"name": "cases", "path": "cases.csv",
         "schema": {"fields": FIELDS, "primaryKey": "id",
                    "foreignKeys": [{"fields": "country", "reference": {"resource": "countries", "fields": "code"}}]}},
        {"name": "countries", "path": "countries.csv",
         "schema": {"fields": [{"name": "code", "type": "string"}, {"name": "name", "type": "string"}], "primaryKey": "code"}},
    ]}
    with open(os.path.join(out, "datapackage.json"), "w", encoding="utf-8") as f:
        json.dump(package, f, indent=2, ensure_ascii=False)
        f.write("\n")
    size = os.path.getsize(os.path.join(out, "cases.csv"))
    print(f"wrote {out}/cases.csv: {rows} rows, {size / 1e6:.1f} MB")


def read(reader, path):
    """Loads the CSV into typed columns with the named third-party reader; prints rows."""
    str_cols = ["title", "country", "locality", "channel", "outcome", "note"]
    if reader == "pandas-c" or reader == "pandas-pyarrow":
        import pandas as pd
        dtypes = {c: "string" for c in str_cols}
        dtypes.update({"id": "int64", "first_year": "int64", "money_usd_m": "float64", "in_source_report": "boolean"})
        engine = "c" if reader == "pandas-c" else "pyarrow"
        if engine == "pyarrow":
            dtypes = {c: ("string[pyarrow]" if v == "string" else v) for c, v in dtypes.items()}
        df = pd.read_csv(path, dtype=dtypes, parse_dates=["signed"], engine=engine, keep_default_na=False,
                         na_values=[""])
        n = len(df)
    elif reader == "pyarrow":
        import pyarrow as pa, pyarrow.csv as pc
        types = {c: pa.string() for c in str_cols}
        types.update({"id": pa.int64(), "first_year": pa.int64(), "signed": pa.date32(),
                      "money_usd_m": pa.float64(), "in_source_report": pa.bool_()})
        t = pc.read_csv(path, convert_options=pc.ConvertOptions(column_types=types, strings_can_be_null=True))
        n = t.num_rows
    elif reader == "polars":
        import polars as pl
        schema = {c: pl.Utf8 for c in str_cols}
        schema.update({"id": pl.Int64, "first_year": pl.Int64, "signed": pl.Date, "money_usd_m": pl.Float64,
                       "in_source_report": pl.Boolean})
        order = [fd["name"] for fd in FIELDS]
        df = pl.read_csv(path, schema={k: schema[k] for k in order})
        n = df.height
    elif reader == "frictionless":
        from frictionless import validate
        report = validate(os.path.join(os.path.dirname(path), "datapackage.json"))
        n = report.stats.get("rows") if hasattr(report, "stats") else None
        print("valid" if report.valid else "invalid")
    else:
        raise SystemExit(f"unknown reader {reader}")
    print(f"{reader}: {n} rows")


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "read":
        read(sys.argv[2], sys.argv[3])
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=20260401)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out"))
    a = ap.parse_args()
    generate(a.rows, a.seed, a.out)


if __name__ == "__main__":
    main()
