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
}
