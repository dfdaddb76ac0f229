package dev.vigil.incident.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import dev.vigil.ApiClient;
import dev.vigil.BrowserTest;
import dev.vigil.TestAccounts;
import dev.vigil.alerting.AlertFired;
import dev.vigil.alerting.AlertState;
import dev.vigil.alerting.Severity;

/** The responder's real flow in headless Chromium, on a phone-sized screen: open the page, acknowledge. */
class IncidentBrowserTests extends BrowserTest {

    private static final String JSON = "application/json";

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @BeforeAll
    static void waitLongerForTheFirstPage() {
        // The first Vaadin page of a fresh context takes a while on two cores.
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @Test
    void aResponderAcknowledgesAnIncidentFromAPhone() {
        ApiClient.Response opened = new ApiClient(port).post("/api/v1/incidents", TestAccounts.API_TOKEN, JSON, """
                {"title": "Login page times out", "service": "browser-%s", "severity": "critical"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8)));
        String id = opened.json().get("id").asString();
        page.setViewportSize(360, 740);
        logIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        page.waitForURL(url("/"));

        page.navigate(url("/incidents/" + id));
        assertThat(page.locator("#incident-id")).hasText(id);
        assertThat(page.locator(".vigil-incident-status")).hasText("TRIGGERED");
        screenshot("incident-phone-triggered");

        page.locator("#acknowledge").click();

        assertThat(page.locator(".vigil-incident-status")).hasText("ACKNOWLEDGED");
        assertThat(page.locator("#acknowledge")).isDisabled();
        assertThat(page.locator("#timeline")).containsText("Acknowledged by admin");
        screenshot("incident-phone-acknowledged");
    }

    /** A rule-fired incident with its metric: the list on a desktop and the page on a phone, for the docs. */
    @Test
    void screenshotsOfTheListAndOfAnIncidentWithItsChart() {
        String service = "checkout-" + UUID.randomUUID().toString().substring(0, 4);
        ingestResponseTimes(service);
        fire(service);
        logIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        page.waitForURL(url("/"));

        page.navigate(url("/incidents"));
        assertThat(page.locator("#incidents")).containsText(service);
        page.waitForTimeout(500);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("incidents.png")));

        page.setViewportSize(360, 740);
        assertThat(page.locator(".vigil-incident-card").first()).isVisible();
        page.waitForTimeout(500);
        screenshot("incidents-phone");
        page.setViewportSize(1280, 800);

        page.locator("#incidents").getByText(service).first().click();
        assertThat(page.locator("#incident-id")).hasText(java.util.regex.Pattern.compile("INC-\\d+"));
        page.setViewportSize(360, 740);
        page.locator("#acknowledge").click();
        assertThat(page.locator(".vigil-incident-status")).hasText("ACKNOWLEDGED");
        assertThat(page.locator("#process-image")).isVisible();
        page.setViewportSize(360, 1900);
        page.waitForTimeout(1500);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("incident-phone.png")));
        page.setViewportSize(1280, 2000);
        page.waitForTimeout(1500);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("incident-1280.png")));
    }

    /** An hour of a p95 around 180 ms that climbs past 500 ms in the last minutes. */
    private void ingestResponseTimes(String service) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StringJoiner samples = new StringJoiner(",", "{\"samples\": [", "]}");
        for (int s = 3900; s >= 0; s -= 30) {
            double value = s > 420 ? 170 + 25 * Math.sin(s / 300.0) : 180 + (420 - s) * 1.6;
            samples.add("""
                    {"metric": "api.response_time_ms", "labels": {"service": "%s", "stat": "p95"},
                     "timestamp": "%s", "value": %.1f}""".formatted(service, now.minusSeconds(s), value));
        }
        ApiClient.Response response = new ApiClient(port).post("/api/v1/metrics", TestAccounts.API_TOKEN, JSON,
                samples.toString());
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(202);
    }

    private void fire(String service) {
        transactions.executeWithoutResult(tx -> events.publishEvent(new AlertFired(
                "high-response-time{service=" + service + "}", "high-response-time", "High Response Time", service,
                Severity.CRITICAL, Map.of("service", service, "stat", "p95"), AlertState.FIRING, 812.0, "> 500",
                "High Response Time: " + service + " p95 812 ms > 500 ms", "https://runbooks.example/checkout-latency",
                null, Instant.now().minus(Duration.ofSeconds(5)), null, "api.response_time_ms",
                Map.of("service", service, "stat", "p95"))));
    }
}
