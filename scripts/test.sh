#!/usr/bin/env bash
# Runs every test suite from a fresh clone: installs what the tests need (Azurite from npm, Chromium from Debian), then `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-azurite.sh
bash scripts/install-chromium.sh
dotnet test Reintegration.Serverless.sln --configuration Release "$@"
# The tests that hold for either engine, again with each case run as a Durable Task orchestration on Azurite.
TEST_ENGINE_MODE=Durable dotnet test tests/Functions.Tests --configuration Release --no-build --filter "Engine=Either"
