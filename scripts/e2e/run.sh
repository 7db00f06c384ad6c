#!/usr/bin/env bash
# make e2e: ingest the demo corpus, write the weekly report (en, sv, da) and the benchmark, render each
# in headless Chromium (screenshot, layout probe at 1280 and 390 px, print to PDF) and check the results.
set -euo pipefail
bin=${1:-.build/debug/tillit}
out=${2:-out/e2e}
here=$(cd "$(dirname "$0")" && pwd)
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "e2e: chromium not found (scripts/install-browser.sh)" >&2; exit 1; }
rm -rf "$out"; mkdir -p "$out/shots"
db="$out/e2e.sqlite"
"$bin" ingest Corpora/demo/posts.ndjson --db "$db" -q
"$bin" ingest Corpora/demo/reviews.csv --text-column review_text --id-column review_id --created-column date \
  --lang-column language --rating-column rating --retailer-column shop --author-column reviewer --db "$db" -q
for loc in en sv da; do "$bin" report --db "$db" --week 2026-W47 --locale "$loc" --out "$out/report-$loc" >/dev/null; done
"$bin" benchmark --db "$db" --from 2026-W36 --to 2026-W47 --out "$out/benchmark" >/dev/null
# determinism: the same store and options give byte-identical files
"$bin" report --db "$db" --week 2026-W47 --locale en --out "$out/report-en-again" >/dev/null
diff -r "$out/report-en" "$out/report-en-again" >/dev/null || { echo "e2e: FAIL report output is not deterministic" >&2; exit 1; }
echo "  ok   report output is byte-identical on a second run"

chrome() { timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions \
  --disable-dev-shm-usage --allow-file-access-from-files "$@" 2>/dev/null; }
status=0
render() { # NAME HTML CHARTS…
  local name=$1 html=$2; shift 2
  local abs; abs=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
  local probe="${abs%.html}.probe.html"
  # the probe copy drops the report's Content-Security-Policy (which forbids scripts) and adds probe.js
  grep -v 'Content-Security-Policy' "$abs" | sed 's|</body>|<script>'"$(tr -d '\n' < "$here/probe.js" | sed 's/[&|]/\\&/g')"'</script></body>|' > "$probe"
  chrome --screenshot="$out/shots/$name.png" --window-size=1280,4000 "file://$abs" >/dev/null
  chrome --screenshot="$out/shots/$name-phone.png" --window-size=390,2400 "file://$abs" >/dev/null
  chrome --dump-dom --window-size=1280,4000 "file://$probe" > "$out/shots/$name.dom-1280.html"
  chrome --dump-dom --window-size=390,2400 "file://$probe" > "$out/shots/$name.dom-390.html"
  chrome --print-to-pdf="$out/shots/$name.pdf" --no-pdf-header-footer "file://$abs" >/dev/null
  rm -f "$probe"
  python3 "$here/check.py" "$abs" "$out/shots/$name.png" "$out/shots/$name.dom-1280.html" "$out/shots/$name.dom-390.html" "$out/shots/$name.pdf" "$@" || status=1
}
charts=(share_of_voice quadrant net_sentiment drivers_privacy_negative drivers_personalization_positive trend)
for loc in en sv da; do render "report-$loc" "$out/report-$loc/report.html" "${charts[@]}"; done
render benchmark "$out/benchmark/benchmark.html" benchmark_ranking-privacy benchmark_ranking-personalization
echo "e2e: screenshots and PDFs in $out/shots/"
if [ $status -ne 0 ]; then echo "e2e: FAILED" >&2; fi
exit $status
