package dev.tollgate.console;

import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console in a real browser: Debian's headless chromium, driven by its chromedriver through Selenium. An auditor
 * logs in, sees the overview, filters the decisions by rule, opens one and reads its rules with their legal basis;
 * an officer runs a what-if with a candidate pack and sees the changed counts; an application key is refused. The
 * screenshots go to target/console-screenshots (docs/console.md shows them). No page holds a personal value.
 */
class ConsoleBrowserTest {
    static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static DecidedService decided;
    private static Path policies;
    private static TestService service;
    private static ChromeDriver browser;
    private static final List<String> PAGES = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        decided = DecidedService.start();
        service = decided.service();
        policies = decided.policies();
        Files.createDirectories(SCREENSHOTS);
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(required("TOLLGATE_CHROMEDRIVER"))).usingAnyFreePort().build(),
                new ChromeOptions().setBinary(required("TOLLGATE_CHROMIUM"))
                        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                                "--window-size=1280,900", "--lang=en"));
    }

    /** The path of a program the test command installed (scripts/chromium.sh); the tests need it. */
    private static String required(String variable) {
        String path = System.getenv(variable);
        if (path == null || path.isBlank()) {
            throw new IllegalStateException(variable + " is not set: run ./tollgate test, or export the paths "
                    + "scripts/chromium.sh prints (TOLLGATE_CHROMIUM, TOLLGATE_CHROMEDRIVER)");
        }
        return path;
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            decided.close();
        }
        String pages = String.join("\n", PAGES);
        for (String value : Samples.sensitiveValues()) {
            assertFalse(pages.contains(value), "a console page holds a personal value: " + value);
        }
        assertTrue(PAGES.size() >= 6, "the leak check saw too few pages: " + PAGES.size());
    }

    @AfterEach
    void logOut() {
        browser.manage().deleteAllCookies();
    }

    private static void open(String path) {
        browser.get(service.uri(path).toString());
    }

    private static void logIn(String key) {
        open("/console/login");
        browser.findElement(By.id("key")).sendKeys(key);
        WebElement logInButton = browser.findElement(By.cssSelector("form.login button"));
        logInButton.click();
        // The login page has an h1 too: wait for the page the form posted to, or the next step races the cookie.
        new WebDriverWait(browser, WAIT).until(ignored -> detached(logInButton));
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    }

    /**
     * Whether an element has left the current document. Mid-navigation Chrome answers a question about the old
     * page's element with "Node with given id does not belong to the document" instead of a stale element
     * reference; both mean the new document is the current one.
     */
    private static boolean detached(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException gone) {
            return true;
        }
    }

    private static String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    /** Keeps the page for the leak check and saves a screenshot of it. */
    private static void keep(String screenshot) throws IOException {
        PAGES.add(browser.getPageSource());
        if (screenshot != null) {
            Files.write(SCREENSHOTS.resolve(screenshot + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    void anApplicationKeyIsRefused() throws IOException {
        logIn(TestService.CLAIMS_KEY);
        assertEquals("Log in", heading());
        assertTrue(browser.findElement(By.cssSelector("[role=alert]")).getText().contains("application's key"));
        keep("refused");
        open("/console/overview");
        assertTrue(browser.getCurrentUrl().endsWith("/console/login"), browser.getCurrentUrl());
    }

    @Test
    void theAuditorSeesTheOverviewWithChartsAndTheTrailStatus() throws IOException {
        logIn(AuditApiTest.AUDITOR);
        assertEquals("Overview", heading());
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#chart-effect .uplot canvas")));
        assertTrue(browser.findElement(By.cssSelector("#chart-route .uplot")).isDisplayed());
        String cards = browser.findElement(By.className("cards")).getText();
        assertTrue(cards.contains("intact"), cards);
        assertTrue(cards.contains("records verified"), cards);
        assertTrue(browser.findElement(By.tagName("main")).getText().contains(AuditApiTest.ART9));
        keep("overview");
    }

    @Test
    void theAuditorFiltersDecisionsByRuleAndOpensOneWithItsLegalBasis() throws IOException {
        logIn(AuditApiTest.AUDITOR);
        open("/console/decisions");
        String all = browser.findElement(By.id("total")).getText();
        browser.findElement(By.id("rule")).sendKeys(AuditApiTest.ART9);
        browser.findElement(By.cssSelector("form.filters button")).click();
        // htmx replaces the list, #total with it: a lookup may meet the element it is replacing.
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .until(driver -> !driver.findElement(By.id("total")).getText().equals(all));
        List<WebElement> rows = browser.findElements(By.cssSelector("#results tbody tr"));
        assertFalse(rows.isEmpty());
        assertTrue(rows.size() < Samples.BODIES.size(), rows.size() + " rows");
        rows.forEach(row -> assertTrue(row.getText().contains(AuditApiTest.ART9), row.getText()));
        assertTrue(browser.getCurrentUrl().contains("rule=" + AuditApiTest.ART9), browser.getCurrentUrl());
        keep("decisions");

        rows.getFirst().findElement(By.tagName("a")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.titleContains("Decision "));
        WebElement gdpr = browser.findElements(By.tagName("table")).stream()
                .filter(table -> table.findElement(By.tagName("caption")).getText().equals("Engine drools, pack gdpr"))
                .findFirst().orElseThrow();
        assertTrue(gdpr.getText().contains(AuditApiTest.ART9), gdpr.getText());
        assertTrue(gdpr.getText().contains("GDPR Art. 9(1)"), gdpr.getText());
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("slm-local"));
        keep("decision");
    }

    @Test
    void theOfficerRunsAWhatIfWithACandidatePackAndSeesTheChangedCounts() throws IOException {
        Path candidate = Files.createTempFile("gdpr-candidate", ".drl");
        Files.writeString(candidate, AuditApiTest.withoutArt9(Files.readString(policies.resolve("gdpr/gdpr.drl"))));
        logIn(AuditApiTest.OFFICER);
        open("/console/what-if");
        browser.findElement(By.id("path")).sendKeys("gdpr/gdpr.drl");
        browser.findElement(By.id("file")).sendKeys(candidate.toString());
        browser.findElement(By.cssSelector("form.what-if > button")).click();
        WebElement count = new WebDriverWait(browser, WAIT).until(
                ExpectedConditions.presenceOfElementLocated(By.id("changed-count")));
        assertTrue(count.getText().matches("[1-9]\\d* of \\d+ decisions would change.*"), count.getText());
        WebElement byRule = browser.findElements(By.tagName("table")).getFirst();
        assertTrue(byRule.getText().contains(AuditApiTest.ART9), byRule.getText());
        browser.findElement(By.cssSelector("details.changed summary")).click();
        String sideBySide = browser.findElement(By.cssSelector("details.changed .side-by-side")).getText();
        assertTrue(sideBySide.contains("Before (as logged)") && sideBySide.contains("After (candidate)"), sideBySide);
        keep("what-if");
    }

    @Test
    void anAuditorComparesPolicyVersionsAndUploadsNothing() throws IOException {
        logIn(AuditApiTest.AUDITOR);
        open("/console/what-if");
        assertTrue(browser.findElements(By.id("file")).isEmpty());
        keep(null);
        open("/console/policies");
        List<WebElement> rows = browser.findElements(By.cssSelector("table tbody tr"));
        assertEquals(2, rows.size());
        new Select(browser.findElement(By.id("from"))).selectByIndex(0);
        new Select(browser.findElement(By.id("to"))).selectByIndex(1);
        browser.findElement(By.cssSelector("form.diff button")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("pre.diff")));
        assertTrue(browser.findElement(By.cssSelector("pre.diff .added")).getText().contains("only, always"));
        keep("policies");
    }
}
