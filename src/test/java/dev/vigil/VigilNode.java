package dev.vigil;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One Vigil node in a JVM of its own, on a PostgreSQL database, sending SMS to an SNS stand-in: started as
 * an operator would start it ({@code java … VigilApplication --spring.profiles.active=postgres …}), asked
 * for readiness over HTTP, and killed with SIGKILL ({@link Process#destroyForcibly()} on Linux: no shutdown
 * hook runs, no lease or lock is given back). Its log and data directory are {@code <logs>/node-<name>.log}
 * and {@code <logs>/node-<name>/}.
 */
final class VigilNode implements AutoCloseable {

    /** Where the nodes keep their data: a database and the account that owns it. */
    record Database(String url, String user, String password) {

        /** A fresh database on the server of {@code VIGIL_TEST_POSTGRES_URL} ({@code _USER}, {@code _PASSWORD}). */
        static Database freshFromEnvironment() {
            String user = System.getenv().getOrDefault("VIGIL_TEST_POSTGRES_USER", "postgres");
            String password = System.getenv().getOrDefault("VIGIL_TEST_POSTGRES_PASSWORD", "postgres");
            return new Database(PostgresTestDatabase.create(System.getenv("VIGIL_TEST_POSTGRES_URL"), user, password),
                    user, password);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private VigilNode(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts node {@code name} (also its Flowable lock owner, {@code vigil-node-<name>}, so the job tables say
     * which node holds what) and returns without waiting for it; {@code extraArguments} are added to the
     * command line ({@code --vigil.notification.lease=PT20S}).
     */
    static VigilNode launch(String name, Path logs, Database database, URI snsEndpoint, String... extraArguments)
            throws IOException {
        int port = freePort();
        Path dataDir = logs.resolve("node-" + name).toAbsolutePath();
        Files.createDirectories(dataDir);
        Path log = logs.resolve("node-" + name + ".log");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Surefire may hand the test JVM a manifest-only jar; the real class path is in this property.
        // It may end in an empty entry, which a child JVM reads as its working directory: the repository's
        // processes/ folder would then be deployed a second time next to target/classes/processes/.
        String classPath = Stream.of(System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", classPath, VigilApplication.class.getName(),
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--server.port=" + port,
                "--vigil.public-url=http://localhost:" + port,
                "--vigil.data-dir=" + dataDir,
                "--vigil.demo.enabled=false",
                "--vigil.security.bootstrap-admin.password=" + TestAccounts.ADMIN_PASSWORD,
                "--vigil.security.bootstrap-api-token=" + TestAccounts.API_TOKEN,
                "--vigil.notification.sns.enabled=true",
                "--vigil.notification.sns.endpoint=" + snsEndpoint,
                "--flowable.process.async.executor.lock-owner=" + lockOwner(name)));
        command.addAll(List.of(extraArguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDVIGILMULTINODE");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "vigil-multinode-secret");
        builder.environment().put("AWS_REGION", "us-east-1");
        return new VigilNode(name, builder.start(), port, log);
    }

    /** The Flowable async executor's lock owner of node {@code name}. */
    static String lockOwner(String name) {
        return "vigil-node-" + name;
    }

    String name() {
        return name;
    }

    String lockOwner() {
        return lockOwner(name);
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    Process process() {
        return process;
    }

    ApiClient api() {
        return new ApiClient(port);
    }

    /** Waits until the node answers its readiness probe; fails at once if it exits instead. */
    VigilNode awaitReady(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(this::ready);
        return this;
    }

    /** Whether the readiness probe answers 200 now; throws if the JVM has exited. */
    boolean ready() {
        if (!process.isAlive()) {
            throw new AssertionError("node " + name + " exited with " + process.exitValue() + "; see " + log);
        }
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL, then waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("node " + name + " still alive 10 s after SIGKILL");
        }
        if (ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            throw new AssertionError("node " + name + " (pid " + process.pid() + ") still listed as alive");
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
