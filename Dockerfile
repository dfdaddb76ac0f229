# Runtime image for docker-compose.yml. Build the jar first: ./mvnw package -DskipTests
# The jar is extracted and a JDK 25 AOT cache is recorded in a training run at build time, in the
# same image and paths as at run time (the cache is only used by the JVM and class path it was made
# with); Vigil then starts to healthy in about half the time (docs/benchmarks.md).
FROM eclipse-temurin:25-jre
RUN useradd --system --home /var/lib/vigil vigil && mkdir -p /var/lib/vigil /opt/vigil && chown vigil /var/lib/vigil
WORKDIR /opt/vigil
COPY target/vigil-*.jar /tmp/vigil.jar
RUN java -Djarmode=tools -jar /tmp/vigil.jar extract --destination app \
 && mv app/vigil-*.jar app/vigil.jar && rm /tmp/vigil.jar \
 && java -XX:AOTCacheOutput=vigil.aot -Dspring.context.exit=onRefresh -jar app/vigil.jar \
        --server.port=0 --vigil.data-dir=/tmp/training --vigil.demo.enabled=false \
 && rm -rf /tmp/training
USER vigil
WORKDIR /var/lib/vigil
ENV VIGIL_DATA_DIR=/var/lib/vigil
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s CMD curl -sf http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:AOTCache=/opt/vigil/vigil.aot", "-jar", "/opt/vigil/app/vigil.jar"]
