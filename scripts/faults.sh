#!/usr/bin/env bash
# Fault-injection run (docs/RELIABILITY.md): drives [cases] cases over HTTP through a simulated year while SIGKILLing
# the app [kills] times and stopping/restarting Azurite [azurite restarts] times, then checks storage.
# Usage: bash scripts/faults.sh [cases=200] [kills=20] [azurite restarts=2] [seed=7]
#        AZURITE_SIGNAL=KILL bash scripts/faults.sh ...   (stop Azurite with SIGKILL instead of SIGINT; see the doc)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-azurite.sh
# Its own bin/obj tree: the run never rewrites build outputs that tests running beside it use.
build=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
dotnet build bench/FaultRun --configuration Release --artifacts-path "$build" --disable-build-servers --nologo --verbosity quiet
# The work folder (Azurite data, app.log, azurite.log) is kept when a check fails, for a look.
if REPO_ROOT="$PWD" FAULTS_WORK="$work" dotnet "$build/bin/FaultRun/release/Reintegration.FaultRun.dll" "${1:-200}" "${2:-20}" "${3:-2}" "${4:-7}"; then
  rm -rf "$work"
else
  echo "kept for inspection: $work"
  exit 1
fi
