#!/usr/bin/env python3
"""Checks Dossier's HTML briefings in headless Chromium (Debian's chromium + chromium-driver).

For each HTML file, at 360x740 and 390x844 (phones) and 1280x800 (a laptop), in the light scheme, and at
390x844 in the dark scheme:
  - no horizontal overflow: document.documentElement.scrollWidth <= innerWidth (and <= the width);
  - no console error (a blocked request would log one: the page's policy forbids them all);
  - every <figure> holds an <svg> of non-zero width and height;
  - every internal link (href="#id") and every aria-labelledby names an element that exists;
  - axe-core (bundled by axe-selenium-python) finds no serious or critical violation;
  - a full-page screenshot is saved to --out as <name>-<width>[-dark].png.
Once per file: html5lib parses it as HTML5 in strict mode without an error.

Usage: check_html.py --out DIR FILE.html [FILE.html ...]; exit status 1 when a check fails.
"""
import argparse
import base64
import json
import os
import sys

import html5lib
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
VIEWPORTS = [(360, 740, False, "light"), (390, 844, False, "light"), (1280, 800, False, "light"), (390, 844, True, "dark")]

PAGE_FACTS = """
const figures = Array.from(document.querySelectorAll('figure')).map(f => {
  const svg = f.querySelector('svg');
  const r = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
  return {id: f.id, svg: !!svg, width: r.width, height: r.height};
});
const missing = [];
for (const a of document.querySelectorAll('a[href^="#"]')) {
  const id = decodeURIComponent(a.getAttribute('href').slice(1));
  if (!document.getElementById(id)) missing.push('href #' + id);
}
for (const e of document.querySelectorAll('[aria-labelledby]')) {
  for (const id of e.getAttribute('aria-labelledby').split(/\\s+/)) {
    if (id && !document.getElementById(id)) missing.push('aria-labelledby ' + id);
  }
}
const wide = Array.from(document.body.querySelectorAll('*')).filter(e => {
  if (e.closest('.table-wrap') && !e.classList.contains('table-wrap')) return false;
  const r = e.getBoundingClientRect();
  return r.right > Math.min(window.innerWidth, arguments[0]) + 0.5;
}).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? '.' + e.className : ''));
return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
        figures: figures, missing: missing, wide: wide};
"""


def make_driver():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--allow-file-access-from-files"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_script_timeout(300)
    return driver


def html5_errors(path):
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    with open(path, "rb") as handle:
        parser.parse(handle.read())
    strict = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        with open(path, "rb") as handle:
            strict.parse(handle.read())
    except Exception as error:  # html5lib raises ParseError on the first error in strict mode
        return [f"{error}"] + [f"line {pos[0]} col {pos[1]}: {code} {data}" for pos, code, data in parser.errors[:5]]
    return []


def screenshot(driver, path):
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    with open(path, "wb") as handle:
        handle.write(base64.b64decode(shot["data"]))


def check_view(driver, path, out_dir, width, height, dark):
    name = os.path.splitext(os.path.basename(path))[0]
    label = f"{name} {width}x{height}{' dark' if dark else ''}"
    failures = []
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})
    driver.get_log("browser")  # drop what an earlier page logged
    driver.get("file://" + os.path.abspath(path))
    facts = driver.execute_script(PAGE_FACTS, width)
    # Chrome widens a phone's layout viewport (innerWidth) to fit content that overflows, so
    # the width asked for is the bound too.
    if facts["scrollWidth"] > min(facts["innerWidth"], width):
        failures.append(f"horizontal overflow: scrollWidth {facts['scrollWidth']} > {min(facts['innerWidth'], width)}"
                        f" (elements past the right edge: {', '.join(facts['wide'])})")
    for figure in facts["figures"]:
        if not figure["svg"] or figure["width"] <= 0 or figure["height"] <= 0:
            failures.append(f"figure #{figure['id']}: no visible SVG ({figure['width']}x{figure['height']})")
    failures += [f"link target missing: {what}" for what in facts["missing"]]
    errors = [entry for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]
    failures += [f"console error: {entry.get('message')}" for entry in errors]
    # Before axe, which scrolls containers as it checks them.
    screenshot(driver, os.path.join(out_dir, f"{name}-{width}{'-dark' if dark else ''}.png"))
    axe = Axe(driver)
    axe.inject()
    # A chart's drawing (thousands of glyph references) is presentational inside its role="img"
    # <svg>, which is checked: leaving the drawing out keeps axe from timing out.
    results = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run({exclude: [['figure svg > *']]}, {resultTypes: ['violations']}).then(done);")
    for violation in results["violations"]:
        line = f"axe {violation['impact']}: {violation['id']} ({len(violation['nodes'])} nodes): {violation['help']}"
        if violation["impact"] in ("serious", "critical"):
            targets = "; ".join(", ".join(node["target"]) if isinstance(node["target"][0], str) else json.dumps(node["target"])
                                for node in violation["nodes"][:3])
            failures.append(line + f" — e.g. {targets}")
        else:
            print(f"  note  {label}: {line}")
    status = "ok  " if not failures else "FAIL"
    print(f"  {status}  {label}: {len(facts['figures'])} figures, scrollWidth {facts['scrollWidth']}/{facts['innerWidth']}, "
          f"{len(results['violations'])} axe notes")
    return [f"{label}: {failure}" for failure in failures]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="folder for screenshots")
    parser.add_argument("files", nargs="+")
    arguments = parser.parse_args()
    os.makedirs(arguments.out, exist_ok=True)
    failures = []
    for path in arguments.files:
        name = os.path.basename(path)
        parse_errors = html5_errors(path)
        failures += [f"{name}: html5lib: {error}" for error in parse_errors]
        print(f"  {'ok  ' if not parse_errors else 'FAIL'}  {name}: html5lib strict parse, {os.path.getsize(path)} bytes")
    driver = make_driver()
    try:
        for path in arguments.files:
            for width, height, dark, _ in VIEWPORTS:
                failures += check_view(driver, path, arguments.out, width, height, dark)
    finally:
        driver.quit()
    for failure in failures:
        print(f"error: {failure}", file=sys.stderr)
    print(f"  screenshots in {arguments.out}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
