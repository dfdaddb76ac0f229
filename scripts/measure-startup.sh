#!/usr/bin/env bash
# Measures Vigil's time from process start to healthy (readiness UP) and its idle RSS.
# Usage: scripts/measure-startup.sh [runs]   (needs a built jar: ./mvnw package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
jar="$(ls target/vigil-*.jar | grep -v original | head -1)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
port=18080

for run in $(seq "$runs"); do
  data="$(mktemp -d)"
  start=$(date +%s%N)
  "$java" -jar "$jar" --server.port=$port --vigil.data-dir="$data" --vigil.demo.enabled=true >"$data/vigil.log" 2>&1 &
  pid=$!
  until curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null; do
    kill -0 $pid 2>/dev/null || { echo "Vigil exited; see $data/vigil.log" >&2; exit 1; }
    sleep 0.1
  done
  healthy=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 20
  rss=$(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 ))
  echo "run $run: start to healthy ${healthy} ms, idle RSS after 20 s ${rss} MiB"
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$data"
done
