package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing up with an address that is already someone's (issue 14, item 11): the page that asks for the code tells
 * the person what to do, in words that are the same for a free address; "Cancel this sign-up" removes the new
 * account and its passkey; the owner gets the notice. Headless Chromium; axe at 360 and 1280 px.
 */
class TakenAddressSignUpBrowserIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private static final String BASE_URL = Browser.BASE_URL;

    private Chromium.Device device;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        device = Chromium.Device.open(TakenAddressSignUpBrowserIT.class);
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
    void theClaimantIsToldWhatToDoAndCancelsTheGhostAccountWhileTheOwnerIsNotified() throws Exception {
        String email = Journeys.uniqueEmail("taken");
        Mailbox.signUpConfirmed(SMTP, new Browser(), new Authenticator(), email);

        device.signUp(email, "Second Try");
        assertThat(driver.findElement(By.id("main")).getText())
                .contains("If this address already belongs to a Latchkey account, we send no code")
                .contains("cancel this sign-up and sign in");
        Accessibility.checkAtPhoneAndDesktopWidth(driver, "the code page with 'No code?'", "taken-address-01-confirm");
        assertThat(Mailbox.await(SMTP, email, "Someone tried to create an account with your address").getContent()
                .toString()).contains("Cancel this sign-up");
        assertThat(Database.count("select count(*) from idn_account where pending_email = ? and email is null", email))
                .as("the ghost account, before").isOne();

        driver.findElement(By.id("cancel-signup-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Sign-up cancelled"));
        assertThat(driver.manage().getCookieNamed("latchkey_session")).as("signed out").isNull();
        assertThat(driver.findElement(By.id("passkey-signals")).getAttribute("data-user-id")).isNotBlank();
        Accessibility.checkAtPhoneAndDesktopWidth(driver, "the cancelled sign-up", "taken-address-02-cancelled");
        assertThat(Database.count("select count(*) from idn_account where pending_email = ? and email is null", email))
                .as("the ghost account is gone").isZero();
        assertThat(Database.count("select count(*) from idn_account where email = ?", email))
                .as("the owner's account is untouched").isOne();

        driver.findElement(By.linkText("sign in to it")).click();
        wait.until(ExpectedConditions.urlContains("/signin"));
    }

    @Test
    void theCodePageReadsTheSameForAFreeAndATakenAddressAndOldSignUpsCannotBeCancelled() throws Exception {
        String taken = Journeys.uniqueEmail("owner");
        Mailbox.signUpConfirmed(SMTP, new Browser(), new Authenticator(), taken);
        Browser claimant = new Browser();
        Journeys.signUp(claimant, new Authenticator(), taken);
        Browser newcomer = new Browser();
        String free = Journeys.uniqueEmail("free");
        Journeys.signUp(newcomer, new Authenticator(), free);

        String forTaken = claimant.get("/account/confirm-email").body().replace(taken, "ADDRESS");
        String forFree = newcomer.get("/account/confirm-email").body().replace(free, "ADDRESS");
        assertThat(strip(forTaken)).isEqualTo(strip(forFree));

        // A day later the sign-up stands: cancelling is refused, nothing is removed.
        Database.execute("update idn_account set created_at = created_at - interval '25' hour where pending_email = ?", free);
        HttpResponse<String> late = newcomer.postForm("/account/confirm-email/cancel", "");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("more than a day old");
        assertThat(Database.count("select count(*) from idn_account where pending_email = ?", free)).isOne();
    }

    /** The page without its per-browser CSRF token. */
    private static String strip(String page) {
        return page.replaceAll("(name=\"_csrf\" value=\"|name=\"csrf-token\" content=\")[^\"]*", "$1");
    }
}
