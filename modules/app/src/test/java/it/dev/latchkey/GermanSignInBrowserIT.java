package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;

/**
 * Issue 14, item 8, in a real browser: a person switches the header to Deutsch with the keyboard alone, signs up
 * with a passkey and signs in again with it, every page on the way in German, the script's texts too; axe at 360
 * and 1280 px on the German sign-in page and its choices.
 */
class GermanSignInBrowserIT {

    private static final String BASE_URL = Browser.BASE_URL;

    private Chromium.Device device;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private VirtualAuthenticator authenticator;

    @BeforeEach
    void startBrowser() throws IOException {
        device = Chromium.Device.open(GermanSignInBrowserIT.class);
        driver = device.driver();
        wait = device.await();
        authenticator = device.authenticator();
    }

    @AfterEach
    void quitBrowser() throws IOException {
        if (device != null) {
            device.close();
        }
    }

    @Test
    void switchingToGermanWithTheKeyboardThenSigningUpAndInWithAPasskey() {
        // Nobody touches the authenticator while the sign-in page loads: its autofill request stays pending.
        presence(false);
        driver.get(BASE_URL + "/signin");
        assertThat(lang()).isEqualTo("en");

        // Tab to the switcher's "Deutsch" and press Enter: no mouse needed.
        WebElement deutsch = null;
        for (int i = 0; i < 12 && deutsch == null; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement focused = driver.switchTo().activeElement();
            if ("de".equals(focused.getDomAttribute("lang")) && "button".equals(focused.getTagName())) {
                deutsch = focused;
            }
        }
        assertThat(deutsch).as("the switcher's Deutsch button is reached with Tab").isNotNull();
        assertThat(deutsch.getText()).isEqualTo("Deutsch");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        wait.until(d -> "de".equals(lang()));
        assertThat(driver.getCurrentUrl()).isEqualTo(BASE_URL + "/signin");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Anmelden");
        assertThat(driver.findElement(By.id("passkey-button")).getText()).isEqualTo("Mit einem Passkey anmelden");
        assertThat(driver.findElement(By.id("passkey-help-link")).getText()).isEqualTo("Was ist ein Passkey?");
        assertThat(driver.findElement(By.cssSelector(".current-language")).getText()).isEqualTo("Deutsch");
        assertThat((String) driver.executeScript("return document.getElementById('ui-texts').dataset.cancelledGet"))
                .startsWith("Die Anmeldung wurde abgebrochen");
        Accessibility.checkAtPhoneAndDesktopWidth(driver, "the German sign-in page", "german-01-signin");

        // Sign up in German with the browser's passkey.
        String email = Journeys.uniqueEmail("deutsch");
        driver.get(BASE_URL + "/signup");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Konto erstellen");
        assertThat(driver.findElement(By.id("signup-button")).getText()).isEqualTo("Konto und Passkey erstellen");
        presence(true);
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("displayName")).sendKeys("Erika Mustermann");
        driver.findElement(By.id("signup-button")).click();
        wait.until(ExpectedConditions.urlToBe(BASE_URL + "/account/confirm-email"));
        assertThat(lang()).isEqualTo("de");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("E-Mail-Adresse bestätigen");
        Chromium.screenshot(driver, "german-02-confirm-email.png");

        // Sign out, then in again with the passkey: the address, "Weiter", then "Passkey verwenden".
        driver.findElement(By.linkText("Später erledigen")).click();
        wait.until(ExpectedConditions.urlToBe(BASE_URL + "/account/security"));
        presence(false);
        driver.findElement(By.cssSelector("header form.signout button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/signin?signedOut"));
        assertThat(driver.findElement(By.cssSelector("main [role=status]")).getText()).isEqualTo("Sie haben sich abgemeldet.");

        driver.findElement(By.id("username")).sendKeys(email, Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signin-as")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Wählen Sie, wie Sie sich anmelden");
        assertThat(driver.findElement(By.id("signin-as")).getText()).startsWith("Anmeldung als").contains(email);
        Accessibility.checkAtPhoneAndDesktopWidth(driver, "the German ways to sign in", "german-03-choices");
        presence(true);
        driver.findElement(By.id("passkey-button")).click();
        wait.until(ExpectedConditions.urlToBe(BASE_URL + "/account/security"));
        assertThat(driver.manage().getCookieNamed("latchkey_session")).isNotNull();
        // The account pages are translated elsewhere; the header's switcher already says Deutsch there.
        assertThat(driver.findElement(By.cssSelector("header .current-language")).getText()).isEqualTo("Deutsch");
    }

    private String lang() {
        return driver.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    private void presence(boolean touched) {
        driver.executeCdpCommand("WebAuthn.setAutomaticPresenceSimulation",
                Map.of("authenticatorId", authenticator.getId(), "enabled", touched));
    }
}
