#!/usr/bin/env bash
# Installs the pinned Azurite (tools/azurite/package-lock.json) once; later runs reuse it.
set -euo pipefail
cd "$(dirname "$0")/../tools/azurite"
if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
