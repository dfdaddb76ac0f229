#!/usr/bin/env bash
# Incident benchmarks (issue #5): incidents opened per second with distinct dedup keys, and
# trigger-to-first-notification-requested latency. Starts the built jar on a fresh H2 database.
# Usage: scripts/bench-incidents.sh [SECONDS] [THREADS] [LATENCY_RUNS]     (defaults 30 4 50)
# Needs: ./mvnw package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"; threads="${2:-4}"; runs="${3:-50}"
port=18183
extra_args=()
source scripts/bench/start-vigil.sh
echo "== H2, $(nproc) cores"
"$java" scripts/bench/IncidentLoad.java open "$base" "$token" 5 "$threads" >/dev/null   # warm-up
"$java" scripts/bench/IncidentLoad.java latency "$base" "$token" "$runs"
"$java" scripts/bench/IncidentLoad.java open "$base" "$token" "$seconds" "$threads"
