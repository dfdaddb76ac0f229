# Runtime image for docker-compose.yml. Build the jar first: ./mvnw package -DskipTests
FROM eclipse-temurin:25-jre
RUN useradd --system --home /var/lib/vigil vigil && mkdir -p /var/lib/vigil && chown vigil /var/lib/vigil
COPY target/vigil-*.jar /opt/vigil/vigil.jar
USER vigil
WORKDIR /var/lib/vigil
ENV VIGIL_DATA_DIR=/var/lib/vigil
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s CMD curl -sf http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/vigil/vigil.jar"]
