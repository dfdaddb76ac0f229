package dev.vigil.metrics.prometheus;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.vigil.base.FieldViolation;
import dev.vigil.base.InvalidRequestException;
import dev.vigil.metrics.Sample;
import dev.vigil.metrics.SampleSink;
import dev.vigil.metrics.prometheus.ExpositionParser.Exposition;
import dev.vigil.metrics.prometheus.ScrapeProperties.Target;

/**
 * Scrapes one target and stores what it exposes, labelled with its job and instance. Whatever happens
 * it also records {@code up}, {@code scrape_duration_seconds} and {@code scrape_samples_scraped} for
 * the target, as Prometheus does, so a dead target is a series at 0 that alert rules can see rather
 * than a silence.
 */
class Scraper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Scraper.class);
    /** Exporters that also speak protobuf or OpenMetrics answer in the one format the parser reads. */
    private static final String ACCEPT = "text/plain;version=0.0.4;q=1.0,*/*;q=0.1";
    /** How {@link SampleSink#ingest} points at a refused sample: {@code /samples/<index>/<field>}. */
    private static final Pattern SAMPLE_POINTER = Pattern.compile("/samples/(\\d{1,9})(?:/(.*))?");

    private final HttpClient http;
    private final SampleSink sink;
    private final Clock clock;
    private final long maxBodyBytes;
    /** The problem last logged per target: a target that stays down is logged once, not every scrape. */
    private final Map<String, String> problems = new ConcurrentHashMap<>();

    Scraper(HttpClient http, SampleSink sink, Clock clock) {
        this(http, sink, clock, LimitedBody.MAX_BYTES);
    }

    Scraper(HttpClient http, SampleSink sink, Clock clock, long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.http = http;
        this.sink = sink;
        this.clock = clock;
    }

    /** What one scrape came to. {@code problem} is null when everything the target exposed was stored. */
    record Outcome(boolean up, int exposed, int stored, String problem) {
    }

    /** Never throws for anything the target does; only a failing store can make it throw. */
    Outcome scrape(Target target) {
        Instant scrapeTime = clock.instant();
        long started = System.nanoTime();
        Exposition exposition = null;
        String problem = null;
        try {
            exposition = ExpositionParser.parse(fetch(target), scrapeTime);
        } catch (ScrapeFailure | ExpositionParseException e) {
            problem = e.getMessage();
        } catch (RuntimeException e) {
            problem = e.toString(); // whatever went wrong, the target still gets its up = 0
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, String> targetLabels = target.targetLabels();
        boolean up = exposition != null;
        int stored = 0;
        if (up) {
            List<Sample> samples = exposition.samples().stream()
                    .map(s -> new Sample(s.metric(), withTargetLabels(s.labels(), targetLabels), s.timestamp(), s.value()))
                    .toList();
            StoreResult result = store(samples);
            stored = result.stored();
            problem = result.problem();
        }
        int exposed = up ? exposition.exposed() : 0;
        report(target, up, problem);
        sink.ingest(List.of(
                new Sample("up", targetLabels, scrapeTime, up ? 1 : 0),
                new Sample("scrape_duration_seconds", targetLabels, scrapeTime, seconds),
                new Sample("scrape_samples_scraped", targetLabels, scrapeTime, exposed)));
        return new Outcome(up, exposed, stored, problem);
    }

    /** The whole scrape, connect to last byte, is bounded by the target's timeout. */
    private String fetch(Target target) {
        HttpRequest request = HttpRequest.newBuilder(target.url())
                .timeout(target.timeout())
                .header("Accept", ACCEPT)
                .header("X-Prometheus-Scrape-Timeout-Seconds", Double.toString(target.timeout().toMillis() / 1000.0))
                .GET()
                .build();
        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(request, LimitedBody.ofString(maxBodyBytes));
        try {
            HttpResponse<String> response = pending.get(target.timeout().toMillis(), MILLISECONDS);
            if (response.statusCode() < 200 || response.statusCode() > 299) {
                throw new ScrapeFailure("answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (TimeoutException e) {
            throw new ScrapeFailure(timedOut(target));
        } catch (ExecutionException e) {
            // The client's own request timeout may strike first; it is the same failure.
            throw new ScrapeFailure(e.getCause() instanceof HttpTimeoutException ? timedOut(target) : reason(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScrapeFailure("interrupted");
        } finally {
            pending.cancel(true); // frees the connection of a scrape that timed out
        }
    }

    private static String timedOut(Target target) {
        return "no complete answer within " + target.timeout().toMillis() + " ms";
    }

    private static String reason(Throwable failure) {
        if (failure instanceof LimitedBody.TooLarge || failure != null && failure.getCause() instanceof LimitedBody.TooLarge) {
            return "answered with a " + (failure instanceof LimitedBody.TooLarge ? failure : failure.getCause()).getMessage();
        }
        if (failure instanceof ConnectException) {
            return "cannot connect (" + (failure.getMessage() != null ? failure.getMessage() : "connection refused") + ")";
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() != null ? ": " + failure.getMessage() : "");
    }

    private record StoreResult(int stored, String problem) {
    }

    /**
     * The sink takes all or nothing, but one sample Vigil refuses (a name Prometheus allows and Vigil
     * does not, a timestamp far in the future) must not cost the target all its others: the refused
     * ones, named by the violation pointers, are left out and the rest is stored.
     */
    private StoreResult store(List<Sample> samples) {
        try {
            return new StoreResult(sink.ingest(samples), null);
        } catch (InvalidRequestException refusal) {
            return storeAllButRefused(samples, refusal);
        } catch (RuntimeException e) {
            return new StoreResult(0, "storing failed: " + e.getMessage());
        }
    }

    private StoreResult storeAllButRefused(List<Sample> samples, InvalidRequestException refusal) {
        Set<Integer> refused = new HashSet<>();
        String example = null;
        for (FieldViolation violation : refusal.violations()) {
            Matcher pointer = SAMPLE_POINTER.matcher(violation.pointer());
            int index = pointer.matches() ? Integer.parseInt(pointer.group(1)) : -1;
            if (index < 0 || index >= samples.size()) {
                return new StoreResult(0, "the store refused the samples: " + refusal.getMessage());
            }
            refused.add(index);
            if (example == null) {
                example = samples.get(index).metric() + ": "
                        + (pointer.group(2) != null ? pointer.group(2) + " " : "") + violation.reason();
            }
        }
        if (refused.isEmpty()) {
            return new StoreResult(0, "the store refused the samples: " + refusal.getMessage());
        }
        List<Sample> accepted = IntStream.range(0, samples.size()).filter(i -> !refused.contains(i))
                .mapToObj(samples::get).toList();
        String problem = "samples refused by the store and skipped, e.g. " + example;
        try {
            return new StoreResult(accepted.isEmpty() ? 0 : sink.ingest(accepted), problem);
        } catch (RuntimeException e) {
            return new StoreResult(0, "storing failed: " + e.getMessage());
        }
    }

    /**
     * Prometheus' rules ({@code honor_labels: false}): the target's labels win, a scraped label they
     * displace is kept as {@code exported_<name>}, and an empty value means the label is absent.
     */
    static Map<String, String> withTargetLabels(Map<String, String> scraped, Map<String, String> target) {
        Map<String, String> labels = new HashMap<>();
        scraped.forEach((name, value) -> {
            if (!value.isEmpty()) {
                labels.put(name, value);
            }
        });
        target.forEach((name, value) -> {
            String displaced = scraped.get(name);
            if (displaced != null && !displaced.isEmpty()) {
                String exported = "exported_" + name;
                while (labels.containsKey(exported)) {
                    exported = "exported_" + exported;
                }
                labels.put(exported, displaced);
            }
            labels.put(name, value);
        });
        return labels;
    }

    private void report(Target target, boolean up, String problem) {
        String previous = problem == null ? problems.remove(target.name()) : problems.put(target.name(), problem);
        if (problem != null && !problem.equals(previous)) {
            log.warn("Scrape of {} ({}) {}: {}", target.name(), target.url(),
                    up ? "was not stored in full" : "failed, up = 0", problem);
        } else if (problem == null && previous != null) {
            log.info("Scrape of {} ({}) is healthy again", target.name(), target.url());
        }
    }

    @Override
    public void close() {
        http.close();
    }

    /** Why a target could not be scraped; becomes the logged reason. */
    private static final class ScrapeFailure extends RuntimeException {

        ScrapeFailure(String reason) {
            super(reason, null, false, false);
        }
    }
}
