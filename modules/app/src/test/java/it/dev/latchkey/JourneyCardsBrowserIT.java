package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * No dead ends, true cards (issue 14, items 5 and 6), with two Chromium profiles: a laptop whose
 * passkey lives only on it, and an Android phone that signs in with an email code. The phone is not
 * sent to "Create a passkey on this device" (its step-up would need the laptop's passkey, which a
 * computer cannot lend over a QR code): it is told to add one from the laptop with a link, or to use
 * a recovery code. The phone's account page offers neither "Add a passkey on this device" nor
 * "Add a passkey on your phone"; the laptop, already covered, is not offered a second passkey there.
 * "Confirm it's you", reached anyway on the phone, names the laptop and leads with the link. Axe at 360 and
 * 1280 px on each new page state; screenshots under target/screenshots.
 */
class JourneyCardsBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PHONE_UA = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/156.0.0.0 Mobile Safari/537.36";

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private ChromeDriver laptop;
    private ChromeDriver phone;
    private Path laptopProfile;
    private Path phoneProfile;

    @BeforeEach
    void startBrowsers() throws IOException {
        Chromium.require(JourneyCardsBrowserIT.class);
        laptopProfile = Chromium.newProfile();
        laptop = Chromium.start(laptopProfile);
        phoneProfile = Chromium.newProfile();
        phone = Chromium.start(phoneProfile);
        phone.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", PHONE_UA,
                "userAgentMetadata", Map.of("platform", "Android", "platformVersion", "14.0.0", "architecture", "",
                        "model", "Pixel 8", "mobile", true,
                        "brands", List.of(Map.of("brand", "Google Chrome", "version", "156")))));
    }

    @AfterEach
    void quitBrowsers() throws IOException {
        try {
            Chromium.quit(laptop, laptopProfile);
        } finally {
            Chromium.quit(phone, phoneProfile);
        }
    }

    @Test
    void aPhoneWhosePasskeyLivesOnlyOnTheLaptopIsOfferedWhatWorks() throws Exception {
        WebDriverWait onLaptop = new WebDriverWait(laptop, WAIT);
        WebDriverWait onPhone = new WebDriverWait(phone, WAIT);
        laptop.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));
        String email = "dead-end-" + UUID.randomUUID() + "@example.com";
        laptop.get(Browser.BASE_URL + "/signup");
        laptop.findElement(By.id("email")).sendKeys(email);
        laptop.findElement(By.id("displayName")).sendKeys("Dead End Tester");
        laptop.findElement(By.id("signup-button")).click();
        // The first request of a run may meet a cold server on a loaded machine: the sign-up gets longer.
        new WebDriverWait(laptop, Duration.ofSeconds(120))
                .until(ExpectedConditions.urlToBe(Browser.BASE_URL + "/account/confirm-email"));
        laptop.findElement(By.id("code")).sendKeys(Mailbox.code(Mailbox.await(SMTP, email, "Confirm your email address")));
        laptop.findElement(By.cssSelector("form button.primary")).click();
        onLaptop.until(ExpectedConditions.urlContains("/account/security"));
        assertThat(laptop.findElements(By.id("add-here-link")))
                .as("the laptop holds the account's passkey: a second one there would be refused").isEmpty();
        String laptopLabel = laptop.findElements(By.cssSelector("li.device")).stream()
                .filter(d -> !d.findElements(By.cssSelector(".badge")).isEmpty()).findFirst().orElseThrow()
                .findElement(By.tagName("strong")).getText();

        // The phone signs in with an email code.
        phone.get(Browser.BASE_URL + "/signin");
        phone.findElement(By.id("username")).sendKeys(email + "\n");
        onPhone.until(ExpectedConditions.elementToBeClickable(By.id("email-code-button"))).click();
        onPhone.until(ExpectedConditions.urlContains("/signin/code"));
        phone.findElement(By.id("code")).sendKeys(Mailbox.code(Mailbox.await(SMTP, email, "sign-in code")));
        phone.findElement(By.cssSelector("form[action='/signin/code'] button[type=submit]")).click();
        onPhone.until(ExpectedConditions.urlContains("/nudge?d="));

        assertThat(phone.findElement(By.tagName("h1")).getText()).isEqualTo("Add a passkey here from your computer");
        String says = phone.findElement(By.id("main")).getText();
        assertThat(says).contains("Your passkey is only on " + laptopLabel).contains("No Bluetooth? Use a link instead")
                .contains("recovery code");
        assertThat(phone.findElements(By.cssSelector("button")).stream().map(WebElement::getText))
                .as("no 'Create a passkey on this device' that would end in a step-up this phone cannot complete")
                .noneMatch(label -> label.contains("Create"));
        WebElement gotIt = phone.findElement(By.cssSelector("button.primary"));
        assertThat(gotIt.getText()).isEqualTo("Got it");
        assertThat(phone.findElement(By.cssSelector("button[value=accept]")).getText()).isEqualTo("Use a recovery code");
        Accessibility.checkAtPhoneAndDesktopWidth(phone, "the interstitial on a phone with no way to step up",
                "journey-cards-phone-interstitial");

        phone.findElement(By.cssSelector("button.primary")).click();
        onPhone.until(ExpectedConditions.urlToBe(Browser.BASE_URL + "/account/security"));
        assertThat(phone.findElements(By.id("add-here-link")))
                .as("'Add a passkey on this device' would end in the same step-up").isEmpty();
        assertThat(phone.findElements(By.id("add-on-phone-link"))).as("no 'Add a passkey on your phone' on the phone")
                .isEmpty();
        String notYet = phone.findElement(By.cssSelector(".coverage-list.not-yet")).getText();
        assertThat(notYet).contains("This device").contains("No Bluetooth? Use a link instead")
                .doesNotContain("Add a passkey on this device");
        Accessibility.checkAtPhoneAndDesktopWidth(phone, "the account page on a phone with no way to step up",
                "journey-cards-phone-account");

        // Reached anyway (a bookmark, an old link), "Confirm it's you" on the phone leads with what works there.
        phone.get(Browser.BASE_URL + "/account/step-up?next=%2Faccount%2Fpasskeys%2Fnew&for=add-passkey");
        String stepUp = phone.findElement(By.id("main")).getText();
        assertThat(stepUp).contains("Your passkey is not on this device").contains("Your passkey is only on " + laptopLabel)
                .contains("No Bluetooth? Use a link instead");
        assertThat(phone.findElements(By.id("stepup-anyway"))).as("the passkey prompt stays behind 'anyway'").isNotEmpty();
        assertThat(phone.findElements(By.id("stepup-recovery"))).as("no unused recovery code: none offered").isEmpty();
        Accessibility.checkAtPhoneAndDesktopWidth(phone, "the step-up page on a phone whose passkey is elsewhere",
                "journey-cards-phone-step-up");
    }
}
