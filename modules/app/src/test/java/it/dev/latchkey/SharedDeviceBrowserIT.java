package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A counter computer (issue 14, item 10): a person marks it shared, signs in with an email code, and
 * gets a short session, no account management, and "Sign out" first on every page. Axe at 360 and
 * 1280 px on the shared account page.
 */
class SharedDeviceBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private ChromeDriver counter;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        Chromium.require(SharedDeviceBrowserIT.class);
        profile = Chromium.newProfile();
        counter = Chromium.start(profile);
    }

    @AfterEach
    void quitBrowser() throws IOException {
        Chromium.quit(counter, profile);
    }

    @Test
    void aSharedComputerGetsAShortSessionNoAccountManagementAndSignOutFirst() throws Exception {
        String email = Journeys.uniqueEmail("counter");
        Mailbox.signUpConfirmed(SMTP, new Browser(), new Authenticator(), email);
        WebDriverWait wait = new WebDriverWait(counter, WAIT);

        counter.get(Browser.BASE_URL + "/signin");
        counter.findElement(By.cssSelector("form[action='/device/shared'] button")).click();
        wait.until(d -> d.getPageSource().contains("This is a shared computer"));
        counter.findElement(By.id("username")).sendKeys(email + "\n");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("email-code-button"))).click();
        wait.until(ExpectedConditions.urlContains("/signin/code"));
        counter.findElement(By.id("code")).sendKeys(Mailbox.code(Mailbox.await(SMTP, email, "sign-in code")));
        counter.findElement(By.cssSelector("form[action='/signin/code'] button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/account/security"));

        // The account page: who is signed in and "Sign out", nothing to manage.
        assertThat(counter.findElement(By.tagName("h1")).getText()).isEqualTo("Signed in on a shared computer");
        assertThat(counter.findElement(By.id("shared-signout")).getText()).isEqualTo("Sign out now");
        assertThat(counter.findElement(By.id("shared-banner")).getText()).contains("Shared computer")
                .contains("5 minutes");
        assertThat(counter.findElement(By.cssSelector("header form.signout button")).getAttribute("class"))
                .as("sign-out is a button, not a small link, on a shared computer").contains("primary");
        assertThat(counter.getPageSource()).doesNotContain("Recovery codes").doesNotContain("I lost this device")
                .doesNotContain("Change your email address").doesNotContain("Add a passkey");
        Accessibility.checkAtPhoneAndDesktopWidth(counter, "the account page on a shared computer", "shared-account");

        // Pages that manage the account lead back, saying so; nothing is offered there.
        counter.get(Browser.BASE_URL + "/account/recovery-codes");
        wait.until(ExpectedConditions.urlContains("/account/security?sharedDevice"));
        assertThat(counter.findElement(By.id("shared-turned-away")).getText())
                .isEqualTo("That page is not offered on a shared computer.");

        // The session is short: its own idle timeout and lifetime.
        assertThat(Database.count("select count(*) from idn_session s join idn_account a on a.id = s.account_id"
                + " where (a.email = ? or a.pending_email = ?) and s.idle_seconds = 300"
                + " and s.expires_at <= s.created_at + interval '15' minute", email, email)).isOne();

        counter.findElement(By.id("shared-signout")).click();
        wait.until(ExpectedConditions.urlContains("/signin"));
        assertThat(counter.manage().getCookieNamed("latchkey_session")).isNull();
    }
}
