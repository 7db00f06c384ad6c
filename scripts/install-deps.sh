#!/usr/bin/env bash
# Installs the Debian packages Tillit builds and runs with (or, with TILLIT_WITH_BROWSER=1, also what
# `make e2e` renders with). Idempotent: installs only what is missing. As root it runs apt-get itself;
# otherwise it prints the exact command and exits non-zero.
set -euo pipefail
PKGS=(libicu-dev libxml2-dev zlib1g-dev libzstd-dev libbz2-dev liblzma-dev libsqlite3-dev libstemmer-dev pkg-config)
what="Tillit"
if [ "${TILLIT_WITH_BROWSER:-0}" = 1 ]; then PKGS=(chromium fonts-dejavu-core fonts-noto-color-emoji); what="make e2e"; fi
missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then missing+=("$p"); fi
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "tillit: $what needs Debian packages. Run as root:" >&2
  echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "tillit: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null || apt-get update
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
