package dev.vigil;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

/**
 * A monitoring system sending PagerDuty triggers, one new dedup key every {@code every}, for {@code openFor},
 * to whichever node answers: a trigger that gets no 202 (the node died mid-request, or none is up) is sent
 * again with the same dedup key, as Prometheus' Alertmanager or any PagerDuty client would, until one node
 * takes it. So every key must end as exactly one incident however the crashes fall.
 */
final class CrashWorkload {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String integrationKey;
    private final List<IntSupplier> ports;
    private final Duration every;
    private final Duration openFor;
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger resent = new AtomicInteger();
    private final AtomicReference<Aim> aim = new AtomicReference<>();
    private volatile Thread thread;

    /** A request about to go to node {@code slot}, for a kill aimed at incident creation. */
    private record Aim(int slot, CompletableFuture<Void> sent) {
    }

    /** {@code ports} give the current port of each node slot (a restarted node has a new one). */
    CrashWorkload(String integrationKey, List<IntSupplier> ports, Duration every, Duration openFor) {
        this.integrationKey = integrationKey;
        this.ports = ports;
        this.every = every;
        this.openFor = openFor;
    }

    void start() {
        thread = Thread.ofPlatform().name("crash-workload").daemon().start(this::run);
    }

    boolean running() {
        return thread.isAlive();
    }

    void join(Duration atMost) throws InterruptedException {
        thread.join(atMost);
    }

    /** Dedup keys some node answered 202 for. */
    Set<String> accepted() {
        return Set.copyOf(accepted);
    }

    int resent() {
        return resent.get();
    }

    /** Completes when the next trigger has been handed to node {@code slot} (not yet answered). */
    CompletableFuture<Void> nextSendTo(int slot) {
        Aim next = new Aim(slot, new CompletableFuture<>());
        aim.set(next);
        return next.sent();
    }

    /** Stays with the node that answered last; on a failure tries the other, and pauses once both failed. */
    private void run() {
        long start = System.nanoTime();
        int slot = 0;
        for (int i = 0; System.nanoTime() - start < openFor.toNanos(); i++) {
            String key = "crash-%04d".formatted(i);
            for (int failures = 0; !send(slot, key); failures++) {
                resent.incrementAndGet();
                slot = (slot + 1) % ports.size();
                if (failures % ports.size() == ports.size() - 1) {
                    pause(Duration.ofMillis(100));
                }
            }
            accepted.add(key);
            // Pacing the load generator, not waiting for an outcome.
            long next = start + every.toNanos() * (i + 1);
            pause(Duration.ofNanos(Math.max(0, next - System.nanoTime())));
        }
    }

    private boolean send(int slot, String key) {
        String body = """
                {"routing_key": "%s", "event_action": "trigger", "dedup_key": "%s",
                 "payload": {"summary": "Crash test %s", "source": "crash-host", "severity": "critical"}}"""
                .formatted(integrationKey, key, key);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(slot).getAsInt()
                        + "/v2/enqueue"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(15))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            CompletableFuture<HttpResponse<Void>> response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            Aim armed = aim.get();
            if (armed != null && armed.slot() == slot && aim.compareAndSet(armed, null)) {
                armed.sent().complete(null);
            }
            return response.join().statusCode() == 202;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
