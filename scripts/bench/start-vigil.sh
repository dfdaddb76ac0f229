# Sourced by the scripts/bench-*.sh benchmarks: starts the built jar on a fresh data directory with
# a bootstrap API token, stops it on exit, and waits until it is ready.
# Needs: port (and optionally extra_args, JAVA_OPTS) set by the caller. Sets: java, token, base.
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar="$(ls target/vigil-*.jar | grep -v original | head -1)"
token="bench-token-$(date +%s)"
data="$(mktemp -d)"
"$java" ${JAVA_OPTS:-} -jar "$jar" --server.port="$port" --vigil.data-dir="$data" --vigil.demo.enabled=false \
  --vigil.security.bootstrap-api-token="$token" "${extra_args[@]}" >"$data/vigil.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null; do
  kill -0 $pid 2>/dev/null || { echo "Vigil did not start:" >&2; tail -20 "$data/vigil.log" >&2; exit 1; }
  sleep 0.5
done
base="http://localhost:$port"
