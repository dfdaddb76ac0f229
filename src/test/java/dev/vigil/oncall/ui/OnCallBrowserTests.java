package dev.vigil.oncall.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.vigil.ApiClient;
import dev.vigil.BrowserTest;
import dev.vigil.TestAccounts;

/** The on-call screens in a real browser on a phone-sized window: nothing may scroll sideways. */
class OnCallBrowserTests extends BrowserTest {

    private static final String JSON = "application/json";

    @Test
    void whoIsOnCallAndThePolicyEditorFitAPhone() {
        ApiClient api = new ApiClient(port);
        String user = "phone-" + UUID.randomUUID().toString().substring(0, 6);
        api.post("/api/v1/users", TestAccounts.API_TOKEN, JSON, """
                {"username": "%s", "displayName": "Ana Lima", "password": "a long enough password",
                 "roles": ["RESPONDER"]}""".formatted(user));
        api.post("/api/v1/schedules", TestAccounts.API_TOKEN, JSON, """
                {"name": "%s", "timeZone": "Europe/Berlin",
                 "layers": [{"start": "2026-01-05T09:00", "rotation": "P3D", "participants": ["admin", "%s"]}]}"""
                .formatted("checkout " + user, user));
        logIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        page.waitForURL(url("/"));
        page.setViewportSize(360, 740);

        page.navigate(url("/oncall"));
        page.locator("#policies-now").waitFor();
        page.waitForTimeout(1000);
        screenshot("oncall-360");
        assertThat(fitsTheWindow()).isTrue();
        assertThat(page.locator("#policies-now").innerText()).contains("default");

        page.navigate(url("/oncall/policies"));
        page.locator("#save-policy").waitFor();
        page.waitForTimeout(1000);
        screenshot("oncall-policies-360");
        assertThat(fitsTheWindow()).isTrue();
    }

    private boolean fitsTheWindow() {
        return (Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth");
    }
}
