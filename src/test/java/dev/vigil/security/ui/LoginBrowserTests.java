package dev.vigil.security.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.vigil.BrowserTest;
import dev.vigil.TestAccounts;

class LoginBrowserTests extends BrowserTest {

    @Test
    void bootstrapAdminLogsInAndSeesTheDashboard() {
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/login"));
        screenshot("login");

        logIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);

        assertThat(page.locator("h2")).hasText("Status");
        assertThat(page.locator("#scheduler-status")).isVisible();
        assertThat(page.locator("vaadin-side-nav-item", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("Admin"))).isVisible();
        screenshot("dashboard");
    }

    @Test
    void wrongPasswordIsRefusedWithAMessage() {
        logIn(TestAccounts.ADMIN, "wrong-password");

        assertThat(page).hasURL(url("/login?error"));
        assertThat(page.locator("vaadin-login-form")).containsText("Incorrect username or password");
    }

    @Test
    void aUsernameThatFailedFiveTimesIsToldHowLongToWait() {
        String username = "guessed-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            logIn(username, "guess " + i);
            assertThat(page).hasURL(url("/login?error"));
        }

        logIn(username, "guess 6");

        assertThat(page).hasURL(url("/login?error&locked=1"));
        assertThat(page.locator("vaadin-login-form")).containsText("Too many attempts — try again in 1 minute.");
    }
}
