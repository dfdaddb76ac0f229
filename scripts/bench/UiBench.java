import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * The UI benchmark (issue #7), run by scripts/bench-ui.sh with the test classpath (H2 driver, Playwright):
 *
 *   java UiBench.java incidents JDBC_URL COUNT        historic incidents straight into the stopped database
 *   java UiBench.java series    BASE TOKEN SERVICES   SERVICES × 10 series (an hour per minute) and targets
 *   java UiBench.java open      BASE TOKEN COUNT      open incidents through the API (with their processes)
 *   java UiBench.java measure   BASE USER PASSWORD RUNS CHROMIUM
 *
 * measure: logs in through the form in headless Chromium, warms up, then RUNS times opens each page and
 * times until its content is on screen (the dashboard: KPI tiles and open incidents; the incident list:
 * its first row and its count), once as a page load (typing the address: Vaadin starts a new UI) and once
 * by a tap in the navigation menu (how a logged-in user moves between screens).
 */
public class UiBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String[] SEVERITIES = {"CRITICAL", "HIGH", "MEDIUM", "LOW"};

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "incidents" -> incidents(args[1], Integer.parseInt(args[2]));
            case "series" -> series(args[1], args[2], Integer.parseInt(args[3]));
            case "open" -> open(args[1], args[2], Integer.parseInt(args[3]));
            case "measure" -> measure(args[1], args[2], args[3], Integer.parseInt(args[4]), args[5]);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** A year of resolved and closed incidents across 100 services, as the incident module stores them. */
    static void incidents(String jdbcUrl, int count) throws Exception {
        long begun = System.nanoTime();
        Random random = new Random(7);
        long now = Instant.now().toEpochMilli();
        long year = Duration.ofDays(365).toMillis();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "vigil", "")) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("""
                    INSERT INTO incident (title, service, severity, status, dedup_key, open_key, source, alert_count,
                        escalation_policy, escalation_level, assignee, details, triggered_at, acknowledged_at,
                        resolved_at, closed_at)
                    VALUES (?, ?, ?, ?, ?, NULL, 'events-api', 1, NULL, 1, ?, '{}', ?, ?, ?, ?)""")) {
                for (int i = 0; i < count; i++) {
                    long triggered = now - year + (long) i * year / count;
                    long acked = triggered + 60_000 + random.nextInt(600_000);
                    long resolved = acked + 300_000 + random.nextInt(7_200_000);
                    boolean closed = i < count - 500;
                    String service = String.format(Locale.ROOT, "svc-%02d", random.nextInt(100));
                    insert.setString(1, "Seeded incident " + i + " on " + service);
                    insert.setString(2, service);
                    insert.setString(3, SEVERITIES[random.nextInt(SEVERITIES.length)]);
                    insert.setString(4, closed ? "CLOSED" : "RESOLVED");
                    insert.setString(5, "seed-" + i);
                    insert.setString(6, "responder-" + random.nextInt(20));
                    insert.setLong(7, triggered);
                    insert.setLong(8, acked);
                    insert.setLong(9, resolved);
                    if (closed) {
                        insert.setLong(10, resolved + 86_400_000);
                    } else {
                        insert.setNull(10, java.sql.Types.BIGINT);
                    }
                    insert.addBatch();
                    if (i % 5_000 == 4_999) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
                insert.executeBatch();
                db.commit();
            }
        }
        System.out.printf("seeded %,d incidents in %.1f s%n", count, (System.nanoTime() - begun) / 1e9);
    }

    /** SERVICES services × the demo service's 10 API series, one sample a minute for the last hour, and targets. */
    static void series(String base, String token, int services) throws Exception {
        Instant to = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Random random = new Random(11);
        int samples = 0;
        for (int s = 0; s < services; s++) {
            String service = String.format(Locale.ROOT, "svc-%02d", s);
            StringBuilder body = new StringBuilder("{\"samples\":[");
            for (int m = 60; m >= 0; m--) {
                String ts = to.minus(Duration.ofMinutes(m)).plusSeconds(5).toString();
                double avg = 80 + random.nextInt(60) + (s % 10 == 0 ? 150 : 0);
                double requests = 6000 + random.nextInt(1000);
                double errors5xx = s % 25 == 0 ? 120 : random.nextInt(4);
                body.append(sample("api.response_time_ms", service, "\"stat\":\"avg\"", ts, avg)).append(',')
                        .append(sample("api.response_time_ms", service, "\"stat\":\"p95\"", ts, avg * 1.9)).append(',')
                        .append(sample("api.response_time_ms", service, "\"stat\":\"p99\"", ts, avg * 2.6)).append(',')
                        .append(sample("api.response_time_ms", service, "\"stat\":\"max\"", ts, avg * 5.2)).append(',')
                        .append(sample("api.requests", service, null, ts, requests)).append(',')
                        .append(sample("api.requests_per_second", service, null, ts, requests / 60)).append(',')
                        .append(sample("api.errors", service, "\"class\":\"4xx\"", ts, 20)).append(',')
                        .append(sample("api.errors", service, "\"class\":\"5xx\"", ts, errors5xx)).append(',')
                        .append(sample("api.errors", service, "\"class\":\"timeout\"", ts, 1)).append(',')
                        .append(sample("api.availability_pct", service, null, ts,
                                100 * (requests - errors5xx - 1) / requests)).append(',');
                samples += 10;
            }
            body.setLength(body.length() - 1);
            body.append("]}");
            check(send(base, token, "POST", "/api/v1/metrics", body.toString()), 202);
            check(send(base, token, "PUT", "/api/v1/services/" + service + "/targets", """
                    {"responseTimeBudgetMs": 200, "p95TargetMs": 500, "availabilityTargetPct": 99,
                     "sloAvailabilityPct": 99.9, "errorRateTargetPct": 1, "throughputCapacityRps": 200, "goals": []}"""),
                    200);
        }
        System.out.printf("seeded %d services × 10 series = %d series, %,d samples, with targets%n", services,
                services * 10, samples);
    }

    static void open(String base, String token, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            check(send(base, token, "POST", "/api/v1/incidents", """
                    {"title": "Open incident %d", "service": "svc-%02d", "severity": "%s"}"""
                    .formatted(i, i % 100, SEVERITIES[i % 4].toLowerCase(Locale.ROOT))), 201);
        }
        System.out.printf("opened %d incidents through the API%n", count);
    }

    static void measure(String base, String user, String password, int runs, String chromium) {
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(chromium)).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run")));
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
            Page page = context.newPage();
            page.setDefaultTimeout(60_000);
            page.navigate(base + "/login");
            page.locator("input[name=username]").fill(user);
            page.locator("input[name=password]").fill(password);
            page.locator("vaadin-button[slot=submit]").click();
            page.waitForSelector("#overall-status");
            String dashboardDone = "#services .vigil-kpi >> nth=0";
            // The first visible cell with an id (the phone layout's hidden card column has ids too).
            String incidentsDone = "#incidents vaadin-grid-cell-content:has-text('INC-'):visible";
            for (int warm = 0; warm < 3; warm++) {
                time(page, base + "/", dashboardDone, "#open-incidents");
                time(page, base + "/incidents", incidentsDone, "#incident-total");
            }
            List<Double> dashboard = new ArrayList<>();
            List<Double> incidents = new ArrayList<>();
            List<Double> dashboardInApp = new ArrayList<>();
            List<Double> incidentsInApp = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                dashboard.add(time(page, base + "/", dashboardDone, "#open-incidents"));
                incidents.add(time(page, base + "/incidents", incidentsDone, "#incident-total"));
                // As a logged-in user moves: a tap in the navigation, no page load.
                dashboardInApp.add(click(page, "vaadin-side-nav-item:has-text('Dashboard')", dashboardDone, "#open-incidents"));
                incidentsInApp.add(click(page, "vaadin-side-nav-item:has-text('Incidents')", incidentsDone,
                        "#incident-total"));
            }
            page.navigate(base + "/");
            page.waitForSelector(dashboardDone);
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "bench-ui-dashboard.png")));
            report("dashboard, page load (navigation → KPI tiles and incidents shown)", dashboard);
            report("incident list, page load (navigation → first row and count shown)", incidents);
            report("dashboard, from the navigation menu (tap → KPI tiles and incidents shown)", dashboardInApp);
            report("incident list, from the navigation menu (tap → first row and count shown)", incidentsInApp);
        }
    }

    private static double time(Page page, String url, String selector, String alsoSelector) {
        long start = System.nanoTime();
        page.navigate(url);
        page.waitForSelector(selector);
        page.waitForSelector(alsoSelector);
        return (System.nanoTime() - start) / 1e6;
    }

    private static double click(Page page, String link, String selector, String alsoSelector) {
        long start = System.nanoTime();
        page.locator(link).click();
        page.waitForSelector(selector);
        page.waitForSelector(alsoSelector);
        return (System.nanoTime() - start) / 1e6;
    }

    private static void report(String what, List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%-100s runs %d  p50 %4.0f ms  p95 %4.0f ms  max %4.0f ms%n", what,
                sorted.size(), sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                sorted.get(sorted.size() - 1));
    }

    private static String sample(String metric, String service, String labels, String ts, double value) {
        return String.format(Locale.ROOT, "{\"metric\":\"%s\",\"labels\":{\"service\":\"%s\"%s},\"timestamp\":\"%s\","
                + "\"value\":%.3f}", metric, service, labels == null ? "" : "," + labels, ts, value);
    }

    private static HttpResponse<String> send(String base, String token, String method, String path, String body)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void check(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
