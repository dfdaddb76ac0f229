#!/usr/bin/env bash
# Metrics benchmarks (issue #3): HTTP ingest throughput with batches of 1,000 and 10,000 samples, and
# the p95 over 30 days of 10-second data for one series. Starts the built jar on a fresh database.
# Usage: scripts/bench-metrics.sh h2
#        scripts/bench-metrics.sh postgres JDBC_URL USER PASSWORD   (an empty database)
# Options (environment): BENCH_PREFILL_SECONDS=N first pushes batches of 10,000 into the same series for
# N s, at older times, and waits 30 s for the rollup job, so the runs meet a database that already holds
# millions of samples; BENCH_QUICK=1 runs only the ingest with batches of 1,000 (for quick iterations).
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
if [[ -n "${BENCH_PREFILL_SECONDS:-}" ]]; then
  # 156 h ago: older than every time line of the measured runs (144 h ago onwards), still inside raw retention.
  load ingest "$base" "$token" 10000 "$BENCH_PREFILL_SECONDS" 2 100 156 | sed 's/^/pre-fill: /'
  sleep 30   # the rollup job's backlog
fi
load ingest "$base" "$token" 1000 10 2 100 >/dev/null   # warm-up
load ingest "$base" "$token" 1000 30 2 100
[[ -n "${BENCH_QUICK:-}" ]] && exit 0
load ingest "$base" "$token" 10000 30 2 100
load seed "$base" "$token" 30 10
echo "waiting for the rollup job to drain the backlog..."
started=$(date +%s)
until load query "$base" "$token" 30 1 | grep '"resolution":"1h"' | grep -q '"points":\[\['; do sleep 2; done
sleep 5
until [[ "$(load query "$base" "$token" 30 1 | tail -1)" == "$(sleep 3; load query "$base" "$token" 30 1 | tail -1)" ]]; do :; done
echo "rollups current after $(( $(date +%s) - started )) s"
load query "$base" "$token" 30 55
