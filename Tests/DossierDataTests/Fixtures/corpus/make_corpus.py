#!/usr/bin/env python3
"""Writes the validation corpus: one folder per case with datapackage.json + CSV files.

Broken cases are named `bad-*` (exactly one problem each), valid edge cases `ok-*`.
expected.txt next to each case holds the exact diagnostics (or the valid summary line); it is
written by `--bless` from `dossier validate` output and then reviewed by hand; this script never
overwrites an existing expected.txt unless --bless is given.

    python3 make_corpus.py            # (re)write inputs
    python3 make_corpus.py --bless BIN  # also write expected.txt using BIN validate
"""
import copy, json, os, shutil, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))

FIELDS = [
    {"name": "id", "type": "integer"},
    {"name": "country", "type": "string", "constraints": {"pattern": "[A-Z]{3}"}},
    {"name": "date", "type": "date"},
    {"name": "outcome", "type": "string", "constraints": {"enum": ["positive", "negative", "no_results"]}},
    {"name": "amount", "type": "number", "constraints": {"minimum": 0}},
    {"name": "verified", "type": "boolean"},
    {"name": "year", "type": "year"},
    {"name": "title", "type": "string", "constraints": {"required": True}},
]
HEADER = "id,country,date,outcome,amount,verified,year,title"
ROWS = [
    "1,ARG,2024-01-15,positive,12.5,true,2024,Solar park",
    "2,BRA,2023-06-30,negative,0,false,2023,\"Port, phase II\"",
    "3,CHL,2022-12-01,no_results,,1,2022,\"The \"\"Lithium\"\" deal\"",
]
COUNTRIES = "code,name\nARG,Argentina\nBRA,Brazil\nCHL,Chile\n"


def schema(**changes):
    s = {"fields": copy.deepcopy(FIELDS), "primaryKey": "id"}
    s.update(changes)
    return s


def package(s=None, extra_resources=(), fks=None, **resource):
    s = s or schema()
    if fks is not None:
        s["foreignKeys"] = fks
    r = {"name": "cases", "path": "cases.csv", "schema": s}
    r.update(resource)
    return {"name": "corpus", "resources": [r, *extra_resources]}


def countries_resource():
    return {"name": "countries", "path": "countries.csv",
            "schema": {"fields": [{"name": "code", "type": "string"}, {"name": "name", "type": "string"}],
                       "primaryKey": "code"}}


def csv(*rows, header=HEADER, nl="\n", final=True):
    text = nl.join([header, *rows])
    return text + (nl if final else "")


def fields_with(name, **changes):
    fs = copy.deepcopy(FIELDS)
    for f in fs:
        if f["name"] == name:
            f.update(changes)
    return fs


CASES = {}


def case(name, pkg=None, cases=None, files=None):
    files = dict(files or {})
    if cases is not None:
        files["cases.csv"] = cases
    CASES[name] = (pkg if pkg is not None else package(), files)


