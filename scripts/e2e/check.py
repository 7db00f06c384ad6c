"""e2e checks of rendered reports: the screenshot is not blank, every chart is present in the HTML and
rendered with a size, no element overflows the page, and the printed PDF is A4.
Usage: check.py REPORT.html SCREENSHOT.png DOM-1280.html DOM-390.html REPORT.pdf [chart-id …]"""
import json
import re
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import png  # noqa: E402

failures = []


def fail(msg):
    failures.append(msg)
    print("  FAIL " + msg)


def ok(msg):
    print("  ok   " + msg)


html_path, shot, dom_wide, dom_narrow, pdf = sys.argv[1:6]
expected = sys.argv[6:]
html = open(html_path, encoding="utf-8").read()
print(html_path)

# 1. the screenshot is not blank: grey-level variance and share of non-background pixels
w, h, c, rows = png.read(shot)
step = 4
values, ink = [], 0
for y in range(0, h, step):
    row = rows[y]
    for x in range(0, w, step):
        g = (row[x * c] * 299 + row[x * c + 1] * 587 + row[x * c + 2] * 114) // 1000 if c >= 3 else row[x * c]
        values.append(g)
        if g < 200:
            ink += 1
mean = sum(values) / len(values)
var = sum((v - mean) ** 2 for v in values) / len(values)
share = ink / len(values)
(ok if var > 200 and share > 0.01 else fail)(f"screenshot {w}x{h}: grey variance {var:.0f}, {share:.1%} dark pixels")

# 2. every chart's SVG is in the HTML, and there is no script, no external resource
for cid in expected:
    m = re.search(r'<figure id="fig-%s">(.*?)</figure>' % re.escape(cid), html, re.S)
    if not m or "<svg" not in m.group(1):
        fail(f"chart {cid}: no <svg> in <figure id=fig-{cid}>")
ok(f"{len(expected)} expected charts checked; {html.count('<svg')} inline SVGs in total") if not failures else None
if re.search(r"<script|<link|<img|<iframe|src=|@import|url\(", html, re.I):
    fail("the report has a script or an external resource")
else:
    ok("self-contained: no script, link, img, src= or url()")

# 3. rendered layout: no overflow at laptop and phone widths; charts rendered with a size
for path in (dom_wide, dom_narrow):
    found = re.findall(r"<pre id=\"e2e-result\">(\{.*?\})</pre>", open(path, encoding="utf-8").read(), re.S)
    m = found[-1] if found else None
    if not m:
        fail(f"{path}: the probe did not run")
        continue
    r = json.loads(m.replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))
    if r["overflowCount"] or r["pageWidth"] > r["viewport"]:
        fail(f"width {r['viewport']}: page {r['pageWidth']} px, {r['overflowCount']} overflowing: {r['overflow'][:5]}")
    else:
        ok(f"width {r['viewport']}: no element overflows")
    empty = [ch["id"] for ch in r["charts"] if ch["width"] < 100 or ch["height"] < 10]
    if empty:
        fail(f"charts rendered without size: {empty}")
    else:
        ok(f"width {r['viewport']}: {len(r['charts'])} charts rendered with a size")

# 4. print: A4 pages
data = open(pdf, "rb").read()
pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
a4 = re.search(rb"/MediaBox\s*\[\s*0 0 (59[45](?:\.\d+)?) (84[12](?:\.\d+)?)\s*\]", data)
(ok if pages >= 1 and a4 else fail)(f"print: {pages} A4 page(s)" if a4 else f"print: {pages} page(s), not A4")

sys.exit(1 if failures else 0)
