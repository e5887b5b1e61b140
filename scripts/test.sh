#!/usr/bin/env bash
# Runs every test suite from a fresh clone: installs what the tests need (Azurite from npm, Chromium from Debian), then `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-azurite.sh
bash scripts/install-chromium.sh
dotnet test Reintegration.Serverless.sln --configuration Release "$@"
