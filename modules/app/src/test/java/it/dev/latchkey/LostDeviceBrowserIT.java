package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * "I lost this device" with two Chromium profiles, a laptop and a phone: the phone signs in with the
 * laptop's passkey and then saves one passkey that lives only on it and one that syncs. On the laptop
 * the page shows, before anything changes, that the first goes and the second stays (and where to end
 * it instead); after the report exactly that happened. Axe at 360 and 1280 px on the new page.
 */
class LostDeviceBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private ChromeDriver laptop;
    private ChromeDriver phone;
    private Path laptopProfile;
    private Path phoneProfile;

    @BeforeEach
    void startBrowsers() throws IOException {
        Chromium.require(LostDeviceBrowserIT.class);
        laptopProfile = Chromium.newProfile();
        laptop = Chromium.start(laptopProfile);
        phoneProfile = Chromium.newProfile();
        phone = Chromium.start(phoneProfile);
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
    void thePageShowsWhatGoesAndWhatStaysAndTheReportDoesExactlyThat() {
        WebDriverWait onLaptop = new WebDriverWait(laptop, WAIT);
        WebDriverWait onPhone = new WebDriverWait(phone, WAIT);
        VirtualAuthenticator laptopKey = laptop.addVirtualAuthenticator(deviceBound());
        String email = "lost-browser-" + UUID.randomUUID() + "@example.com";
        laptop.get(Browser.BASE_URL + "/signup");
        laptop.findElement(By.id("email")).sendKeys(email);
        laptop.findElement(By.id("displayName")).sendKeys("Lost Device Tester");
        laptop.findElement(By.id("signup-button")).click();
        // The first request of a run may meet a cold server on a loaded machine: the sign-up gets longer.
        new WebDriverWait(laptop, Duration.ofSeconds(120))
                .until(ExpectedConditions.urlToBe(Browser.BASE_URL + "/account/confirm-email"));
        laptop.findElement(By.linkText("Do this later")).click();
        onLaptop.until(ExpectedConditions.urlToBe(Browser.BASE_URL + "/account/security"));

        // The phone signs in with the laptop's passkey (a copy of it: as if it had reached the phone).
        Credential laptopPasskey = laptopKey.getCredentials().get(0);
        VirtualAuthenticator borrowed = phone.addVirtualAuthenticator(deviceBound());
        borrowed.addCredential(Credential.createResidentCredential(laptopPasskey.getId(), laptopPasskey.getRpId(),
                laptopPasskey.getPrivateKey(), laptopPasskey.getUserHandle(), laptopPasskey.getSignCount()));
        phone.get(Browser.BASE_URL + "/signin");
        onPhone.until(d -> !d.getCurrentUrl().contains("/signin"));
        phone.removeVirtualAuthenticator(borrowed);

        // Then it saves a passkey that lives only on it, and one that syncs.
        VirtualAuthenticator own = phone.addVirtualAuthenticator(deviceBound());
        addPasskey(phone, onPhone);
        phone.removeVirtualAuthenticator(own); // Chrome holds one internal authenticator at a time
        phone.executeCdpCommand("WebAuthn.enable", Map.of("enableUI", false));
        phone.executeCdpCommand("WebAuthn.addVirtualAuthenticator", Map.of("options",
                Map.of("protocol", "ctap2", "transport", "internal", "hasResidentKey", true, "hasUserVerification", true,
                        "isUserVerified", true, "automaticPresenceSimulation", true,
                        "defaultBackupEligibility", true, "defaultBackupState", true)));
        addPasskey(phone, onPhone);

        laptop.get(Browser.BASE_URL + "/account/security");
        assertThat(laptop.findElements(By.cssSelector("li.passkey"))).hasSize(3);
        laptop.findElement(By.cssSelector("a.lost-device")).click();
        onLaptop.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-lost")));
        assertThat(laptop.findElement(By.id("lost-removed-heading")).getText()).isEqualTo("This passkey will be removed");
        assertThat(laptop.findElements(By.cssSelector("#lost-removed li.passkey"))).hasSize(1);
        assertThat(laptop.findElement(By.id("lost-kept-heading")).getText()).isEqualTo("This passkey stays");
        WebElement kept = laptop.findElement(By.cssSelector("#lost-kept li.passkey"));
        assertThat(kept.getText()).contains("It syncs to your other devices")
                .contains("remove that device in the settings of the password manager that syncs it");
        assertThat(laptop.findElement(By.id("confirm-lost")).getText()).isEqualTo("Sign it out and remove this passkey");
        // Told apart by id: both browsers here are "Chromium on Linux", so names may repeat.
        String removedId = laptop.findElement(By.cssSelector("#lost-removed li.passkey")).getAttribute("id")
                .replaceFirst("^remove-", "");
        String keptId = kept.getAttribute("id").replaceFirst("^keep-", "");
        Accessibility.checkAtPhoneAndDesktopWidth(laptop, "the lost-device page", "lost-device-preview");

        laptop.findElement(By.id("confirm-lost")).click();
        onLaptop.until(d -> d.getCurrentUrl().contains("deviceLost") || d.getCurrentUrl().contains("/account/step-up"));
        if (laptop.getCurrentUrl().contains("/account/step-up")) {
            assertThat(laptop.findElement(By.id("stepup-purpose")).getText()).contains("report a device lost");
            laptop.findElement(By.id("stepup-button")).click();
            onLaptop.until(ExpectedConditions.urlContains("deviceLost"));
        }
        assertThat(laptop.findElement(By.cssSelector("p.notice[role=status]")).getText())
                .contains("That device is signed out");
        assertThat(laptop.findElements(By.cssSelector("a.lost-device"))).as("the phone is gone from the list").isEmpty();
        assertThat(laptop.findElements(By.cssSelector("li.passkey"))).extracting(e -> e.getAttribute("id"))
                .contains("passkey-" + keptId).doesNotContain("passkey-" + removedId).hasSize(2);
        Accessibility.checkAtPhoneAndDesktopWidth(laptop, "the account page after a lost device", "lost-device-done");

        phone.get(Browser.BASE_URL + "/account/security");
        onPhone.until(ExpectedConditions.urlContains("/signin"));
    }

    private static void addPasskey(ChromeDriver driver, WebDriverWait wait) {
        driver.get(Browser.BASE_URL + "/account/passkeys/new");
        driver.findElement(By.id("add-passkey-button")).click();
        wait.until(ExpectedConditions.urlContains("passkeyAdded"));
    }

    private static VirtualAuthenticatorOptions deviceBound() {
        return new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true);
    }
}
