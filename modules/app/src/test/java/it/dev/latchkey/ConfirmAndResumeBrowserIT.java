package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Destructive actions ask first and say what goes; the step-up names the action; after it the action goes on
 * without a second press, but only for a navigation from our own pages (issue 14, item 4). Headless Chromium
 * with a virtual authenticator; axe at 360 and 1280 px on the new pages.
 */
class ConfirmAndResumeBrowserIT {

    private static final String BASE_URL = Browser.BASE_URL;
    private static final String ACCOUNT = "(select id from idn_account where pending_email = ? or email = ?)";

    private Chromium.Device device;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        device = Chromium.Device.open(ConfirmAndResumeBrowserIT.class);
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
    void removingThePasswordAsksSaysWhatGoesNamesTheStepUpAndResumesAfterIt() {
        String email = Journeys.uniqueEmail("resume");
        device.signUp(email, "Resume Tester");
        driver.findElement(By.linkText("Do this later")).click();
        wait.until(ExpectedConditions.urlToBe(BASE_URL + "/account/security"));
        driver.findElement(By.id("new-password")).sendKeys("a long enough passphrase 42");
        driver.findElement(By.cssSelector("form[action='/account/password'] button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("passwordSet"));

        driver.findElement(By.id("remove-password")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Remove your password?"));
        assertThat(driver.findElement(By.id("remove-consequence")).getText())
                .contains("will no longer sign in").contains("Your passkeys").contains("stay");
        Accessibility.checkAtPhoneAndDesktopWidth(driver, "the password removal's confirmation", "confirm-01-remove-password");

        // The sign-up's passkey check is no longer fresh: the removal needs a step-up, which says what it is for.
        Database.execute("update idn_session set authenticated_at = current_timestamp - interval '10' minute"
                + " where account_id = " + ACCOUNT, email, email);
        driver.findElement(By.id("confirm-remove")).click();
        wait.until(ExpectedConditions.urlContains("/account/step-up"));
        assertThat(driver.findElement(By.id("stepup-purpose")).getText()).contains("remove your password");
        Accessibility.checkAtPhoneAndDesktopWidth(driver, "the step-up naming its action", "confirm-02-step-up");

        driver.findElement(By.id("stepup-button")).click();
        wait.until(ExpectedConditions.urlContains("passwordRemoved"));
        assertThat(Database.count("select count(*) from idn_password where account_id = " + ACCOUNT, email, email))
                .as("removed without a second press").isZero();
    }

    @Test
    void aCrossSiteResumeOnlyShowsTheConfirmation() throws Exception {
        Browser owner = new Browser();
        Authenticator passkey = new Authenticator();
        String email = Journeys.uniqueEmail("crosssite");
        Journeys.signUp(owner, passkey, email);
        assertThat(owner.postForm("/account/password", "newPassword=" + "a%20long%20enough%20passphrase%2042")
                .statusCode()).isEqualTo(302);

        HttpResponse<String> crossSite = owner.get("/account/password/remove?resume", "Sec-Fetch-Site", "cross-site");
        assertThat(crossSite.statusCode()).isEqualTo(200);
        assertThat(crossSite.body()).contains("Remove your password?");
        HttpResponse<String> noMetadata = owner.get("/account/password/remove?resume");
        assertThat(noMetadata.statusCode()).isEqualTo(200);
        assertThat(Database.count("select count(*) from idn_password where account_id = " + ACCOUNT, email, email))
                .as("still there").isOne();

        HttpResponse<String> sameOrigin = owner.get("/account/password/remove?resume", "Sec-Fetch-Site", "same-origin");
        assertThat(sameOrigin.statusCode()).isEqualTo(302);
        assertThat(sameOrigin.headers().firstValue("Location").orElseThrow()).contains("passwordRemoved");
    }
}
