#!/usr/bin/env bash
# Measures the case orchestration against a fresh Azurite.
# Usage: bash scripts/bench.sh [durable] [cases] [commands/s] [seconds] [longest poll ms]  (commands through the orchestration)
#        bash scripts/bench.sh intake [senders] [intakes per sender]   (intake webhook latency over HTTP)
#        bash scripts/bench.sh durable-cost [cases] [idle seconds]  (storage transactions: idle app, full case, sleeping case)
#        bash scripts/bench.sh durable-year [cases] [intakes a day] [cases stepped at a time]  (full cases through a simulated year: memory each month)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-azurite.sh
port=$((20000 + RANDOM % 20000))
# In memory only: with a workspace on disk LokiJS writes the whole database out now and then; a benchmark needs
# nothing kept.
NODE_OPTIONS="--max-old-space-size=12288" tools/azurite/node_modules/.bin/azurite --silent --disableTelemetry --skipApiVersionCheck --loose --inMemoryPersistence \
  --blobHost 127.0.0.1 --blobPort $port --queueHost 127.0.0.1 --queuePort $((port + 1)) --tableHost 127.0.0.1 --tablePort $((port + 2)) &
azurite=$!
trap 'kill $azurite 2>/dev/null; wait $azurite 2>/dev/null' EXIT
for _ in $(seq 1 60); do (exec 3<>/dev/tcp/127.0.0.1/$((port + 2))) 2>/dev/null && break; sleep 0.5; done
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
conn="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$((port + 1))/devstoreaccount1;TableEndpoint=http://127.0.0.1:$((port + 2))/devstoreaccount1;"
if [ "${1:-}" = durable-cost ]; then
  dotnet run --project bench/Bench --configuration "${BENCH_CONFIGURATION:-Release}" -- durable-cost "$conn" "${2:-20}" "${3:-60}"
elif [ "${1:-}" = durable-year ]; then
  dotnet run --project bench/Bench --configuration "${BENCH_CONFIGURATION:-Release}" -- durable-year "$conn" "${2:-1000}" "${3:-100}" "${4:-16}"
elif [ "${1:-}" = intake ]; then
  dotnet run --project bench/Bench --configuration "${BENCH_CONFIGURATION:-Release}" -- intake "$conn" "${2:-20}" "${3:-50}"
else
  [ "${1:-}" = durable ] && shift
  dotnet run --project bench/Bench --configuration "${BENCH_CONFIGURATION:-Release}" -- durable "$conn" "${1:-200}" "${2:-10}" "${3:-30}" "${4:-1000}"
fi
