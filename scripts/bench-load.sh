#!/usr/bin/env bash
# Production load benchmark (issue #9): a mixed load of metric ingest (60 %), incident list reads (30 %)
# and PagerDuty events (10 %) at a constant arrival rate, latency measured from the planned send time
# (scripts/bench/MixedLoad.java). Runs RATE requests/s for SECONDS after a warm-up (10 s each at 100, 200, 300/s), then steps the
# rate up from STEP_FROM by STEP (STEP_SECONDS each) until p99 reaches 25 ms or a request fails.
# Usage: scripts/bench-load.sh h2
#        scripts/bench-load.sh postgres JDBC_URL USER PASSWORD   (an empty database)
# Options (environment): RATE (1000), RUN_SECONDS (60), STEP_FROM (600), STEP (200), STEP_TO (3000),
# STEP_SECONDS (20). Needs: ./mvnw package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-h2}"
port=18189
extra_args=()
if [[ "$db" == postgres ]]; then
  extra_args+=(--spring.profiles.active=postgres --spring.datasource.url="$2" --spring.datasource.username="$3" --spring.datasource.password="$4")
fi
source scripts/bench/start-vigil.sh
load() { "$java" scripts/bench/MixedLoad.java "$@"; }
echo "== $db, $(nproc) cores"
# A cold JVM (interpreted code, empty caches) cannot take 300/s at once and its backlog would spoil
# the measured runs: warm up in steps.
for warm in 100 200 300; do load run "$base" "$token" "$warm" 10 | sed 's/^/warm-up: /'; sleep 2; done
load run "$base" "$token" "${RATE:-1000}" "${RUN_SECONDS:-60}"
sleep 5
load step "$base" "$token" "${STEP_FROM:-600}" "${STEP:-200}" "${STEP_TO:-3000}" "${STEP_SECONDS:-20}"
