#!/usr/bin/env bash
# Alerting benchmarks (issue #4): one evaluation cycle of 10,000 rules over 10,000 series, and
# breach-to-FIRING latency of a 1-second rule. Starts the built jar on a fresh H2 database.
# Usage: scripts/bench-alerting.sh [RULES] [CYCLES] [LATENCY_RUNS]      (defaults 10000 10 60)
# Needs: ./mvnw package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
rules="${1:-10000}"; cycles="${2:-10}"; runs="${3:-60}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar="$(ls target/vigil-*.jar | grep -v original | head -1)"
port=18182
token="bench-token-$(date +%s)"
data="$(mktemp -d)"
"$java" -jar "$jar" --server.port=$port --vigil.data-dir="$data" --vigil.demo.enabled=false \
  --vigil.security.bootstrap-api-token="$token" >"$data/vigil.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null; do sleep 0.5; done
base="http://localhost:$port"
echo "== H2, $(nproc) cores"
"$java" scripts/bench/AlertingLoad.java latency "$base" "$token" "$runs"
"$java" scripts/bench/AlertingLoad.java cycle "$base" "$token" "$rules" "$cycles"
"$java" scripts/bench/AlertingLoad.java latency "$base" "$token" "$runs"   # again, with the 10,000 rules evaluating every 10 s
