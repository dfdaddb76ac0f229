#!/usr/bin/env bash
# Notification benchmarks (issue #6): SMS per second through the outbox to an SNS stand-in, breach of a
# 1-second rule to the SMS arriving at SNS, and 10,000 simultaneous breaches. Each part runs on a fresh H2
# database with SNS pointed at the stand-in inside the load driver (scripts/bench/NotifyLoad.java).
# Usage: scripts/bench-notifications.sh [LATENCY_RUNS] [STORM_SERIES]      (defaults 40 10000)
# Needs: ./mvnw package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-40}"; storm="${2:-10000}"
standin=18290
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench
for part in fanout latency storm; do
  (
    port=18183
    extra_args=(--vigil.notification.sns.enabled=true --vigil.notification.sns.endpoint=http://127.0.0.1:$standin)
    source scripts/bench/start-vigil.sh
    echo "== $part, H2, $(nproc) cores"
    case $part in
      fanout) "$java" scripts/bench/NotifyLoad.java "$base" "$token" $standin fanout 500 ;;
      latency) "$java" scripts/bench/NotifyLoad.java "$base" "$token" $standin latency "$runs" ;;
      storm) "$java" scripts/bench/NotifyLoad.java "$base" "$token" $standin storm "$storm" ;;
    esac
  )
done
