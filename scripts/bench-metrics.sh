#!/usr/bin/env bash
# Metrics benchmarks (issue #3): HTTP ingest throughput with batches of 1,000 and 10,000 samples, and
# the p95 over 30 days of 10-second data for one series. Starts the built jar on a fresh database.
# Usage: scripts/bench-metrics.sh h2
#        scripts/bench-metrics.sh postgres JDBC_URL USER PASSWORD   (an empty database)
# Needs: ./mvnw package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-h2}"
port=18181
extra_args=()
if [[ "$db" == postgres ]]; then
  extra_args+=(--spring.profiles.active=postgres --spring.datasource.url="$2" --spring.datasource.username="$3" --spring.datasource.password="$4")
fi
source scripts/bench/start-vigil.sh
load() { "$java" scripts/bench/MetricsLoad.java "$@"; }
echo "== $db, $(nproc) cores"
load ingest "$base" "$token" 1000 10 2 100 >/dev/null   # warm-up
load ingest "$base" "$token" 1000 30 2 100
load ingest "$base" "$token" 10000 30 2 100
load seed "$base" "$token" 30 10
echo "waiting for the rollup job to drain the backlog..."
started=$(date +%s)
until load query "$base" "$token" 30 1 | grep '"resolution":"1h"' | grep -q '"points":\[\['; do sleep 2; done
sleep 5
until [[ "$(load query "$base" "$token" 30 1 | tail -1)" == "$(sleep 3; load query "$base" "$token" 30 1 | tail -1)" ]]; do :; done
echo "rollups current after $(( $(date +%s) - started )) s"
load query "$base" "$token" 30 55
