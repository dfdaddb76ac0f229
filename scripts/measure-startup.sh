#!/usr/bin/env bash
# Measures Vigil's time from process start to healthy (readiness UP) and its idle RSS, on a fresh
# database (first start: Flyway and Flowable create every table) and on a restart of the same database.
# Usage: scripts/measure-startup.sh [jar|aot] [runs]
#   jar: java -jar target/vigil-*.jar (needs ./mvnw package -DskipTests)
#   aot: the extracted jar with its JDK 25 AOT cache (needs scripts/build-aot-cache.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-jar}"
runs="${2:-3}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar="$(ls target/vigil-*.jar | grep -v original | head -1)"
case "$mode" in
  jar) command=("$java" -jar "$jar") ;;
  aot) command=("$java" -XX:AOTCache=target/aot/vigil.aot -jar "target/aot/app/$(basename "$jar")") ;;
  *) echo "mode is jar or aot" >&2; exit 2 ;;
esac
port=18080

start_once() { # data-dir label
  local start pid healthy rss
  start=$(date +%s%N)
  "${command[@]}" --server.port=$port --vigil.data-dir="$1" --vigil.demo.enabled=true >>"$1/vigil.log" 2>&1 &
  pid=$!
  until curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null; do
    kill -0 $pid 2>/dev/null || { echo "Vigil exited; see $1/vigil.log" >&2; exit 1; }
    sleep 0.1
  done
  healthy=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 20
  rss=$(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 ))
  echo "$mode $2: start to healthy ${healthy} ms, idle RSS after 20 s ${rss} MiB"
  kill $pid; wait $pid 2>/dev/null || true
}

for run in $(seq "$runs"); do
  data="$(mktemp -d)"
  start_once "$data" "run $run fresh database"
  start_once "$data" "run $run restart   "
  rm -rf "$data"
done
