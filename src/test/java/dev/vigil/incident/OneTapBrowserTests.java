package dev.vigil.incident;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Response;

import dev.vigil.ApiClient;
import dev.vigil.BrowserTest;
import dev.vigil.TestAccounts;

/** The SMS's one-tap link on a 360 px phone in headless Chromium: no login, fits the screen, works once. */
class OneTapBrowserTests extends BrowserTest {

    private static final Pattern LINK = Pattern.compile("(/a/[A-Za-z0-9_-]{32})");

    @Test
    void theOneTapLinkAcknowledgesOnAPhoneWithoutLoggingInAndFitsTheScreen() {
        ApiClient api = new ApiClient(port);
        String id = api.post("/api/v1/incidents", TestAccounts.API_TOKEN, "application/json", """
                {"title": "checkout p95 812ms > 500ms", "service": "checkout", "severity": "critical"}""")
                .json().get("id").asString();
        // The SMS as it went out (here on the log channel): its link is the one a phone would open.
        String sms = api.get("/api/v1/incidents/" + id, TestAccounts.API_TOKEN).json().get("notifications").get(0)
                .get("message").asString();
        Matcher link = LINK.matcher(sms);
        org.assertj.core.api.Assertions.assertThat(link.find()).as(sms).isTrue();
        page.setViewportSize(360, 740);

        Response tapped = page.navigate(url(link.group(1)));

        org.assertj.core.api.Assertions.assertThat(tapped.status()).isEqualTo(200);
        assertThat(page.locator("h1")).hasText(id + " acknowledged");
        org.assertj.core.api.Assertions.assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                .as("nothing scrolls sideways").isLessThanOrEqualTo(360);
        screenshot("one-tap-acknowledged-phone");
        org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/incidents/" + id, TestAccounts.API_TOKEN).json()
                .get("status").asString()).isEqualTo("ACKNOWLEDGED");

        Response again = page.navigate(url(link.group(1)));
        org.assertj.core.api.Assertions.assertThat(again.status()).isEqualTo(409);
        assertThat(page.locator("h1")).hasText("This link has already been used");
        screenshot("one-tap-used-phone");
    }
}
