#!/usr/bin/env python3
"""The side-by-side sheet of issue 21: every Vega-Lite gallery spec drawn by vl-convert (left)
and by Dossier (right), with the gallery test's verdict per spec (match / mismatch /
unsupported: reason), into docs/vega-lite-gallery.html and its small PNGs in
docs/vega-lite-gallery/.

The verdicts come from the test (Tests/DossierBuildTests/VegaLiteGalleryTests.swift), which
writes them to $TMPDIR/dossier-vega-lite-gallery.json; run it first:

    swift test --filter VegaLiteGalleryTests
    python3 bench/vega_lite_sheet.py [--dossier .build/debug/dossier] [--status FILE]

The specs and data are the committed copy, Tests/DossierBuildTests/Fixtures/vega-lite-gallery.
vl-convert loads the data over a local HTTP server (as scripts/vega_lite_reference.py does).
"""
import argparse
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(REPO, "scripts"))
from vega_lite_reference import DataServer, load_spec  # noqa: E402

GALLERY = os.path.join(REPO, "Tests", "DossierBuildTests", "Fixtures", "vega-lite-gallery")
WIDTH = 320


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossier", default=os.path.join(REPO, ".build/debug/dossier"))
    parser.add_argument("--status", default=os.path.join(tempfile.gettempdir(), "dossier-vega-lite-gallery.json"))
    parser.add_argument("--out", default=os.path.join(REPO, "docs"))
    args = parser.parse_args()
    import vl_convert
    from PIL import Image
    with open(args.status) as f:
        status = json.load(f)
    images = os.path.join(args.out, "vega-lite-gallery")
    shutil.rmtree(images, ignore_errors=True)
    os.makedirs(images)
    names = sorted(n[: -len(".vl.json")] for n in os.listdir(os.path.join(GALLERY, "specs")) if n.endswith(".vl.json"))

    def save(png, path):
        image = Image.open(io.BytesIO(png)).convert("RGB")
        if image.width > WIDTH:
            image = image.resize((WIDTH, max(1, round(image.height * WIDTH / image.width))), Image.LANCZOS)
        image.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)

    rows = []
    with DataServer(GALLERY) as base, tempfile.TemporaryDirectory(prefix="dossier-vl-sheet-") as root:
        open(os.path.join(root, ".dossier-project"), "w").close()
        report = os.path.join(root, "reports", "g")
        os.makedirs(os.path.join(report, "specs"))
        shutil.copytree(os.path.join(GALLERY, "data"), os.path.join(report, "data"))
        for name in names:
            try:
                save(vl_convert.vegalite_to_png(load_spec(GALLERY, name, base), scale=1), os.path.join(images, name + ".vl.png"))
                theirs = f"vega-lite-gallery/{name}.vl.png"
            except Exception as error:
                theirs = None
                print(f"{name}: vl-convert: {error}", file=sys.stderr)
            ours = None
            if status.get(name, {}).get("status") in ("match", "mismatch"):
                png = dossier_png(args.dossier, root, report, name)
                if png:
                    save(png, os.path.join(images, name + ".dossier.png"))
                    ours = f"vega-lite-gallery/{name}.dossier.png"
            rows.append((name, theirs, ours, status.get(name, {"status": "not run", "detail": ""})))
            print(name, rows[-1][3]["status"])
    write_html(os.path.join(args.out, "vega-lite-gallery.html"), rows)


def dossier_png(dossier, root, report, name):
    figure = re.sub(r"[^A-Za-z0-9-]", "-", name)
    shutil.copy(os.path.join(GALLERY, "specs", name + ".vl.json"), os.path.join(report, "specs", name + ".vl.json"))
    with open(os.path.join(report, "report.md"), "w") as f:
        f.write(f'---\ntitle: "Gallery"\ndate: "2026-12-06"\nfigures:\n  - id: {figure}\n'
                f'    vega-lite: specs/{name}.vl.json\n---\n\n# G\n\n```{{figure}} {figure}\nA.\n```\n')
    run = subprocess.run([dossier, "build", "reports/g", "--fonts", os.path.join(REPO, "fonts"), "--figure", figure],
                         cwd=root, capture_output=True, text=True, timeout=600)
    path = os.path.join(report, "out", "charts", figure + ".png")
    if run.returncode != 0 or not os.path.exists(path):
        print(f"{name}: dossier: {run.stderr.strip()[:200]}", file=sys.stderr)
        return None
    with open(path, "rb") as f:
        return f.read()


def write_html(path, rows):
    counts = {}
    for _, _, _, s in rows:
        counts[s["status"]] = counts.get(s["status"], 0) + 1
    summary = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
    out = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
           "<title>Vega-Lite gallery: vl-convert and Dossier side by side</title>",
           "<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em}table{border-collapse:collapse;table-layout:fixed;width:100%}"
           "th:first-child{width:28%}code{word-break:break-word}"
           "td,th{border-top:1px solid #ccc;padding:.5em;vertical-align:top;text-align:left}"
           "img{max-width:100%}.match{color:#1a7f37}.mismatch{color:#b35900}.unsupported,.unclear{color:#888}"
           "code{font-size:12px}</style></head><body>",
           "<h1>Vega-Lite gallery: vl-convert (left) and Dossier (right)</h1>",
           f"<p>{html.escape(summary)} (of {len(rows)} specs). Verdicts from "
           "<code>Tests/DossierBuildTests/VegaLiteGalleryTests.swift</code> (marks compared in data terms: "
           "<code>VegaLiteMarkMatch</code>); images by <code>bench/vega_lite_sheet.py</code>. "
           "Specs: Vega-Lite's gallery, BSD-3-Clause.</p>",
           "<table><tr><th>spec</th><th>vl-convert</th><th>Dossier</th></tr>"]
    for name, theirs, ours, s in rows:
        cls = s["status"].split()[0]
        verdict = f'<b class="{cls}">{html.escape(s["status"])}</b>'
        if s.get("detail"):
            verdict += f"<br><code>{html.escape(s['detail'][:300])}</code>"
        img = lambda src: f'<img src="{src}" alt="" loading="lazy">' if src else ""
        out.append(f"<tr><td><code>{name}</code><br>{verdict}</td><td>{img(theirs)}</td><td>{img(ours)}</td></tr>")
    out += ["</table></body></html>", ""]
    with open(path, "w") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    sys.exit(main())
