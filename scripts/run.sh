#!/usr/bin/env bash
# Starts the product locally with everything it needs: Azurite (installed from npm, on loopback, fresh data),
# the app on http://127.0.0.1:${PORT:-7071} with a dev e-mail outbox, a development clock, and two demo cases.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${PORT:-7071}"
bash scripts/install-azurite.sh
dotnet build src/Functions --configuration Release --nologo --verbosity quiet

free_port() { local p; for p in "$@"; do (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done; echo "no free port among $*" >&2; return 1; }
blob=$(free_port 10000 20000 20010 20020); queue=$(free_port 10001 20001 20011 20021); table=$(free_port 10002 20002 20012 20022)
data=$(mktemp -d)
tools/azurite/node_modules/.bin/azurite --silent --disableTelemetry --skipApiVersionCheck --loose --location "$data" \
  --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" --tableHost 127.0.0.1 --tablePort "$table" > "$data/azurite.log" 2>&1 &
azurite=$!
app=""
# Stopped by Ctrl+C (the terminal's process group) or by a signal to this script alone: either way the app and Azurite
# go with it. The app runs as a job this script waits for, since bash runs no trap while a foreground child runs.
# The app is stopped first (about 2 s while its task hub can reach Azurite), then Azurite. Ctrl+C reaches Azurite too,
# and without it the app's stop would wait out the host's 30 s shutdown timeout: after 5 s it is killed, which the task
# hub is built to survive. Azurite stays in this process group, so a tool that kills the group leaves nothing behind.
stop() {
  if [ -n "$app" ]; then
    kill "$app" 2>/dev/null || true
    for _ in $(seq 1 10); do kill -0 "$app" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$app" 2>/dev/null || true
  fi
  kill $azurite 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$data"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
for _ in $(seq 1 60); do (exec 3<>"/dev/tcp/127.0.0.1/$table") 2>/dev/null && break; sleep 0.5; done

# Azurite's well-known development key (public, documented; never used outside the emulator).
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export ASPNETCORE_ENVIRONMENT=Development
export Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
export Links__BaseUrl="http://127.0.0.1:$port" Links__KeyId="local" Links__Key="$(head -c 32 /dev/urandom | base64)"
export Documents__Key="$(head -c 32 /dev/urandom | base64)"
export Dev__ManualClock=true Demo__Seed=true
# The built app itself, as its own host: `dotnet run` of a Functions worker project would look for the Core Tools.
dotnet src/Functions/bin/Release/net10.0/Reintegration.Functions.dll --urls "http://127.0.0.1:$port" &
app=$!
wait $app
