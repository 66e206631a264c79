"""Compares two PDFs page by page: which pages' content streams (decoded by qpdf) are the same.

    python3 bench/pdf_page_streams.py BEFORE.pdf AFTER.pdf
"""
import subprocess, sys, json, hashlib
def pages(path):
    # qpdf --json gives each page's content stream objects; then --show-object with filtered data
    j = json.loads(subprocess.run(["qpdf", "--json", "--json-key=pages", path], capture_output=True, text=True).stdout)
    res = []
    for p in j["pages"]:
        data = b""
        for c in p["contents"]:
            obj = c.split()[0]
            data += subprocess.run(["qpdf", "--show-object=" + obj, "--filtered-stream-data", path], capture_output=True).stdout
        res.append(data)
    return res
a, b = pages(sys.argv[1]), pages(sys.argv[2])
same = [i+1 for i in range(min(len(a), len(b))) if a[i] == b[i]]
print("pages", len(a), len(b), "identical decoded content streams:", len(same), "differ:", [i+1 for i in range(len(a)) if a[i] != b[i]])
print("content stream sizes (decoded, KB):", [round(len(x)/1024) for x in a])
