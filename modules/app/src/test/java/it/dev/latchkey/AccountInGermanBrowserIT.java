package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;

/**
 * The account side in German in a real browser (issue 14, item 8): the reader picks "Deutsch" in the
 * header once, then the account page, adding a passkey (with the tip on where it was saved) and
 * "I lost this device" (with its tip) speak German; axe at 360 and 1280 px on the German account page
 * and lost-device page.
 */
class AccountInGermanBrowserIT {

    @Test
    void theAccountPageAndAddingAPasskeyAndTheLostDevicePageInGerman() throws IOException {
        try (Chromium.Device laptop = Chromium.Device.open(AccountInGermanBrowserIT.class);
             Chromium.Device phone = Chromium.Device.open(AccountInGermanBrowserIT.class)) {
            ChromeDriver driver = laptop.driver();
            WebDriverWait wait = laptop.await();
            // The header's language switcher: the choice holds for every later page.
            driver.get(Browser.BASE_URL + "/signup");
            driver.findElement(By.cssSelector("form.language-switch button[value='de']")).click();
            // (The sign-up page itself may not be translated yet: the header says which language is chosen.)
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("span.current-language[lang='de']")));
            laptop.signUp("deutsch-" + UUID.randomUUID() + "@example.com", "Erika Mustermann");
            Credential first = laptop.authenticator().getCredentials().get(0);

            driver.get(Browser.BASE_URL + "/account/security");
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sicherheit");
            assertThat(driver.findElement(By.id("passkeys-heading")).getText()).isEqualTo("Ihre Passkeys");
            assertThat(driver.findElements(By.cssSelector("li.passkey a.help-link")).get(0).getText())
                    .isEqualTo("Was ist ein Passkey?");
            assertThat(driver.findElement(By.id("tip-all-passkeys-on-one-device")).getText())
                    .contains("Alle Ihre Passkeys liegen auf einem Gerät");
            Accessibility.checkAtPhoneAndDesktopWidth(driver, "the German account page", "account-de");

            // Add a passkey (another authenticator: the first is excluded), then the page says where it went.
            driver.removeVirtualAuthenticator(laptop.authenticator());
            Chromium.addPlatformAuthenticator(driver);
            driver.get(Browser.BASE_URL + "/account/passkeys/new");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Passkey hinzufügen");
            assertThat(driver.findElement(By.id("add-passkey-button")).getText()).isEqualTo("Auf diesem Gerät");
            assertThat(driver.findElement(By.id("tip-before-creating-a-passkey")).getText()).contains("Was jetzt passiert");
            driver.findElement(By.id("add-passkey-button")).click();
            wait.until(ExpectedConditions.urlContains("passkeyAdded"));
            assertThat(driver.findElement(By.cssSelector("#passkeys .notice")).getText())
                    .isEqualTo("Ihr neuer Passkey ist bereit.");
            assertThat(driver.findElement(By.id("tip-saved-on-one-device")).getText())
                    .contains("Dieser Passkey bleibt auf diesem Gerät");
            assertThat(driver.findElements(By.cssSelector("li.passkey"))).hasSize(2);

            // A second device: the phone signs in with a copy of the laptop's passkey.
            signInWithCopyOf(phone, first);

            driver.get(Browser.BASE_URL + "/account/security");
            driver.findElement(By.cssSelector("a.lost-device")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-lost")));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
            assertThat(driver.findElement(By.id("lost-signed-out")).getText())
                    .isEqualTo("Es wird sofort von Ihrem Konto abgemeldet.");
            assertThat(driver.findElement(By.id("confirm-lost")).getText()).isEqualTo("Gerät abmelden");
            assertThat(driver.findElement(By.id("tip-lost-device")).getText()).contains("Telefon verloren?");
            Accessibility.checkAtPhoneAndDesktopWidth(driver, "the German lost-device page", "lost-device-de");
        }
    }

    /** Signs in on {@code phone} with a copy of the laptop's passkey. */
    private static void signInWithCopyOf(Chromium.Device phone, Credential passkey) {
        VirtualAuthenticator phoneKey = phone.authenticator();
        phoneKey.addCredential(Credential.createResidentCredential(passkey.getId(), passkey.getRpId(),
                passkey.getPrivateKey(), passkey.getUserHandle(), passkey.getSignCount()));
        phone.driver().get(Browser.BASE_URL + "/signin");
        new WebDriverWait(phone.driver(), Duration.ofSeconds(90)).until(d -> !d.getCurrentUrl().contains("/signin"));
    }
}
