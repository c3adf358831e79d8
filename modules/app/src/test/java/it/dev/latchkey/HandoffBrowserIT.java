package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The link handoff in two headless Chromium profiles, each with its own virtual authenticator:
 * "laptop" (signed in) shows the QR code and the link; "phone" (never signed in) opens the link,
 * creates a passkey and shows the pairing code; the code typed on the laptop makes the phone's
 * passkey work. Also: a wrong code refused three times drops it, and an expired link is refused.
 */
class HandoffBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Chromium.Device laptopDevice;
    private Chromium.Device phoneDevice;
    private ChromeDriver laptop;
    private ChromeDriver phone;

    @BeforeEach
    void startBrowsers() throws IOException {
        laptopDevice = Chromium.Device.open(HandoffBrowserIT.class);
        phoneDevice = Chromium.Device.open(HandoffBrowserIT.class);
        laptop = laptopDevice.driver();
        phone = phoneDevice.driver();
    }

    @AfterEach
    void quitBrowsers() throws IOException {
        try {
            if (phoneDevice != null) {
                phoneDevice.close();
            }
        } finally {
            if (laptopDevice != null) {
                laptopDevice.close();
            }
        }
    }

    @Test
    void thePhonesPasskeyMadeThroughTheLinkSignsInOnceTheCodeIsTypedOnTheLaptop() {
        String email = Journeys.uniqueEmail("handoff-browser");
        signUpOnLaptop(email);
        String link = showLink();

        phone.get(link);
        assertThat(phone.getPageSource()).doesNotContain(email);
        String code = createPasskeyOnPhone();
        Chromium.screenshot(phone, "handoff-phone-code.png");

        typeCodeOnLaptop(code);
        new WebDriverWait(laptop, WAIT).until(ExpectedConditions.urlContains("/account/security?passkeyAdded"));
        new WebDriverWait(phone, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("handoff-status"),
                "your passkey is ready on this device"));

        // The phone signs in with the passkey it holds (its authenticator holds nothing else).
        signInOnPhone();
        new WebDriverWait(phone, WAIT).until(ExpectedConditions.urlContains("/account/security"));
        assertThat(phone.findElements(By.cssSelector("li.passkey"))).hasSize(2);
    }

    @Test
    void aWrongPairingCodeIsRefusedAndTheThirdDropsThePhonesPasskey() {
        signUpOnLaptop(Journeys.uniqueEmail("handoff-wrong-browser"));
        phone.get(showLink());
        String code = createPasskeyOnPhone();
        String wrong = code.equals("000000") ? "999999" : "000000";

        typeCodeOnLaptop(wrong);
        assertThat(new WebDriverWait(laptop, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("handoff-error"))).getText()).contains("does not match").contains("2 tries left");
        typeCodeOnLaptop(wrong);
        typeCodeOnLaptop(wrong);
        assertThat(new WebDriverWait(laptop, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("handoff-error"))).getText()).contains("the new passkey was removed");
        Chromium.screenshot(laptop, "handoff-laptop-wrong-code.png");
        new WebDriverWait(phone, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("handoff-error"),
                "this passkey was removed"));

        signInOnPhone();
        assertThat(new WebDriverWait(phone, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("signin-error"))).getText()).contains("not registered");
    }

    @Test
    void anExpiredLinkIsRefusedOnThePhone() {
        signUpOnLaptop(Journeys.uniqueEmail("handoff-expired-browser"));
        String link = showLink();
        String id = laptop.findElement(By.cssSelector("input[name=h]")).getAttribute("value");
        HandoffIT.age(new HandoffIT.Link("", id));

        phone.get(link);
        assertThat(phone.findElement(By.id("handoff-refused")).getText()).contains("This link has expired");
        assertThat(phone.findElements(By.id("handoff-create"))).isEmpty();
        Chromium.screenshot(phone, "handoff-phone-expired.png");
    }

    // ------------------------------------------------------------------ steps

    private void signUpOnLaptop(String email) {
        WebDriverWait wait = new WebDriverWait(laptop, WAIT);
        laptop.get(Browser.BASE_URL + "/signup");
        laptop.findElement(By.id("email")).sendKeys(email);
        laptop.findElement(By.id("displayName")).sendKeys("Test User");
        laptop.findElement(By.id("signup-button")).click();
        wait.until(ExpectedConditions.urlToBe(Browser.BASE_URL + "/account/confirm-email"));
        laptop.findElement(By.linkText("Do this later")).click();
        wait.until(ExpectedConditions.urlToBe(Browser.BASE_URL + "/account/security"));
    }

    /** From the account page's coverage card, as a user would go. */
    private String showLink() {
        WebDriverWait wait = new WebDriverWait(laptop, WAIT);
        laptop.findElement(By.id("handoff-link")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("handoff-start"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("handoff-short-link")));
        assertThat(laptop.findElement(By.cssSelector("svg.qr")).isDisplayed()).isTrue();
        Chromium.screenshot(laptop, "handoff-laptop-qr.png");
        return laptop.findElement(By.id("handoff-link")).getAttribute("textContent");
    }

    /**
     * "Sign in with a passkey" on the phone. The virtual authenticator may answer the page's passkey
     * autofill request before the button is pressed (it has one passkey and needs no touch); either
     * request signs in with the only passkey the phone holds.
     */
    private void signInOnPhone() {
        phone.get(Browser.BASE_URL + "/signin");
        try {
            new WebDriverWait(phone, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("/account/security")
                    || !d.findElements(By.cssSelector("#signin-error:not([hidden])")).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                phone.findElement(By.id("passkey-button")).click();
            } catch (org.openqa.selenium.WebDriverException raced) {
                // Autofill answered meanwhile and the page moved on; the caller checks where it went.
            }
        }
    }

    private String createPasskeyOnPhone() {
        WebDriverWait wait = new WebDriverWait(phone, WAIT);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("handoff-create"))).click();
        wait.until(d -> d.findElement(By.id("handoff-code")).getText().matches("[0-9]{6}"));
        return phone.findElement(By.id("handoff-code")).getText();
    }

    private void typeCodeOnLaptop(String code) {
        WebDriverWait wait = new WebDriverWait(laptop, WAIT);
        var field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pairing-code")));
        field.clear();
        field.sendKeys(code);
        laptop.findElement(By.id("pairing-submit")).click();
        wait.until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
    }
}
