#!/usr/bin/env bash
# make bench: NDJSON import throughput (no analysis) of a release build, on a generated ~200 MB file.
#   scripts/bench-import.sh [BIN] [SIZE_MB]
# Prints MB/s per run (one core: the importer is single-threaded) and the best of three.
set -euo pipefail
bin=${1:-.build/release/tillit}
size_mb=${2:-200}
dir=${BENCH_DIR:-/tmp/tillit-bench}
file="$dir/posts-${size_mb}MB.ndjson"
[ -x "$bin" ] || { echo "bench-import: $bin not found; build it with: swift build -c release" >&2; exit 1; }
mkdir -p "$dir"
if [ ! -s "$file" ]; then
  python3 - "$file" "$size_mb" <<'PY'
import json, random, sys
path, size = sys.argv[1], int(sys.argv[2]) * 1_000_000
rng = random.Random(20261120)
words = ("jag gillar inte att appen vet vad jag köpt personliga erbjudanden är bra men integritet spelar roll "
         "ICA Coop Lidl Willys Matas Elgiganten data samtycke kundklubb reklam spårning cookies privacy love hate "
         "great creepy offers tracking app medlemskap rabatt kvitto personnummer mejl nyhetsbrev dansk svensk "
         "\"citat\" \\ back\\slash tab\t ny\nrad 😀 🛒 æøå ÆØÅ").split(" ")
subs = ["sweden", "Denmark", "privacy", "ICA", "Coop", "europe"]
lines, total, n = [], 0, 0
with open(path, "w", encoding="utf-8") as f:
    while total < size:
        text = " ".join(rng.choice(words) for _ in range(rng.randint(8, 60)))
        rec = {"id": f"k{n:09d}", "author": f"user{rng.randint(1, 50000)}", "created_utc": 1790000000 + n,
               "subreddit": rng.choice(subs), "score": rng.randint(-5, 500), "body": text, "lang": rng.choice(["sv", "da", "en"]),
               "permalink": f"/r/x/comments/{n:x}/", "edited": False, "gilded": 0, "controversiality": 0,
               "author_flair_text": None, "distinguished": None, "stickied": False, "retrieved_on": 1790100000}
        s = json.dumps(rec, ensure_ascii=(n % 4 == 0)) + "\n"
        f.write(s); total += len(s.encode()); n += 1
print(f"bench-import: generated {path} ({total} bytes, {n} records)")
PY
fi
runs=${BENCH_RUNS:-5}
best_cpu=0; best_wall=0
for run in $(seq 1 "$runs"); do
  line=$("$bin" formats --bench "$file" --format ndjson)
  echo "run $run: $line"
  wall=$(echo "$line" | sed -E 's/.* s = ([0-9.]+) MB\/s; cpu.*/\1/')
  cpu=$(echo "$line" | sed -E 's/.* = ([0-9.]+) MB\/s per core.*/\1/')
  best_wall=$(python3 -c "print(max($best_wall, $wall))")
  best_cpu=$(python3 -c "print(max($best_cpu, $cpu))")
done
echo "NDJSON import throughput, best of $runs: $best_cpu MB/s per core (CPU time), $best_wall MB/s wall clock  [target >= 300 MB/s per core]"
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
