package dev.vigil.reporting.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.vigil.BrowserTest;
import dev.vigil.TestAccounts;

/** The report and targets screens in a real browser on a phone-sized window: nothing may scroll sideways. */
class ReportsBrowserTests extends BrowserTest {

    @Test
    void aMonthlyReportAndTheTargetsFormFitAPhone() {
        logIn(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        page.waitForURL(url("/"));
        page.setViewportSize(360, 740);

        page.navigate(url("/reports?period=monthly&service=checkout"));
        page.locator("#report-title").waitFor();
        page.waitForTimeout(1500);
        screenshot("reports-360");
        assertThat(page.locator("#report-title").innerText()).startsWith("Monthly report · checkout");
        assertThat(fitsTheWindow()).isTrue();

        page.navigate(url("/reports/targets"));
        page.locator("#save-targets").waitFor();
        page.waitForTimeout(1000);
        screenshot("reports-targets-360");
        assertThat(fitsTheWindow()).isTrue();
    }

    private boolean fitsTheWindow() {
        return (Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth");
    }
}
