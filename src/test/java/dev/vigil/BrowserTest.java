package dev.vigil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

/**
 * Real-browser tests: Playwright for Java driving Debian's headless Chromium against the running app.
 * Without Chromium they are skipped with a message, unless {@code VIGIL_REQUIRE_BROWSER} is set (CI),
 * where a missing browser fails the build instead of hiding the tests.
 */
@VigilIntegrationTest
public abstract class BrowserTest {

    private static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("VIGIL_CHROMIUM", "/usr/bin/chromium"));
    protected static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;

    protected BrowserContext browserContext;
    protected Page page;

    @BeforeAll
    static void launchBrowser() throws Exception {
        boolean required = System.getenv("VIGIL_REQUIRE_BROWSER") != null;
        if (!Files.isExecutable(CHROMIUM)) {
            if (required) {
                throw new IllegalStateException("VIGIL_REQUIRE_BROWSER is set but there is no Chromium at " + CHROMIUM);
            }
            Assumptions.abort("No Chromium at " + CHROMIUM + " (apt-get install chromium); browser tests skipped");
        }
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        browserContext = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        page = browserContext.newPage();
        page.setDefaultTimeout(20_000);
    }

    @AfterEach
    void closePage() {
        browserContext.close();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Logs in through the real login form. */
    protected void logIn(String username, String password) {
        page.navigate(url("/login"));
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    }
}
