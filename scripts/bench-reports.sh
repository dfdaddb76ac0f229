#!/usr/bin/env bash
# Reports benchmark (issue #8): a monthly report over 30 days of 100 series at 10-second resolution
# (10 services × the 10 API series of the demo service). Starts the built jar on a fresh H2 database,
# pushes the data, waits until the rollups are current, then times the report (overall and one
# service) as JSON, PDF and CSV.
# Usage: scripts/bench-reports.sh [RUNS]          (default 10)
# Needs: ./mvnw package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
port=18188
# The whole month before the current one; the 30 seeded days end with it.
month_start="$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%Y-%m-%d)"
next_month="$(date -u +%Y-%m-01)"
first_day="$(date -u -d "$next_month -30 days" +%Y-%m-%d)"
extra_args=(--vigil.reporting.schedule-enabled=false)
source scripts/bench/start-vigil.sh
load() { "$java" scripts/bench/ReportLoad.java "$@"; }
echo "== H2, $(nproc) cores; month $month_start, data $first_day + 30 days"
load seed "$base" "$token" "$first_day" 30 10 2
load wait "$base" "$token" "$first_day" 30 svc-09
load report "$base" "$token" "/api/v1/reports/monthly?date=$month_start" "$runs"
load report "$base" "$token" "/api/v1/reports/monthly?date=$month_start&service=svc-03" "$runs"
# The month after: its previous period is the seeded one, so this times the trend's half of the work.
load report "$base" "$token" "/api/v1/reports/monthly?date=$next_month" "$runs"
load report "$base" "$token" "/api/v1/reports/monthly.pdf?date=$month_start" "$runs"
load report "$base" "$token" "/api/v1/reports/monthly.csv?date=$month_start" "$runs"
