#!/usr/bin/env bash
# Builds sources and tests and fails on any compiler warning in the project's own files.
set -euo pipefail
mkdir -p .build
swift build --build-tests 2>&1 | tee .build/build.log
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] || exit "$status"
if grep -E "^$(pwd)/(Sources|Tests)/.*: warning:|^warning: '" .build/build.log | grep -v "^warning: 'main': .*dependencies" ; then
  echo "tillit: the build has warnings (above); CI requires a warning-free build" >&2
  exit 1
fi
