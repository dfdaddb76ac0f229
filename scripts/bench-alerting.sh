#!/usr/bin/env bash
# Alerting benchmarks (issue #4): one evaluation cycle of 10,000 rules over 10,000 series, and
# breach-to-FIRING latency of a 1-second rule. Starts the built jar on a fresh H2 database.
# Usage: scripts/bench-alerting.sh [RULES] [CYCLES] [LATENCY_RUNS]      (defaults 10000 10 60)
# Needs: ./mvnw package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
rules="${1:-10000}"; cycles="${2:-10}"; runs="${3:-60}"
port=18182
extra_args=()
source scripts/bench/start-vigil.sh
echo "== H2, $(nproc) cores"
"$java" scripts/bench/AlertingLoad.java latency "$base" "$token" "$runs"
"$java" scripts/bench/AlertingLoad.java cycle "$base" "$token" "$rules" "$cycles"
"$java" scripts/bench/AlertingLoad.java latency "$base" "$token" "$runs"   # again, with the 10,000 rules evaluating every 10 s
