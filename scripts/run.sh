#!/usr/bin/env bash
# Starts the product locally. Today: the in-memory demo (one case of each programme through 12 simulated months),
# printed and served on http://127.0.0.1:${PORT:-7071}/demo.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PORT:-7071}"
dotnet build src/Functions --configuration Release --nologo --verbosity quiet
exec dotnet run --project src/Functions --configuration Release --no-build -- --urls "http://127.0.0.1:${port}"
