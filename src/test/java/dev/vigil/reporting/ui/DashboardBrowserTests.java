package dev.vigil.reporting.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import dev.vigil.ApiClient;
import dev.vigil.BrowserTest;
import dev.vigil.TestAccounts;

/**
 * The dashboard in headless Chromium: a breach pushed through the API becomes an incident that appears
 * on an open dashboard without a reload; a responder on a phone opens it and acknowledges it (two taps),
 * and the dashboard follows.
 */
class DashboardBrowserTests extends BrowserTest {

    private static final String JSON = "application/json";

    @BeforeAll
    static void waitLongerForTheFirstPage() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @Test
    void aBreachPushedThroughTheApiAppearsOnTheOpenDashboardWithoutAReload() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String service = "dash-" + suffix;
        String ruleName = "Queue depth " + suffix;
        ApiClient api = new ApiClient(port);
        assertThat(api.post("/api/v1/rules", TestAccounts.API_TOKEN, JSON, """
                {"id": "queue-%s", "name": "%s", "service": "%s", "severity": "critical",
                 "query": {"metric": "dash.queue_depth", "labels": {"service": "%s"}, "aggregation": "last", "window": "PT5S"},
                 "condition": {"comparator": ">", "threshold": 100}, "missingData": "ignore", "evaluateEvery": "PT1S"}"""
                .formatted(suffix, ruleName, service, service)).status()).isEqualTo(201);

        logIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        page.waitForURL(url("/"));
        assertThat(page.locator("#overall-status")).isVisible();
        assertThat(page.locator("#open-incidents")).not().containsText(ruleName);
        // Survives only as long as the page is not reloaded.
        page.evaluate("() => window.vigilNotReloaded = true");

        assertThat(api.post("/api/v1/metrics", TestAccounts.API_TOKEN, JSON, """
                {"samples": [{"metric": "dash.queue_depth", "labels": {"service": "%s"}, "timestamp": "%s", "value": 250}]}"""
                .formatted(service, Instant.now())).status()).isEqualTo(202);

        Locator incident = page.locator("#open-incidents .vigil-dash-row").filter(
                new Locator.FilterOptions().setHasText(ruleName));
        assertThat(incident).isVisible();
        assertThat(incident).containsText("TRIGGERED");
        assertThat(page.locator("#firing-alerts")).containsText(ruleName);
        assertThat(page.evaluate("() => window.vigilNotReloaded === true")).isEqualTo(true);
        screenshot("dashboard-live-incident");

        page.setViewportSize(360, 740);
        assertThat(horizontalOverflow()).isEqualTo(0);
        screenshot("dashboard-phone");
        // Two taps on a phone: the incident, then Acknowledge; nothing on the way scrolls sideways.
        incident.locator("a").click();
        assertThat(page.locator("#incident-id")).hasText(java.util.regex.Pattern.compile("INC-\\d+"));
        assertThat(horizontalOverflow()).isEqualTo(0);
        page.locator("#acknowledge").click();
        assertThat(page.locator(".vigil-incident-status")).hasText("ACKNOWLEDGED");
        assertThat(horizontalOverflow()).isEqualTo(0);

        page.goBack();
        assertThat(page.locator("#open-incidents .vigil-dash-row").filter(
                new Locator.FilterOptions().setHasText(ruleName))).containsText("ACKNOWLEDGED");

        // The incident list on the phone: cards, no sideways scrolling.
        page.navigate(url("/incidents"));
        assertThat(page.locator(".vigil-incident-card").first()).isVisible();
        assertThat(horizontalOverflow()).isEqualTo(0);
    }

    @Test
    void theDashboardShowsTheDemoServiceAgainstItsTargetsAndTheThemeCanBeDark() {
        logIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        page.waitForURL(url("/"));
        // checkout has spec.md's targets preloaded; its tiles show them even before metrics arrive.
        Locator checkout = page.locator("#service-checkout");
        assertThat(checkout.locator("[data-kpi=RESPONSE_TIME]")).isVisible();
        assertThat(checkout.locator("[data-kpi=AVAILABILITY]")).isVisible();
        assertThat(checkout.locator("[data-kpi=ERROR_RATE]")).isVisible();
        assertThat(checkout.locator("[data-kpi=THROUGHPUT]")).isVisible();
        assertThat(page.locator("#on-call")).isVisible();

        page.locator("#theme-toggle").click();
        assertThat(page.locator("html")).hasAttribute("theme", java.util.regex.Pattern.compile("dark"));
        page.reload();
        assertThat(page.locator("#overall-status")).isVisible();
        assertThat(page.locator("html")).hasAttribute("theme", java.util.regex.Pattern.compile("dark"));
        page.setViewportSize(360, 740);
        assertThat(horizontalOverflow()).isEqualTo(0);
        screenshot("dashboard-phone-dark");
    }

    private int horizontalOverflow() {
        return ((Number) page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
    }
}
