#!/usr/bin/env bash
# make fuzz: seeded random-mutation fuzzing of every importer for a bounded time. A crash keeps the
# input that caused it as Tests/Fixtures/fuzz/crash-<format>-<hash>.bin (a regression test replays
# every file there through every format).
set -uo pipefail
seconds=${FUZZ_SECONDS:-120}
seed=${FUZZ_SEED:-$(date +%s)}
out=${FUZZ_DIR:-out/fuzz}
mkdir -p "$out" Tests/Fixtures/fuzz
swift build -c release --product tillit-fuzz >/dev/null || exit 1
seeds="$out/seeds"; mkdir -p "$seeds"
cp Tests/Fixtures/import/* Tests/Fixtures/fuzz/* "$seeds"/ 2>/dev/null
crashes=0
end=$(( $(date +%s) + seconds ))
while [ "$(date +%s)" -lt "$end" ]; do
  left=$(( end - $(date +%s) ))
  .build/release/tillit-fuzz "$seeds" "$out" --seconds "$left" --seed "$seed"
  status=$?
  if [ $status -ne 0 ] && [ -f "$out/current.bin" ]; then
    fmt=$(cat "$out/current.format" 2>/dev/null || echo unknown)
    h=$(sha1sum "$out/current.bin" | cut -c1-12)
    cp "$out/current.bin" "Tests/Fixtures/fuzz/crash-$fmt-$h.bin"
    echo "fuzz: CRASH (exit $status) on format $fmt — saved Tests/Fixtures/fuzz/crash-$fmt-$h.bin"
    crashes=$((crashes + 1))
  fi
  seed=$((seed + 1))
  [ $status -eq 0 ] && break
done
echo "fuzz: done, $crashes crash(es)"
[ $crashes -eq 0 ]
