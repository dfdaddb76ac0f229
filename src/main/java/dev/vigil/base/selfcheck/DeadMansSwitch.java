package dev.vigil.base.selfcheck;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches {@code vigil.self-monitoring.heartbeat-url} (healthchecks.io, cronitor, an Alertmanager-style
 * watchdog receiver), which pages from outside when the fetches stop: the one alarm that still works when
 * every Vigil node is down or cannot page.
 */
class DeadMansSwitch {

    private static final Logger log = LoggerFactory.getLogger(DeadMansSwitch.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private volatile long pings;

    DeadMansSwitch(URI url) {
        this.url = url;
    }

    /** One ping; a failure is logged and not retried (the next ping comes in a minute). */
    void ping() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                log.warn("Heartbeat URL {} answered {}", url, response.statusCode());
            }
            pings++;
        } catch (java.io.IOException e) {
            log.warn("Heartbeat URL {} could not be reached: {}", url, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long pings() {
        return pings;
    }
}
