#!/usr/bin/env python3
"""Checks that the reference `frictionless` validator agrees with Dossier's verdict (valid / invalid)
on every case of the validation corpus.

    pip install frictionless
    python3 scripts/crosscheck_frictionless.py [--dossier .build/debug/dossier] [--corpus DIR]

Dossier's verdict is taken from the case name (`bad-*` invalid, `ok-*` valid), which the Swift
corpus test pins to the exact diagnostics in expected.txt; with --dossier it is also obtained by
running `dossier validate` on the case. Exit status 0 when every case agrees or differs only as
listed in KNOWN_DIFFERENCES (each with the reason), 1 otherwise.
"""
import argparse, os, subprocess, sys, warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = os.path.join(ROOT, "Tests", "DossierDataTests", "Fixtures", "corpus")

# Cases where frictionless reaches a different verdict by design, and why.
KNOWN_DIFFERENCES = {
    "bad-character-after-quote":
        "frictionless reads CSV with Python's csv module, which silently glues text after a closing "
        "quote onto the field (\"Port\" phase II -> 'Port phase II'); RFC 4180 forbids it and it is "
        "almost always a stray quote, so Dossier reports it.",
    "bad-invalid-utf8":
        "frictionless guesses the encoding (charset detection) and decodes the file as a single-byte "
        "encoding, so the bad byte becomes a letter; Data Packages are UTF-8 by default and Dossier "
        "reports the byte with its position.",
    "bad-unterminated-quote":
        "Python's csv module (strict=False) takes everything up to end of file as the last field when a "
        "quote never closes; Dossier reports the quote with the line where it opened, since the rest "
        "of the file would otherwise be swallowed silently.",
    "bad-integer-overflow":
        "Python integers are unbounded; Dossier stores integers as 64-bit Int and rejects "
        "99999999999999999999 instead of losing precision.",
    "bad-descriptor-no-resources":
        "frictionless accepts an empty resources list; the Data Package spec requires at least one "
        "resource and a briefing with no data is a mistake.",
    "ok-blank-trailing-lines":
        "frictionless reports every blank line, trailing ones included, as blank-row; issue 3 requires "
        "blank trailing lines (common after hand editing) to be accepted. Blank lines in the middle are "
        "errors for both (bad-blank-line-in-middle).",
    "ok-blank-trailing-lines-crlf":
        "same as ok-blank-trailing-lines, with CRLF line ends.",
}


def frictionless_verdict(case_dir):
    """True if frictionless finds the package valid."""
    from frictionless import validate
    cwd = os.getcwd()
    os.chdir(case_dir)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            report = validate("datapackage.json")
        return bool(report.valid), summarize(report)
    except Exception as e:  # descriptor errors may raise
        return False, f"exception: {type(e).__name__}: {e}"
    finally:
        os.chdir(cwd)


def summarize(report):
    try:
        errors = report.flatten(["type", "message"])
    except Exception:
        errors = []
    if not errors:
        return "valid" if report.valid else "invalid"
    return "; ".join(f"{t}: {m}" for t, m in errors[:2])


def dossier_verdict(binary, case_dir):
    p = subprocess.run([binary, "validate", "datapackage.json"], cwd=case_dir, capture_output=True, text=True)
    return p.returncode == 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--dossier", help="path to the dossier binary (optional)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    cases = sorted(d for d in os.listdir(args.corpus) if os.path.isdir(os.path.join(args.corpus, d)))
    agree, known, unexpected = [], [], []
    for name in cases:
        d = os.path.join(args.corpus, name)
        ours = not name.startswith("bad-")
        if args.dossier:
            ran = dossier_verdict(args.dossier, d)
            if ran != ours:
                unexpected.append((name, f"dossier binary says {'valid' if ran else 'invalid'}, case name says otherwise"))
                continue
        theirs, detail = frictionless_verdict(d)
        if args.verbose:
            print(f"{name:40} dossier={'valid' if ours else 'invalid':8} frictionless={'valid' if theirs else 'invalid':8} {detail[:150]}")
        if theirs == ours:
            if name in KNOWN_DIFFERENCES:
                unexpected.append((name, "listed in KNOWN_DIFFERENCES but frictionless now agrees"))
            else:
                agree.append(name)
        elif name in KNOWN_DIFFERENCES:
            known.append(name)
        else:
            unexpected.append((name, f"frictionless says {'valid' if theirs else 'invalid'} ({detail[:200]})"))

    print(f"{len(cases)} cases: {len(agree)} agree, {len(known)} differ by design, {len(unexpected)} unexpected")
    for name in known:
        print(f"  by design: {name}: {KNOWN_DIFFERENCES[name]}")
    for name, why in unexpected:
        print(f"  UNEXPECTED: {name}: {why}")
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
