#!/usr/bin/env bash
# Incident benchmarks (issue #5): incidents opened per second with distinct dedup keys, and
# trigger-to-first-notification-requested latency. Starts the built jar on a fresh H2 database.
# Usage: scripts/bench-incidents.sh [SECONDS] [THREADS] [LATENCY_RUNS]     (defaults 30 4 50)
# Needs: ./mvnw package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"; threads="${2:-4}"; runs="${3:-50}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar="$(ls target/vigil-*.jar | grep -v original | head -1)"
port=18183
token="bench-token-$(date +%s)"
data="$(mktemp -d)"
"$java" -jar "$jar" --server.port=$port --vigil.data-dir="$data" --vigil.demo.enabled=false \
  --vigil.security.bootstrap-api-token="$token" >"$data/vigil.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null; do sleep 0.5; done
base="http://localhost:$port"
echo "== H2, $(nproc) cores"
"$java" scripts/bench/IncidentLoad.java open "$base" "$token" 5 "$threads" >/dev/null   # warm-up
"$java" scripts/bench/IncidentLoad.java latency "$base" "$token" "$runs"
"$java" scripts/bench/IncidentLoad.java open "$base" "$token" "$seconds" "$threads"