R1, R2, R3 = ROWS
# ---- broken: CSV structure
case("bad-unterminated-quote", cases=csv(R1, R2, '3,CHL,2022-12-01,no_results,,1,2022,"The Lithium deal'))
case("bad-character-after-quote", cases=csv(R1, '2,BRA,2023-06-30,negative,0,false,2023,"Port" phase II', R3))
case("bad-ragged-too-many", cases=csv(R1, R2 + ",extra", R3))
case("bad-ragged-too-few", cases=csv(R1, "2,BRA,2023-06-30,negative,0,false,2023", R3))
case("bad-invalid-utf8", cases=csv(R1, R2, "3,CHL,2022-12-01,no_results,,1,2022,Vi\udcffa del Mar").encode("utf-8", "surrogateescape"))
case("bad-blank-line-in-middle", cases=csv(R1, "", R2, R3))
case("bad-empty-file", cases="")
# ---- broken: header
case("bad-header-renamed", cases=csv(R1, R2, R3, header=HEADER.replace("country", "country_code")))
case("bad-header-missing-column", cases=csv(*[r.rsplit(",", 1)[0] if not r.endswith('"') else r[: r.rfind(',"')] for r in ROWS], header=HEADER.rsplit(",", 1)[0]))
case("bad-header-extra-column", cases=csv(*[r + ",x" for r in ROWS], header=HEADER + ",notes"))
case("bad-header-case", cases=csv(R1, R2, R3, header=HEADER.replace("outcome", "Outcome")))
# ---- broken: types
case("bad-integer", cases=csv(R1, R2.replace("2,BRA", "2a,BRA", 1), R3))
case("bad-integer-decimal", cases=csv(R1, R2.replace("2,BRA", "2.5,BRA", 1), R3))
case("bad-integer-overflow", cases=csv(R1, R2.replace("2,BRA", "99999999999999999999,BRA", 1), R3))
case("bad-number-comma", cases=csv(R1, R2.replace(",0,false", ',"1,5",false'), R3))
case("bad-boolean", cases=csv(R1, R2.replace(",false,", ",yes,"), R3))
case("bad-date-format", cases=csv(R1, R2.replace("2023-06-30", "30/06/2023"), R3))
case("bad-date-impossible", cases=csv(R1, R2.replace("2023-06-30", "2023-02-29"), R3))
case("bad-year", cases=csv(R1, R2.replace(",2023,", ",23,"), R3))
case("bad-date-custom-format", package(schema(fields=fields_with("date", format="%d/%m/%Y"))),
     cases=csv(*[r.replace("2024-01-15", "15/01/2024").replace("2023-06-30", "2023-06-30").replace("2022-12-01", "01/12/2022") for r in ROWS]))
# ---- broken: constraints
case("bad-required-empty", cases=csv(R1, R2.replace(',"Port, phase II"', ","), R3))
case("bad-required-quoted-empty", cases=csv(R1, R2.replace('"Port, phase II"', '""'), R3))
case("bad-required-missing-value", package(schema(missingValues=["", "NA"])), cases=csv(R1, R2.replace('"Port, phase II"', "NA"), R3))
case("bad-enum-typo", cases=csv(R1, R2, R3.replace("no_results", "no_result")))
case("bad-enum-case", cases=csv(R1, R2.replace("negative", "Negative"), R3))
case("bad-enum-far", cases=csv(R1, R2.replace("negative", "cancelled"), R3))
case("bad-minimum", cases=csv(R1, R2.replace(",0,false", ",-3,false"), R3))
case("bad-maximum", package(schema(fields=fields_with("amount", constraints={"maximum": 100}))), cases=csv(R1, R2.replace(",0,false", ",100.5,false"), R3))
case("bad-pattern", cases=csv(R1, R2.replace("BRA", "Bra"), R3))
case("bad-pattern-anchored", cases=csv(R1, R2.replace("BRA", "BRAZ"), R3))
case("bad-max-length", package(schema(fields=fields_with("title", constraints={"required": True, "maxLength": 10}))), cases=csv(R1.replace("Solar park", "Solar"), R2.replace('"Port, phase II"', "Port"), R3.replace('"The ""Lithium"" deal"', '"Lithium deal, phase one"')))
case("bad-unique", package(schema(fields=fields_with("title", constraints={"required": True, "unique": True}))), cases=csv(R1, R2.replace('"Port, phase II"', "Solar park"), R3))
case("bad-date-minimum", package(schema(fields=fields_with("date", constraints={"minimum": "2023-01-01"}))), cases=csv(R1, R2, R3))
case("bad-integer-enum", package(schema(fields=fields_with("year", constraints={"enum": [2022, 2023, 2024]}))), cases=csv(R1, R2.replace(",2023,", ",2021,"), R3))
# ---- broken: keys
case("bad-primary-key-duplicate", cases=csv(R1, R2, R3.replace("3,CHL", "1,CHL", 1)))
case("bad-primary-key-composite", package(schema(primaryKey=["country", "year"])), cases=csv(R1, R2, R3.replace("CHL", "ARG").replace(",2022,", ",2024,")))
case("bad-primary-key-missing", cases=csv(R1, R2.replace("2,BRA", ",BRA", 1), R3))
case("bad-foreign-key", package(fks=[{"fields": "country", "reference": {"resource": "countries", "fields": "code"}}],
                                extra_resources=[countries_resource()]),
     cases=csv(R1, R2, R3.replace("CHL", "CHI")), files={"countries.csv": COUNTRIES})
