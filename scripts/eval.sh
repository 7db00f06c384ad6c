#!/usr/bin/env bash
# make eval: Tillit's sentiment on every labelled dev set in ../shared/eval/dev, scored by
# ../shared/tools/score-sentiment exactly as the project is judged, and language-identification
# accuracy by text length on the same sets' language column. Skips clearly when ../shared is absent.
set -uo pipefail
bin=${1:-.build/release/tillit}
shared=${2:-../shared}
dev="$shared/eval/dev"
scorer="$shared/tools/score-sentiment"
if [ ! -d "$dev" ] || [ ! -x "$scorer" ]; then
  echo "make eval: $dev or $scorer not found — the labelled dev sets live outside the repo (../shared); nothing to evaluate."
  exit 0
fi
work=${EVAL_DIR:-out/eval}
mkdir -p "$work"
# TSV (id, lang, label, text; quoted) -> NDJSON without the language column, so language is identified.
python3 - "$dev" "$work" <<'PY'
import csv, json, os, sys
csv.field_size_limit(1 << 30)
dev, work = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(dev)):
    if not name.endswith(".tsv"): continue
    with open(os.path.join(dev, name), newline="", encoding="utf-8") as f, open(os.path.join(work, name[:-4] + ".ndjson"), "w", encoding="utf-8") as out:
        for row in csv.DictReader(f, delimiter="\t"):
            out.write(json.dumps({"id": row["id"], "text": row["text"]}, ensure_ascii=False) + "\n")
PY
printf "%-26s %8s %8s %8s\n" "set" "headline" "polar" "rho"
for gold in "$dev"/*.tsv; do
  name=$(basename "$gold" .tsv)
  "$bin" analyze "$work/$name.ndjson" --format ndjson -q -o "$work/$name.jsonl" || true
  "$scorer" "$gold" "$work/$name.jsonl" --json > "$work/$name.score.json" 2>/dev/null
  python3 - "$work/$name.score.json" "$name" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
def g(*keys):
    for k in keys:
        if k in d and d[k] is not None: return d[k]
    return None
h = g("headline"); p = g("polar_acc", "acc"); r = g("spearman")
f = lambda v: "%.3f" % v if isinstance(v, (int, float)) else "-"
print("%-26s %8s %8s %8s" % (sys.argv[2], f(h), f(p), f(r)))
PY
done
echo
echo "language identification (gold = the sets' lang column; no hint given to tillit)"
python3 - "$dev" "$work" <<'PY'
import csv, json, os, sys
csv.field_size_limit(1 << 30)
dev, work = sys.argv[1], sys.argv[2]
buckets = {"<15": [0, 0], "15-40": [0, 0], ">=40": [0, 0]}
confusion = {}
for name in sorted(os.listdir(dev)):
    if not name.endswith(".tsv") or name.startswith("en_scandisent"): continue
    gold = {}
    with open(os.path.join(dev, name), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"): gold[row["id"]] = (row["lang"], row["text"])
    pred = {}
    path = os.path.join(work, name[:-4] + ".jsonl")
    if not os.path.exists(path): continue
    for line in open(path, encoding="utf-8"):
        r = json.loads(line); pred[r["id"]] = r["lang"]
    for i, (lang, text) in gold.items():
        n = len(text.strip())
        b = "<15" if n < 15 else ("15-40" if n < 40 else ">=40")
        p = pred.get(i, "missing")
        buckets[b][1] += 1
        if p == lang: buckets[b][0] += 1
        confusion[(lang, p)] = confusion.get((lang, p), 0) + 1
for b, (ok, n) in buckets.items():
    print("  %-6s %6d texts  accuracy %.3f" % (b, n, ok / n if n else 0))
print("  confusion (gold -> predicted: count): " + ", ".join("%s->%s: %d" % (g, p, c) for (g, p), c in sorted(confusion.items()) if g != p))
PY
