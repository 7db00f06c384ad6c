#!/usr/bin/env bash
# Installs headless Chromium and fonts for `make e2e`: the same installer as the build dependencies.
exec env TILLIT_WITH_BROWSER=1 "$(dirname "$0")/install-deps.sh"
