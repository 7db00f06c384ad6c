#!/usr/bin/env bash
# The main job on the bundled demo corpus: analyse every file under Corpora/demo and say where the
# outputs are.
set -euo pipefail
bin=${1:-.build/release/tillit}
out=${2:-out}
mkdir -p "$out"
status=0
"$bin" analyze Corpora/demo/posts.ndjson -o "$out/posts.jsonl" || status=$?
"$bin" analyze Corpora/demo/reviews.csv --text-column review_text --id-column review_id --created-column date \
  --lang-column language --rating-column rating --retailer-column shop --author-column reviewer \
  -o "$out/reviews.jsonl" || status=$?
"$bin" analyze Corpora/demo/reviews.csv --text-column review_text --id-column review_id --created-column date \
  --lang-column language --rating-column rating --retailer-column shop --author-column reviewer \
  --output-format csv -o "$out/reviews.csv" -q || status=$?
echo
echo "Outputs:"
for f in "$out"/posts.jsonl "$out"/reviews.jsonl "$out"/reviews.csv; do
  printf '  %-24s %6d records\n' "$f" "$(grep -c '' "$f")"
done
echo
echo "Try:  $bin explain \"Älskar de personliga erbjudandena men det är obehagligt hur mycket ICA vet om mig\""
exit $status
