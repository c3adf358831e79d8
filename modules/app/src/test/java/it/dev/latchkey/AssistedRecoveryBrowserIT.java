package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Assisted recovery end to end in two headless Chromium profiles, each with its own virtual
 * authenticator: the branch agent's counter computer ({@code recovery-agent@staff.example}) and the
 * customer's new phone, which never held a passkey of the account. The agent finds the account,
 * starts a recovery (the form refuses an unticked ID check), approves a colleague's recovery (the test
 * server asks for two agents) and shows the QR code; the counter computer, marked shared, is refused
 * the link; the phone creates a passkey, is not signed in by it, signs in with it, and a second use of
 * the link is refused. axe-core checks every new page at 360 and 1280 px.
 */
class AssistedRecoveryBrowserIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer().withPerMethodLifecycle(false);

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AGENT = "recovery-agent@staff.example";

    private Chromium.Device counterDevice;
    private Chromium.Device phoneDevice;
    private ChromeDriver counter;
    private ChromeDriver phone;

    @BeforeEach
    void startBrowsers() throws IOException {
        counterDevice = Chromium.Device.open(AssistedRecoveryBrowserIT.class);
        phoneDevice = Chromium.Device.open(AssistedRecoveryBrowserIT.class);
        counter = counterDevice.driver();
        phone = phoneDevice.driver();
    }

    @AfterEach
    void quitBrowsers() throws IOException {
        try {
            if (phoneDevice != null) {
                phoneDevice.close();
            }
        } finally {
            if (counterDevice != null) {
                counterDevice.close();
            }
        }
    }

    @Test
    void anAgentRecoversACustomerWhoCreatesAPasskeyOnTheirOwnPhoneAndSignsInWithIt() throws Exception {
        StaffAccounts staff = StaffAccounts.signedUp(SMTP);
        // The customer: an account whose only passkey was on the phone they lost.
        String customer = Journeys.uniqueEmail("branch-customer");
        Mailbox.signUpConfirmed(SMTP, new Browser(), new Authenticator(), customer);
        String customerId = Database.string("select cast(id as varchar(36)) from idn_account where email = ?", customer);

        WebDriverWait wait = new WebDriverWait(counter, WAIT);
        signUpAgent(wait);

        // Find the account and start a recovery; the form wants the ID check ticked.
        counter.get(Browser.BASE_URL + "/operator/accounts");
        counter.findElement(By.id("q")).sendKeys(customer);
        counter.findElement(By.cssSelector("form[role=search] button")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(customer))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-form")));
        Accessibility.checkAtPhoneAndDesktopWidth(counter, "an account's page with the recovery form", "recovery-account");
        counter.findElement(By.id("recovery-reason")).sendKeys("Lost phone at the branch");
        new Select(counter.findElement(By.id("recovery-document"))).selectByVisibleText("passport");
        // The browser would not send the form unticked (required); skip its check to see the server's.
        counter.executeScript("document.getElementById('recovery-form').noValidate = true");
        counter.findElement(By.id("recovery-start")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-error"))).getText())
                .contains("checked the person's ID in person");
        assertThat(counter.findElement(By.id("recovery-reason")).getAttribute("value")).isEqualTo("Lost phone at the branch");
        Accessibility.checkAtPhoneAndDesktopWidth(counter, "the recovery form refusing an unticked ID check",
                "recovery-form-refused");
        new Select(counter.findElement(By.id("recovery-document"))).selectByVisibleText("passport");
        counter.findElement(By.id("recovery-id-checked")).click();
        counter.findElement(By.id("recovery-start")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-waiting"))).getText())
                .contains("another agent must approve");
        assertThat(counter.findElements(By.cssSelector("svg.qr"))).as("no link before the approval").isEmpty();
        Accessibility.checkAtPhoneAndDesktopWidth(counter, "a recovery waiting for an approval", "recovery-waiting");

        // A colleague started one too; this agent approves it and hands the QR code over.
        StaffAccounts.stepUp(staff.agent, staff.agentsPasskey);
        HttpResponse<String> colleagues = AssistedRecoveryIT.start(staff.agent, customerId, "Lost phone, colleague's desk",
                "NATIONAL_ID_CARD", true);
        assertThat(colleagues.statusCode()).as(colleagues.body()).isEqualTo(200);
        counter.get(Browser.BASE_URL + "/operator/recovery");
        Accessibility.checkAtPhoneAndDesktopWidth(counter, "the list of assisted recoveries", "recovery-list");
        WebElement approve = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "button[aria-label='Approve the recovery of " + customer + "']")));
        assertThat(counter.findElements(By.cssSelector("button[aria-label^='Approve']")))
                .as("only the colleague's recovery: nobody approves their own").hasSize(1);
        approve.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-short-link")));
        assertThat(counter.findElement(By.cssSelector("svg.qr")).isDisplayed()).isTrue();
        assertThat(counter.findElement(By.tagName("main")).getText()).contains("Open this link on your own phone");
        Accessibility.checkAtPhoneAndDesktopWidth(counter, "an approved recovery showing its QR code", "recovery-qr");
        String link = counter.findElement(By.id("recovery-link")).getAttribute("textContent");
        assertThat(link).contains("/recover/");

        // The counter computer is a shared device: the link refuses it, plainly.
        counter.manage().addCookie(new Cookie("latchkey_shared", "1", "/"));
        counter.get(link);
        assertThat(counter.findElement(By.id("recover-refused")).getText()).contains("Open this link on your own phone");
        assertThat(counter.findElements(By.id("recover-create"))).isEmpty();
        Accessibility.checkAtPhoneAndDesktopWidth(counter, "a recovery link refused on a shared device",
                "recovery-link-shared");

        // The customer's own phone: create the passkey; no session comes with it.
        phone.get(link);
        WebDriverWait phoneWait = new WebDriverWait(phone, WAIT);
        assertThat(phone.getPageSource()).doesNotContain(customer);
        Accessibility.checkAtPhoneAndDesktopWidth(phone, "the recovery link on the customer's phone", "recovery-phone");
        phoneWait.until(ExpectedConditions.elementToBeClickable(By.id("recover-create"))).click();
        phoneWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("recover-status"),
                "your new passkey is ready"));
        Accessibility.checkAtPhoneAndDesktopWidth(phone, "the customer's phone after creating the passkey",
                "recovery-phone-done");
        phone.get(Browser.BASE_URL + "/account/security");
        phoneWait.until(ExpectedConditions.urlContains("/signin"));

        // Single use: the link is refused on a second visit.
        phone.get(link);
        assertThat(phone.findElement(By.id("recover-refused")).getText()).contains("already used");
        Accessibility.checkAtPhoneAndDesktopWidth(phone, "a used recovery link", "recovery-link-used");

        // The new passkey signs the customer in.
        signInOnPhone();
        phoneWait.until(ExpectedConditions.urlContains("/account/security"));
        assertThat(phone.getPageSource()).contains(customer);
        assertThat(Database.count("select count(*) from cred_passkey where account_id = cast(? as uuid)", customerId))
                .isEqualTo(2);

        assertThat(GreenMailUtil.getBody(Mailbox.await(SMTP, customer, "A recovery of your account was started")))
                .contains("If this wasn't you");
        assertThat(Database.strings("select action from ins_staff_action where subject = ? and actor_email = ?",
                customerId, AGENT)).contains("RECOVERY_STARTED", "RECOVERY_APPROVED", "RECOVERY_LINK_ISSUED");
    }

    private void signUpAgent(WebDriverWait wait) throws InterruptedException {
        counter.get(Browser.BASE_URL + "/signup");
        counter.findElement(By.id("email")).sendKeys(AGENT);
        counter.findElement(By.id("displayName")).sendKeys("Branch Agent");
        counter.findElement(By.id("signup-button")).click();
        wait.until(ExpectedConditions.urlToBe(Browser.BASE_URL + "/account/confirm-email"));
        counter.findElement(By.id("code")).sendKeys(Mailbox.code(Mailbox.await(SMTP, AGENT, "Confirm your email address")));
        counter.findElement(By.cssSelector("form button.primary")).click();
        wait.until(ExpectedConditions.urlContains("emailConfirmed"));
    }

    /** As in HandoffBrowserIT: autofill may answer before the button is pressed; either signs in with the only passkey. */
    private void signInOnPhone() {
        phone.get(Browser.BASE_URL + "/signin");
        try {
            new WebDriverWait(phone, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("/account/security")
                    || !d.findElements(By.cssSelector("#signin-error:not([hidden])")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                phone.findElement(By.id("passkey-button")).click();
            } catch (org.openqa.selenium.WebDriverException raced) {
                // Autofill answered meanwhile and the page moved on.
            }
        }
    }
}
