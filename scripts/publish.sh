#!/usr/bin/env bash
# Builds the deployment package: a self-contained linux-x64 ReadyToRun executable, host.json and one folder per
# function, zipped with the executable's run bit kept. Usage: bash scripts/publish.sh [output folder]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts/functionapp}"
rm -rf "$out" "$out.zip"
# Its own bin/obj tree (--artifacts-path): a publish never rewrites the build outputs that tests running beside it use.
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
dotnet publish src/Functions --configuration Release --runtime linux-x64 --self-contained true --artifacts-path "$build" \
  -p:PublishReadyToRun=true -p:DebugType=none --disable-build-servers --nologo --verbosity quiet --output "$out"
cp host.json "$out/"
cp -r functions/* "$out/"
chmod +x "$out/Reintegration.Functions"
(cd "$out" && zip -q -r -X "../$(basename "$out").zip" .)
echo "package: $out.zip ($(du -h "$out.zip" | cut -f1)); folder: $out"
