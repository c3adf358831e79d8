package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * The operator console's pages in a real browser, checked by axe-core (bundled) at 360 px and at
 * desktop width: no serious or critical violation of WCAG 2.1 A/AA or axe's best practices, and
 * no sideways scrolling of the page (wide tables scroll inside their own focusable region).
 * The admin is {@code a11y-admin@staff.example} (modules/app/pom.xml).
 */
class OperatorConsoleAccessibilityIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer().withPerMethodLifecycle(false);

    private static final String BASE_URL = System.getProperty("latchkey.it.base-url", "http://localhost:9381");
    private static final String ADMIN = "a11y-admin@staff.example";
    private static final List<String> STANDARDS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");
    private static final List<String> BLOCKING = List.of("serious", "critical");

    private ChromeDriver driver;
    private Path profile;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        Chromium.require(OperatorConsoleAccessibilityIT.class);
        profile = Chromium.newProfile();
        driver = Chromium.start(profile);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));
    }

    @AfterEach
    void quitBrowser() throws IOException {
        Chromium.quit(driver, profile);
    }

    @Test
    void theConsolePagesAreAccessibleAtPhoneAndDesktopWidth() throws Exception {
        driver.get(BASE_URL + "/signup");
        driver.findElement(By.id("email")).sendKeys(ADMIN);
        driver.findElement(By.id("displayName")).sendKeys("Admin Tester");
        driver.findElement(By.id("signup-button")).click();
        wait.until(ExpectedConditions.urlToBe(BASE_URL + "/account/confirm-email"));
        driver.findElement(By.id("code")).sendKeys(Mailbox.code(Mailbox.await(SMTP, ADMIN, "Confirm your email address")));
        driver.findElement(By.cssSelector("form button.primary")).click();
        wait.until(ExpectedConditions.urlContains("emailConfirmed"));

        driver.get(BASE_URL + "/");
        wait.until(ExpectedConditions.urlToBe(BASE_URL + "/operator"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Operator console");
        atBothWidths("the operator console's home");

        driver.findElement(By.linkText("Insights")).click();
        wait.until(ExpectedConditions.urlToBe(BASE_URL + "/operator/insights"));
        driver.findElement(By.cssSelector("form[action='/operator/insights/rebuild'] button")).click();
        wait.until(ExpectedConditions.urlContains("rebuilt"));
        // The coverage figures (from the rebuild's snapshot) and the tables are there; a chart is drawn.
        assertThat(driver.findElement(By.id("headlines-heading")).isDisplayed()).isTrue();
        assertThat(driver.findElements(By.cssSelector("table#coverage-by-platform tbody tr"))).isNotEmpty();
        wait.until(d -> (Boolean) driver.executeScript(
                "return !!document.querySelector('canvas[data-chart-for] ') && typeof window.Chart === 'function'"
                        + " && !!window.Chart.getChart(document.querySelector('canvas[data-chart-for]'))"));
        atBothWidths("the insights dashboard");

        driver.get(BASE_URL + "/operator/insights?from=2020-01-01&to=2026-12-31");
        atBothWidths("the insights dashboard refusing a range");

        // Account lookup: search, the account's page, and the audit that now lists both.
        driver.get(BASE_URL + "/operator/accounts");
        driver.findElement(By.id("q")).sendKeys("a11y-admin");
        driver.findElement(By.cssSelector("form[role=search] button")).click();
        wait.until(ExpectedConditions.urlContains("q=a11y-admin"));
        atBothWidths("the account search with a match");
        driver.findElement(By.linkText(ADMIN)).click();
        wait.until(ExpectedConditions.urlContains("/operator/accounts/view?id="));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(ADMIN);
        atBothWidths("an account's page");
        driver.get(BASE_URL + "/operator/audit");
        assertThat(driver.findElements(By.cssSelector("table tbody tr"))).hasSizeGreaterThanOrEqualTo(2);
        atBothWidths("the audit of staff actions");

        // The registered OpenID Connect applications (oidc-clients.json), read-only and without secrets.
        driver.get(BASE_URL + "/operator");
        driver.findElement(By.linkText("Applications")).click();
        wait.until(ExpectedConditions.urlToBe(BASE_URL + "/operator/clients"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Applications");
        String clients = driver.findElement(By.id("main")).getText();
        assertThat(clients).contains("IT intranet", "it-confidential", "secret (client_secret_basic)",
                "signed assertion (private_key_jwt)", "it-pkjwt-1", "none: public client with PKCE",
                "http://127.0.0.1/rp/callback", "passkey only (phr)");
        // Neither a secret's hash nor a key's coordinates are shown.
        assertThat(driver.getPageSource()).doesNotContain("2c497ac1fafc3a11f38d0a8f2b70633984b6b1dfb7205da365c6299e8053c972")
                .doesNotContain("ZXlqGx7-tfT8X4RkXSgB6DHMDwj-uxwClP8v_BxB47Y");
        atBothWidths("the registered applications");

        // Someone without a role: the 403 page says which role the console needs. The admin's session cookie
        // goes (as in OidcRelyingPartyBrowserIT): after "Sign out" the sign-in page's passkey autofill may sign
        // the admin straight back in, since the virtual authenticator answers at once.
        driver.manage().deleteCookieNamed("latchkey_session");
        driver.get(BASE_URL + "/signup");
        driver.findElement(By.id("email")).sendKeys(Journeys.uniqueEmail("no-role"));
        driver.findElement(By.id("displayName")).sendKeys("No Role");
        driver.findElement(By.id("signup-button")).click();
        wait.until(ExpectedConditions.urlToBe(BASE_URL + "/account/confirm-email"));
        driver.get(BASE_URL + "/operator");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("This page needs another role");
        atBothWidths("the console's 403 page");
    }

    private void atBothWidths(String what) {
        for (Dimension size : List.of(new Dimension(360, 800), new Dimension(1280, 900))) {
            driver.manage().window().setSize(size);
            accessible(what + " at " + size.getWidth() + " px");
        }
    }

    private void accessible(String what) {
        Results results = new AxeBuilder().withTags(STANDARDS).analyze(driver);
        assertThat(results.isErrored()).as("axe ran on %s: %s", what, results.getErrorMessage()).isFalse();
        List<Rule> blocking = results.getViolations().stream().filter(r -> BLOCKING.contains(r.getImpact())).toList();
        assertThat(blocking).as("serious or critical violations on %s:%n%s", what, describe(blocking)).isEmpty();
        assertThat(results.getPasses()).as("axe checked something on %s", what).isNotEmpty();
        List<Rule> minor = results.getViolations().stream().filter(r -> !BLOCKING.contains(r.getImpact())).toList();
        if (!minor.isEmpty()) {
            System.err.printf("OperatorConsoleAccessibilityIT: moderate or minor findings on %s, not failing:%n%s%n",
                    what, describe(minor));
        }
        Long overflow = (Long) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("%s scrolls sideways", what).isLessThanOrEqualTo(0L);
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(r -> "- " + r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + "\n    "
                        + r.getNodes().stream().map(n -> n.getTarget() + " " + n.getFailureSummary())
                        .collect(Collectors.joining("\n    ")))
                .collect(Collectors.joining("\n"));
    }
}
