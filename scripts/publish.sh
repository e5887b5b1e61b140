#!/usr/bin/env bash
# Builds the deployment package of the isolated-worker Functions app: framework-dependent (Flex Consumption's
# dotnet-isolated stack brings the .NET runtime), ReadyToRun for linux-x64, with host.json, worker.config.json,
# functions.metadata (every function the Functions host indexes) and .azurefunctions/ (the host-side extensions),
# zipped. Usage: bash scripts/publish.sh [output folder]
# READY_TO_RUN=false leaves out the ReadyToRun precompilation (the package test does: the files, host.json and
# functions.metadata are the same, and precompiling costs about 100 s of CPU, measured, in a test command on two cores).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts/functionapp}"
rm -rf "$out" "$out.zip"
# Its own bin/obj tree (--artifacts-path): a publish never rewrites the build outputs that tests running beside it use.
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
dotnet publish src/Functions --configuration Release --runtime linux-x64 --self-contained false --artifacts-path "$build" \
  -p:PublishReadyToRun="${READY_TO_RUN:-true}" -p:DebugType=none --disable-build-servers --nologo --verbosity quiet --output "$out"
(cd "$out" && zip -q -r -X "../$(basename "$out").zip" .)
echo "package: $out.zip ($(du -h "$out.zip" | cut -f1)); folder: $out"
