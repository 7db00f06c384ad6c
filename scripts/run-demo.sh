#!/usr/bin/env bash
# The main job on the bundled demo corpus: analyse every file under Corpora/demo and say where the
# outputs are.
set -euo pipefail
bin=${1:-.build/release/tillit}
out=${2:-out}
mkdir -p "$out"
status=0
"$bin" analyze Corpora/demo/posts.ndjson -o "$out/posts.jsonl" || status=$?
# The generated companions in four more dump formats (twarc2, Reddit, Trustpilot, RSS), auto-detected.
"$bin" analyze Corpora/demo/tweets.twarc2.jsonl Corpora/demo/reddit-comments.ndjson Corpora/demo/trustpilot-reviews.ndjson \
  Corpora/demo/retail-feed.rss.xml -o "$out/generated.jsonl" || status=$?
"$bin" analyze Corpora/demo/reviews.csv --text-column review_text --id-column review_id --created-column date \
  --lang-column language --rating-column rating --retailer-column shop --author-column reviewer \
  -o "$out/reviews.jsonl" || status=$?
"$bin" analyze Corpora/demo/reviews.csv --text-column review_text --id-column review_id --created-column date \
  --lang-column language --rating-column rating --retailer-column shop --author-column reviewer \
  --output-format csv -o "$out/reviews.csv" -q || status=$?
echo
echo "Outputs:"
for f in "$out"/posts.jsonl "$out"/generated.jsonl "$out"/reviews.jsonl "$out"/reviews.csv; do
  printf '  %-24s %6d records\n' "$f" "$(grep -c '' "$f")"
done
# The store and the weekly report: ingest both demo files (re-running adds nothing) and report the
# latest week of the corpus.
db="$out/tillit.sqlite"
"$bin" ingest Corpora/demo/posts.ndjson Corpora/demo/tweets.twarc2.jsonl Corpora/demo/reddit-comments.ndjson \
  Corpora/demo/trustpilot-reviews.ndjson Corpora/demo/retail-feed.rss.xml --db "$db" || status=$?
"$bin" ingest Corpora/demo/reviews.csv --text-column review_text --id-column review_id --created-column date \
  --lang-column language --rating-column rating --retailer-column shop --author-column reviewer --db "$db" || status=$?
"$bin" report --db "$db" --week 2026-W47 --weeks 12 --out "$out/report" || status=$?
"$bin" benchmark --db "$db" --from 2026-W36 --to 2026-W47 --out "$out/benchmark" || status=$?
echo
echo "Weekly report:  $out/report/report.html   (figures as CSV and JSON beside it)"
echo "Benchmark:      $out/benchmark/benchmark.html"
echo
echo "Try:  $bin explain \"Älskar de personliga erbjudandena men det är obehagligt hur mycket ICA vet om mig\""
exit $status