case("bad-foreign-key-self", package(schema(fields=FIELDS + [{"name": "parent", "type": "integer"}],
                                            foreignKeys=[{"fields": "parent", "reference": {"resource": "", "fields": "id"}}])),
     cases=csv(R1 + ",", R2 + ",1", R3 + ",7", header=HEADER + ",parent"))
case("bad-foreign-key-composite", package(fks=[{"fields": ["country", "year"], "reference": {"resource": "budgets", "fields": ["iso3", "year"]}}],
                                          extra_resources=[{"name": "budgets", "path": "budgets.csv", "schema": {"fields": [
                                              {"name": "iso3", "type": "string"}, {"name": "year", "type": "year"}], "primaryKey": ["iso3", "year"]}}]),
     cases=csv(R1, R2, R3), files={"budgets.csv": "iso3,year\nARG,2024\nBRA,2023\nCHL,2021\n"})
case("bad-referenced-table-error", package(fks=[{"fields": "country", "reference": {"resource": "countries", "fields": "code"}}],
                                           extra_resources=[countries_resource()]),
     cases=csv(R1, R2, R3), files={"countries.csv": COUNTRIES.replace("CHL,Chile", "CHL,Chile,Santiago")})
# ---- broken: descriptor
case("bad-descriptor-json", {"__raw__": '{"name": "corpus", "resources": [\n  {"name": "cases",, "path": "cases.csv"}\n]}\n'}, cases=csv(R1, R2, R3))
case("bad-descriptor-type", package(schema(fields=fields_with("amount", type="numbr"))), cases=csv(R1, R2, R3))
case("bad-descriptor-missing-file", package(path="case.csv"), cases=csv(R1, R2, R3))
case("bad-descriptor-primary-key-field", package(schema(primaryKey="ID")), cases=csv(R1, R2, R3))
case("bad-descriptor-foreign-resource", package(fks=[{"fields": "country", "reference": {"resource": "countrie", "fields": "code"}}],
                                                extra_resources=[countries_resource()]),
     cases=csv(R1, R2, R3), files={"countries.csv": COUNTRIES})
case("bad-descriptor-duplicate-field", package(schema(fields=FIELDS[:-1] + [{"name": "year", "type": "year"}])), cases=csv(R1, R2, R3, header=HEADER.replace("title", "year")))
case("bad-descriptor-pattern", package(schema(fields=fields_with("country", constraints={"pattern": "[A-Z{3}"}))), cases=csv(R1, R2, R3))
case("bad-descriptor-no-resources", {"name": "corpus", "resources": []}, cases=csv(R1, R2, R3))
# ---- broken: positions survive encoding details
case("bad-after-bom", cases=b"\xef\xbb\xbf" + csv(R1, R2.replace("2023-06-30", "2023-13-01"), R3).encode())
case("bad-after-crlf", cases=csv(R1, R2, R3.replace(",1,", ",2,"), nl="\r\n"))
case("bad-after-quoted-newline", cases=csv(R1.replace("Solar park", '"Solar\npark\nphase I"'), R2, R3.replace("no_results", "none")))

