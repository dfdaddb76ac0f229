#!/usr/bin/env bash
# Builds a JDK 25 AOT cache (JEP 483/514) for the packaged jar: Vigil then starts to healthy in about
# half the time (docs/benchmarks.md). Output: target/aot/app/ (the extracted jar) and target/aot/vigil.aot.
# Run:   java -XX:AOTCache=target/aot/vigil.aot -jar target/aot/app/vigil-<version>.jar
# Needs a built jar (./mvnw package -DskipTests) and JDK 25+. Rebuild the cache after every new jar.
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar="$(ls target/vigil-*.jar | grep -v original | head -1)"
out=target/aot
rm -rf "$out" && mkdir -p "$out"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$out/app" >/dev/null
training_data="$(mktemp -d)"
# A training run: start the whole context on a scratch database and exit once it is refreshed.
"$java" -XX:AOTCacheOutput="$out/vigil.aot" -Dspring.context.exit=onRefresh \
  -jar "$out/app/$(basename "$jar")" --server.port=0 --vigil.data-dir="$training_data" >"$out/training.log" 2>&1
rm -rf "$training_data"
echo "AOT cache: $out/vigil.aot ($(du -h "$out/vigil.aot" | cut -f1)); start with:"
echo "  $java -XX:AOTCache=$out/vigil.aot -jar $out/app/$(basename "$jar")"
