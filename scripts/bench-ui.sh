#!/usr/bin/env bash
# UI benchmark (issue #7): dashboard and incident list first render in headless Chromium with
# 100,000 incidents and 1,000 series in the database (H2, the embedded default).
# Starts the built jar on a fresh data directory, lets Flyway create the schema, stops it and writes
# the historic incidents straight into the database file (opening 100,000 through the API would take
# half an hour), starts it again, pushes 100 services × 10 series with targets and 20 open incidents
# through the API, then measures.
# Usage: scripts/bench-ui.sh [RUNS] [INCIDENTS] [SERVICES]       (default 10 100000 100)
# Needs: ./mvnw package -DskipTests, Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"; incidents="${2:-100000}"; services="${3:-100}"
port=18191
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar="$(ls target/vigil-*.jar | grep -v original | head -1)"
token="bench-token-$(date +%s)"; password="bench-admin-password"
data="$(mktemp -d)"
./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$data/cp.txt" >/dev/null
cp="$(cat "$data/cp.txt")"
pid=""
start() {
  "$java" -jar "$jar" --server.port="$port" --vigil.data-dir="$data" --vigil.demo.enabled=false \
    --vigil.security.bootstrap-api-token="$token" --vigil.security.bootstrap-admin.password="$password" \
    >>"$data/vigil.log" 2>&1 &
  pid=$!
  until curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null; do sleep 0.5; done
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; }
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
bench() { "$java" -cp "$cp" scripts/bench/UiBench.java "$@"; }
base="http://localhost:$port"
echo "== H2, $(nproc) cores: $incidents incidents, $services × 10 series"
start; stop
bench incidents "jdbc:h2:file:$data/vigil" "$incidents"
start
bench series "$base" "$token" "$services"
bench open "$base" "$token" 20
bench measure "$base" admin "$password" "$runs" "${VIGIL_CHROMIUM:-/usr/bin/chromium}"
