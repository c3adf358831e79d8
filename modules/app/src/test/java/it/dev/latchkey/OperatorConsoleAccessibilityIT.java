package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

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

    private Chromium.Device device;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        device = Chromium.Device.open(OperatorConsoleAccessibilityIT.class);
        driver = device.driver();
        wait = device.await();
    }

    @AfterEach
    void quitBrowser() throws IOException {
        if (device != null) {
            device.close();
        }
    }

    @Test
    void theConsolePagesAreAccessibleAtPhoneAndDesktopWidth() throws Exception {
        device.signUp(ADMIN, "Admin Tester");
        driver.findElement(By.id("code")).sendKeys(Mailbox.code(Mailbox.await(SMTP, ADMIN, "Confirm your email address")));
        driver.findElement(By.cssSelector("form button.primary")).click();
        wait.until(ExpectedConditions.urlContains("emailConfirmed"));

        driver.get(BASE_URL + "/");
        wait.until(ExpectedConditions.urlToBe(BASE_URL + "/operator"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Operator console");
        Accessibility.checkAtPhoneAndDesktopWidth(driver, "the operator console's home");

        // Something for the journeys' sections to show: an article answer and a link that matches nothing.
        Browser reader = new Browser();
        reader.get("/learn/what-is-a-passkey");
        assertThat(reader.postForm("/learn/what-is-a-passkey/feedback", "helpful=yes").statusCode()).isEqualTo(303);
        assertThat(new Browser().get("/handoff/0123456789ABCDEFGHJK").statusCode()).isEqualTo(404);

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
        // The journeys' sections, each a table (with a chart where one helps).
        for (String table : new String[] {"handoff-funnel", "article-helpfulness", "second-device"}) {
            assertThat(driver.findElements(By.cssSelector("table#" + table + " tbody tr"))).as(table).isNotEmpty();
        }
        assertThat(driver.findElement(By.id("upgrade-outcomes-heading")).isDisplayed()).isTrue();
        Accessibility.checkAtPhoneAndDesktopWidth(driver, "the insights dashboard");

        // A cohort filter: the sections it does not apply to say so.
        driver.get(BASE_URL + "/operator/insights?signup=self&device=personal");
        assertThat(driver.findElement(By.id("article-helpfulness-filters")).getText()).contains("do not apply");
        Accessibility.checkAtPhoneAndDesktopWidth(driver, "the insights dashboard with a cohort filter");

        driver.get(BASE_URL + "/operator/insights?from=2020-01-01&to=2026-12-31");
        Accessibility.checkAtPhoneAndDesktopWidth(driver, "the insights dashboard refusing a range");

        // Account lookup: search, the account's page, and the audit that now lists both.
        driver.get(BASE_URL + "/operator/accounts");
        driver.findElement(By.id("q")).sendKeys("a11y-admin");
        driver.findElement(By.cssSelector("form[role=search] button")).click();
        wait.until(ExpectedConditions.urlContains("q=a11y-admin"));
        Accessibility.checkAtPhoneAndDesktopWidth(driver, "the account search with a match");
        driver.findElement(By.linkText(ADMIN)).click();
        wait.until(ExpectedConditions.urlContains("/operator/accounts/view?id="));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(ADMIN);
        Accessibility.checkAtPhoneAndDesktopWidth(driver, "an account's page");
        driver.get(BASE_URL + "/operator/audit");
        assertThat(driver.findElements(By.cssSelector("table tbody tr"))).hasSizeGreaterThanOrEqualTo(2);
        Accessibility.checkAtPhoneAndDesktopWidth(driver, "the audit of staff actions");

        // Staff roles, and the assisted recoveries (an admin may approve them).
        driver.get(BASE_URL + "/operator/roles");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Staff roles");
        Accessibility.checkAtPhoneAndDesktopWidth(driver, "the staff roles page");
        driver.findElement(By.id("grant-email")).sendKeys("nobody-here@example.com");
        driver.findElement(By.id("grant-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("roles-error")));
        Accessibility.checkAtPhoneAndDesktopWidth(driver, "the staff roles page refusing an address");
        driver.get(BASE_URL + "/operator/recovery");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Assisted recoveries");
        Accessibility.checkAtPhoneAndDesktopWidth(driver, "the list of assisted recoveries");

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
        Accessibility.checkAtPhoneAndDesktopWidth(driver, "the registered applications");

        // Someone without a role: the 403 page says which role the console needs. The admin's session cookie
        // goes (as in OidcRelyingPartyBrowserIT): after "Sign out" the sign-in page's passkey autofill may sign
        // the admin straight back in, since the virtual authenticator answers at once.
        driver.manage().deleteCookieNamed("latchkey_session");
        device.signUp(Journeys.uniqueEmail("no-role"), "No Role");
        driver.get(BASE_URL + "/operator");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("This page needs another role");
        Accessibility.checkAtPhoneAndDesktopWidth(driver, "the console's 403 page");
    }
}
