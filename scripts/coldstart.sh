#!/usr/bin/env bash
# Cold start: process start to first answered request, for the published app started as its own ASP.NET Core host (the
# Functions host, which would start it as an isolated worker, cannot run here) and for a bare ASP.NET Core app
# published the same way (framework-dependent linux-x64 ReadyToRun). Prints the median of N runs.
# Usage: bash scripts/coldstart.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bash scripts/publish.sh "$work/app" > /dev/null
(cd "$work" && dotnet new web --name bare --output bare --force > /dev/null \
  && dotnet publish bare --configuration Release --runtime linux-x64 --self-contained false -p:PublishReadyToRun=true \
     -p:DebugType=none --disable-build-servers --nologo --verbosity quiet --output bare-out)

key() { head -c 32 /dev/urandom | base64; }
export ASPNETCORE_ENVIRONMENT=Production Storage__Mode=InMemory Links__BaseUrl=https://example.invalid/api Links__KeyId=k1 \
  Links__Key="$(key)" Documents__Key="$(key)" Email__Delivery=SendGrid Email__SendGrid__ApiKey=unused \
  Email__SendGrid__FromAddress=noreply@example.invalid Email__Recipients__Counsellor=c@example.invalid \
  Email__Recipients__Agency=a@example.invalid Email__Recipients__ProgrammeOfficer=p@example.invalid \
  Auth__ApiKeys__0__Name=ops Auth__ApiKeys__0__Key="$(key)" Auth__ApiKeys__0__Role=ProgrammeOfficer
for partner in ug_reach_out so_partner iq_partner af_partner iq_eurp_partner sn_eurp_partner ng_eurp_partner tn_eurp_partner; do
  export "Email__Partners__${partner}=${partner}@example.invalid"
done

measure() { # command url -> milliseconds from spawn to the first answer
  local start end pid
  start=$(date +%s%N)
  "$@" > /dev/null 2>&1 & pid=$!
  until curl -s -o /dev/null "$url"; do sleep 0.005; done
  end=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

port=7301
ours=(); bare=()
for _ in $(seq 1 "$runs"); do
  url="http://127.0.0.1:$port/api/health"; ours+=("$(measure dotnet "$work/app/Reintegration.Functions.dll" --urls "http://127.0.0.1:$port")")
  url="http://127.0.0.1:$port/"; bare+=("$(measure dotnet "$work/bare-out/bare.dll" --urls "http://127.0.0.1:$port")")
done
echo "runs: $runs on $(nproc) cores"
echo "Reintegration.Functions (local host, production settings, in-memory storage)   : median $(printf '%s\n' "${ours[@]}" | median) ms  [${ours[*]}]"
echo "bare ASP.NET Core app, published the same way:                                 median $(printf '%s\n' "${bare[@]}" | median) ms  [${bare[*]}]"
