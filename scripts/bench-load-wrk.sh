#!/usr/bin/env bash
# Production load benchmark (issue #9) with wrk (Debian's `wrk` package) instead of the JVM driver: the
# same mix (scripts/bench/mixed.lua: 60 % metric ingest, 30 % incident list reads, 10 % PagerDuty
# triggers). wrk is written in C and takes a tenth of a core at 1,000 requests/s, where the JVM driver
# took most of one of the machine's two cores. By default each run holds a fixed rate (RATES, requests/s
# in all) on a schedule: a send that finds every connection busy goes as soon as one is free and is
# reported as late, so a stall is not hidden by sending less. wrk measures latency from the actual send.
# With DELAYS instead, each connection pauses that many ms after each answer (closed loop).
# Usage: scripts/bench-load-wrk.sh h2
#        scripts/bench-load-wrk.sh postgres JDBC_URL USER PASSWORD   (an empty database)
# Options (environment): RATES ("1000"; one run per value) or DELAYS, CONNECTIONS (40), RUN_SECONDS (60),
# MIX (tenths of ingest, list reads and events in the measured runs; "6,3,1"), VIGIL_ARGS, JAVA_OPTS.
# Needs: ./mvnw package -DskipTests, and wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-h2}"
port=18190
extra_args=()
if [[ "$db" == postgres ]]; then
  extra_args+=(--spring.profiles.active=postgres --spring.datasource.url="$2" --spring.datasource.username="$3" --spring.datasource.password="$4")
fi
# VIGIL_ARGS: further Vigil options for a diagnostic run (e.g. a Tomcat access log with timings).
extra_args+=(${VIGIL_ARGS:-})
source scripts/bench/start-vigil.sh
VIGIL_KEY="$(curl -sf -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name": "bench"}' "$base/api/v1/services" | sed -n 's/.*"integrationKey" *: *"\([^"]*\)".*/\1/p')"
export VIGIL_TOKEN="$token" VIGIL_KEY
server_cpu_ms() { awk '{print ($14 + $15) * 10}' "/proc/$pid/stat"; }
# CPU of the PostgreSQL server processes (the pool's backends live as long as Vigil), 0 on H2.
database_cpu_ms() {
  local p total=0
  for p in $(pgrep -x postgres || true); do
    total=$(( total + $(awk '{print ($14 + $15) * 10}' "/proc/$p/stat" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}
# Statements and ingest requests of the PostgreSQL group commit so far ("0 0" on H2), from Prometheus.
group_commits() {
  curl -sf -H "Authorization: Bearer $token" "$base/actuator/prometheus" | awk '
    /^vigil_ingest_group_requests_count/ {count = $2} /^vigil_ingest_group_requests_sum/ {sum = $2}
    END {printf "%d %d\n", count, sum}'
}
# Busy time of the whole machine (Vigil, the database, wrk): user + nice + system + irq + softirq.
machine_cpu_ms() { awk '/^cpu /{print ($2 + $3 + $4 + $7 + $8) * 10}' /proc/stat; }
echo "== $db, $(nproc) cores, wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}')"
# A cold JVM cannot take the full rate at once: warm up in steps. The JIT keeps compiling through the
# first full minute at 1,000/s (Vigil took 1.3 to 1.75 cores in it, 0.8 in the next), so that minute is
# part of the warm-up too.
for warm in 200:15 500:15 800:15 1000:60; do
  RATE=${warm%:*} wrk -t2 -c40 -d"${warm#*:}s" -s scripts/bench/mixed.lua "$base" \
    | sed -n "s/^Requests\/sec:/warm-up at ${warm%:*}\/s for ${warm#*:} s: requests\/s/p"
done
if [[ -n "${DELAYS:-}" ]]; then
  paces=(${DELAYS}) pace_variable=DELAY_MS
else
  paces=(${RATES:-1000}) pace_variable=RATE
fi
for pace in "${paces[@]}"; do
  before=$(server_cpu_ms) machine_before=$(machine_cpu_ms) database_before=$(database_cpu_ms)
  read -r groups_before grouped_before < <(group_commits)
  echo "-- ${CONNECTIONS:-40} connections, $pace_variable=$pace, ${RUN_SECONDS:-60} s"
  env "$pace_variable=$pace" MIX="${MIX:-6,3,1}" wrk -t2 -c"${CONNECTIONS:-40}" -d"${RUN_SECONDS:-60}s" --latency -s scripts/bench/mixed.lua "$base" \
    | grep -E "Latency  |50%|90%|99%|requests in|Requests/sec|Non-2xx|Socket errors|Answers other|Scheduled"
  echo "CPU: Vigil $(( $(server_cpu_ms) - before )) ms, PostgreSQL $(( $(database_cpu_ms) - database_before )) ms," \
    "whole machine $(( $(machine_cpu_ms) - machine_before )) ms"
  read -r groups grouped < <(group_commits)
  if (( groups > groups_before )); then
    echo "Group commit: $(( grouped - grouped_before )) ingest requests in $(( groups - groups_before )) statements"
  fi
done
