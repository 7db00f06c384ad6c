#!/usr/bin/env bash
# make bench: throughput of a release build on a generated corpus (default ≥ 500 MB of NDJSON):
# import only, analysis only and end to end, on 1 core and on all cores, with peak memory; and the
# same English text through VADER (pip vaderSentiment) when it is installed, as a ratio per core.
#   scripts/bench.sh [BIN] [POSTS]
set -uo pipefail
bin=${1:-.build/release/tillit}
posts=${2:-2900000}
dir=${BENCH_DIR:-/tmp/tillit-bench}
mkdir -p "$dir"
corpus="$dir/corpus-$posts.ndjson"
[ -x "$bin" ] || { echo "bench: $bin not found (make release)"; exit 1; }
if [ ! -s "$corpus" ]; then
  echo "bench: generating $posts posts (seed 7) into $corpus"
  "$bin" corpus generate --posts "$posts" --seed 7 -o "$corpus" || exit 1
fi
bytes=$(stat -c %s "$corpus")
mb=$(python3 -c "print(round($bytes/1e6,1))")
cores=$(nproc)
echo "corpus: $corpus — $mb MB, $posts posts; machine: $cores cores"
printf "\n%-34s %10s %10s %12s %10s\n" "stage" "seconds" "MB/s" "posts/s" "peak MB"
row() { printf "%-34s %10s %10s %12s %10s\n" "$1" "$2" "$3" "$4" "$5"; }
rate() { python3 -c "s=$1; print('%.1f' % ($bytes/1e6/s) if s>0 else '-', '%.0f' % ($posts/s) if s>0 else '-')"; }

# Import only (no analysis): the importer is single-threaded.
line=$("$bin" formats --bench "$corpus" --format ndjson 2>&1 | tail -1)
secs=$(echo "$line" | grep -oE '[0-9.]+ s' | head -1 | cut -d' ' -f1)
[ -n "$secs" ] && { read r p < <(rate "$secs"); row "import only (1 core)" "$secs" "$r" "$p" "-"; } || echo "import only: $line"

for jobs in 1 "$cores"; do
  log="$dir/timings-$jobs.txt"
  "$bin" analyze "$corpus" --format ndjson --jobs "$jobs" --timings -q -o /dev/null 2> "$log"
  t=$(grep -oE 'total [0-9.]+' "$log" | cut -d' ' -f2)
  a=$(grep -oE 'analysis [0-9.]+' "$log" | cut -d' ' -f2)
  m=$(grep -oE 'peak memory [0-9]+' "$log" | cut -d' ' -f3)
  if [ "$jobs" = 1 ]; then
    tl=$(grep -oE 'text layer [0-9.]+' "$log" | cut -d' ' -f3)
    read r p < <(rate "$tl"); row "text layer: tokenize+normalise+lang id (1 core)" "$tl" "$r" "$p" "-"
  fi
  read r p < <(rate "$a"); row "analysis only ($jobs core$( [ "$jobs" = 1 ] || echo s))" "$a" "$r" "$p" "$m"
  read r p < <(rate "$t"); row "end to end ($jobs core$( [ "$jobs" = 1 ] || echo s))" "$t" "$r" "$p" "$m"
done

# VADER on the same English text (a sample, VADER is slow), beside Tillit on that sample (1 core).
python3 - "$corpus" "$dir/en-sample.ndjson" <<'PY'
import json, sys
n = 0
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in f:
        if '"lang":"en"' in line:
            out.write(line); n += 1
            if n >= 100000: break
PY
sample_bytes=$(stat -c %s "$dir/en-sample.ndjson"); sample_posts=$(grep -c '' "$dir/en-sample.ndjson")
"$bin" analyze "$dir/en-sample.ndjson" --format ndjson --jobs 1 --timings -q -o /dev/null 2> "$dir/timings-en.txt"
te=$(grep -oE 'total [0-9.]+' "$dir/timings-en.txt" | cut -d' ' -f2)
if python3 -c "import vaderSentiment" 2>/dev/null; then
  tv=$(python3 - "$dir/en-sample.ndjson" <<'PY'
import json, sys, time
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
a = SentimentIntensityAnalyzer()
t = time.perf_counter()
for s in texts: a.polarity_scores(s)
print("%.3f" % (time.perf_counter() - t))
PY
)
  echo
  echo "English sample: $sample_posts posts, $(python3 -c "print(round($sample_bytes/1e6,1))") MB"
  echo "  tillit (1 core, end to end incl. JSON in/out): $te s = $(python3 -c "print('%.1f' % ($sample_bytes/1e6/$te))") MB/s"
  echo "  VADER 3.3 (1 core, polarity_scores only):     $tv s = $(python3 -c "print('%.2f' % ($sample_bytes/1e6/$tv))") MB/s"
  echo "  ratio: tillit is $(python3 -c "print('%.1f' % ($tv/$te))")× VADER's throughput per core"
else
  echo
  echo "VADER not installed: pip install vaderSentiment (then make bench prints the ratio); tillit on the English sample: $te s"
fi
