#!/usr/bin/env bash
# Proves the `tillit` process loads only Debian's ICU: full Foundation (which bundles ICU 76 as
# lib_FoundationICU) must not be linked, so no ICU symbol can bind across versions at run time.
set -euo pipefail
bin=${1:-.build/debug/tillit}
libs=$(ldd "$bin")
if echo "$libs" | grep -E "libFoundation\.so|lib_FoundationICU|libFoundationInternationalization"; then
  echo "tillit: $bin links full Foundation (a second ICU); keep it to FoundationEssentials" >&2
  exit 1
fi
echo "$libs" | grep -q "libicuuc.so" || { echo "tillit: $bin does not link Debian's libicuuc" >&2; exit 1; }
# The same with the dynamic linker's own record of bindings for a real run.
LD_DEBUG=bindings "$bin" explain "ok" --lang en >/dev/null 2>/tmp/tillit-bindings.$$ || true
if grep -E "_FoundationICU" /tmp/tillit-bindings.$$ >/dev/null; then
  echo "tillit: a symbol bound to Foundation's ICU at run time" >&2; rm -f /tmp/tillit-bindings.$$; exit 1
fi
rm -f /tmp/tillit-bindings.$$
echo "check-icu: $bin uses only $(echo "$libs" | grep -o 'libicuuc.so.[0-9]*' | head -1) (no Foundation ICU)"