# ---- valid edge cases
case("ok-basic", cases=csv(R1, R2, R3))
case("ok-bom", cases=b"\xef\xbb\xbf" + csv(R1, R2, R3).encode())
case("ok-crlf", cases=csv(R1, R2, R3, nl="\r\n"))
case("ok-no-final-newline", cases=csv(R1, R2, R3, final=False))
case("ok-crlf-no-final-newline", cases=csv(R1, R2, R3, nl="\r\n", final=False))
case("ok-quoted-newlines", cases=csv(R1.replace("Solar park", '"Solar\npark"'), R2.replace('"Port, phase II"', '"Port\r\nphase II"'), R3))
case("ok-doubled-quotes", cases=csv(R1.replace("Solar park", '"""Solar"" park"""'), R2, R3))
case("ok-blank-trailing-lines", cases=csv(R1, R2, R3) + "\n\n")
case("ok-blank-trailing-lines-crlf", cases=csv(R1, R2, R3, nl="\r\n") + "\r\n\r\n")
case("ok-header-only", cases=HEADER + "\n")
case("ok-quoted-everything", cases=csv(*['"' + '","'.join(["1", "ARG", "2024-01-15", "positive", "12.5", "true", "2024", "Solar, park"]) + '"']))
case("ok-utf8-text", cases=csv(R1.replace("Solar park", "Parque solar Cauchari – Jujuy"), R2.replace('"Port, phase II"', '"北京 – São Paulo, ñandú"'), R3))
case("ok-missing-values", package(schema(missingValues=["", "NA", "-"])), cases=csv(R1.replace("12.5", "NA"), R2.replace("0,false", "-,false"), R3))
case("ok-numbers", cases=csv(R1.replace("12.5", "1e3"), R2.replace(",0,", ",0.000001,"), R3.replace(",,1,", ",+7.25,1,")))
case("ok-booleans", cases=csv(R1.replace("true", "TRUE"), R2.replace("false", "False"), R3.replace(",1,2022", ",0,2022")))
case("ok-custom-booleans", package(schema(fields=fields_with("verified", trueValues=["yes"], falseValues=["no"]))),
     cases=csv(R1.replace("true", "yes"), R2.replace("false", "no"), R3.replace(",1,2022", ",yes,2022")))
case("ok-leap-day", cases=csv(R1.replace("2024-01-15", "2024-02-29"), R2, R3))
case("ok-semicolon-dialect", package(dialect={"delimiter": ";"}), cases=csv(*[r.replace(",", ";").replace('"Port; phase II"', '"Port, phase II"') for r in ROWS], header=HEADER.replace(",", ";")))
case("ok-foreign-key", package(fks=[{"fields": "country", "reference": {"resource": "countries", "fields": "code"}}],
                               extra_resources=[countries_resource()]),
     cases=csv(R1, R2, R3), files={"countries.csv": COUNTRIES})
case("ok-composite-key", package(schema(primaryKey=["country", "year"])), cases=csv(R1, R2, R3.replace("CHL", "ARG")))
case("ok-date-custom-format", package(schema(fields=fields_with("date", format="%d/%m/%Y"))),
     cases=csv(*[r.replace("2024-01-15", "15/01/2024").replace("2023-06-30", "30/06/2023").replace("2022-12-01", "01/12/2022") for r in ROWS]))
case("ok-external-schema", package("schema.json"), cases=csv(R1, R2, R3), files={"schema.json": json.dumps(schema(), indent=2) + "\n"})
case("ok-empty-last-field", package(schema(fields=FIELDS + [{"name": "note", "type": "string"}])),
     cases=csv(R1 + ",", R2 + ',""', R3 + ",x", header=HEADER + ",note"))


def write():
    for name, (pkg, files) in CASES.items():
        d = os.path.join(HERE, name)
        os.makedirs(d, exist_ok=True)
        for f in os.listdir(d):
            if f != "expected.txt":
                os.remove(os.path.join(d, f))
        with open(os.path.join(d, "datapackage.json"), "w") as fh:
            fh.write(pkg["__raw__"] if "__raw__" in pkg else json.dumps(pkg, indent=2, ensure_ascii=False) + "\n")
        for fname, content in files.items():
            with open(os.path.join(d, fname), "wb") as fh:
                fh.write(content if isinstance(content, bytes) else content.encode("utf-8"))
    stale = [n for n in os.listdir(HERE) if os.path.isdir(os.path.join(HERE, n)) and n not in CASES]
    for n in stale:
        shutil.rmtree(os.path.join(HERE, n))


def bless(binary):
    for name in CASES:
        d = os.path.join(HERE, name)
        p = subprocess.run([binary, "validate", "datapackage.json"], cwd=d, capture_output=True, text=True)
        out = p.stdout if p.returncode == 0 else p.stderr
        with open(os.path.join(d, "expected.txt"), "w") as fh:
            fh.write(out)
        print(f"{name}: exit {p.returncode}")


if __name__ == "__main__":
    write()
    if len(sys.argv) == 3 and sys.argv[1] == "--bless":
        bless(sys.argv[2])
    print(f"{len(CASES)} cases ({sum(n.startswith('bad-') for n in CASES)} broken)")
