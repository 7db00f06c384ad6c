#!/usr/bin/env bash
# make conformance: every importer over the real dump samples in ../shared/samples (never copied into
# the repo). Per file: the format --format auto recognised (or the explicit one where auto cannot know),
# and what `tillit analyze` made of it: records read = analysed + skipped + rejected.
#   scripts/conformance.sh [BIN] [SHARED]
# Exits 0 when ../shared is absent (nothing to check) and when every file was read; 1 when tillit
# crashed or failed on a file it should read.
set -uo pipefail
bin=${1:-.build/release/tillit}
shared=${2:-../shared}
samples="$shared/samples"
if [ ! -d "$samples" ]; then
  echo "make conformance: $samples not found — the real dump samples live outside the repo (../shared); nothing to check."
  exit 0
fi
[ -x "$bin" ] || { echo "conformance: $bin not found; run make release first" >&2; exit 1; }
work=$(mktemp -d /tmp/tillit-conformance.XXXXXX)
trap 'rm -rf "$work"' EXIT

# Inputs auto cannot read alone: side files and their joins.
extra_args() {
  case "$1" in
    */yelp/*review*) local biz; biz=$(ls "$(dirname "$1")"/*business* 2>/dev/null | head -1)
                     [ -n "$biz" ] && echo "--format yelp --join businesses=$biz" ;;
  esac
}

printf "%-62s %-18s %6s %8s %7s %8s  %s\n" "file" "format" "read" "analysed" "skipped" "rejected" "notes"
failures=0; files=0
while IFS= read -r f; do
  rel=${f#"$samples"/}
  files=$((files + 1))
  args=$(extra_args "$f")
  # shellcheck disable=SC2086
  fmt_line=$("$bin" formats --bench "$f" --format auto 2>"$work/fmt.err")
  fmt=$(echo "$fmt_line" | sed -nE 's/^import ([a-z0-9-]+):.*/\1/p')
  [ -n "$args" ] && fmt="$(echo "$args" | sed -nE 's/.*--format ([a-z0-9-]+).*/\1/p') (explicit)"
  # shellcheck disable=SC2086
  "$bin" analyze "$f" ${args} -o "$work/out.jsonl" --rejects "$work/rejects.jsonl" >/dev/null 2>"$work/err"
  status=$?
  rec=$(grep -E "read [0-9]+ = analysed" "$work/err" | tail -1)
  if [ -n "$rec" ]; then
    read_n=$(echo "$rec" | sed -E 's/.*read ([0-9]+) =.*/\1/')
    analysed=$(echo "$rec" | sed -E 's/.*analysed ([0-9]+).*/\1/')
    skipped=$(echo "$rec" | sed -E 's/.*skipped ([0-9]+).*/\1/')
    rejected=$(echo "$rec" | sed -E 's/.*rejected ([0-9]+).*/\1/')
    notes=$(echo "$rec" | python3 -c 'import sys
line = sys.stdin.read().strip()
i = line.find("(skipped: ")
if i >= 0:
    rest = line[i + 10:]
    end = rest.rfind(")")
    print("skipped: " + rest[:end])' 2>/dev/null)
    if [ "$rejected" != "0" ] && [ -s "$work/rejects.jsonl" ]; then
      first=$(head -1 "$work/rejects.jsonl" | python3 -c 'import json,sys; r=json.loads(sys.stdin.read()); print("line %s: %s" % (r["line"], r["reason"][:90]))' 2>/dev/null)
      notes="${notes:+$notes; }first reject $first"
    fi
    [ "$status" -gt 2 ] && { failures=$((failures + 1)); notes="FAILED (exit $status) $notes"; }
  else
    read_n=-; analysed=-; skipped=-; rejected=-
    why=$(sed -E 's/^tillit: error: //' "$work/err" | head -1 | sed -E "s|$f: ||")
    case "$why" in
      *"format not recognised"*) notes="not a dump: ${why#format not recognised: }"; fmt=${fmt:--} ;;
      *) failures=$((failures + 1)); notes="FAILED (exit $status): $why" ;;
    esac
  fi
  printf "%-62s %-18s %6s %8s %7s %8s  %s\n" "$rel" "${fmt:--}" "$read_n" "$analysed" "$skipped" "$rejected" "${notes:0:200}"
  rm -f "$work/rejects.jsonl"
done < <(find "$samples" -mindepth 2 -type f ! -name 'README*' | sort)
echo "conformance: $files files, $failures failed"
[ "$failures" -eq 0 ]
