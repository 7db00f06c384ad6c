#!/usr/bin/env bash
# Installs headless Chromium and a font for `make e2e` (Debian packages). Idempotent; as root it runs
# apt-get itself, otherwise it prints the exact command and exits non-zero.
set -euo pipefail
PKGS=(chromium fonts-dejavu-core fonts-noto-color-emoji)
missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then missing+=("$p"); fi
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "tillit: make e2e needs Debian packages. Run as root:" >&2
  echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "tillit: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null || apt-get update
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
