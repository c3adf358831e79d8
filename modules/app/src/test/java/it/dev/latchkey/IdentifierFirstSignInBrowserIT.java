package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;

/**
 * The identifier-first sign-in (issue 14, item 2): one email field with passkey autofill and "Continue", then the
 * ways to sign in, the same page whatever the address; the recovery code on a page of its own; {@code next} kept
 * throughout. Headless Chromium with a virtual authenticator; axe at 360 and 1280 px on each page.
 */
class IdentifierFirstSignInBrowserIT {

    private static final String BASE_URL = Browser.BASE_URL;

    private Chromium.Device device;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private VirtualAuthenticator authenticator;

    @BeforeEach
    void startBrowser() throws IOException {
        device = Chromium.Device.open(IdentifierFirstSignInBrowserIT.class);
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
    void anAddressThenContinueThenThePasskeySignsInAndReturnsToNext() {
        String email = Journeys.uniqueEmail("idfirst");
        device.signUp(email, "Identifier First");
        driver.findElement(By.linkText("Do this later")).click();
        wait.until(ExpectedConditions.urlToBe(BASE_URL + "/account/security"));

        // Nobody touches the authenticator while the pages load: autofill stays pending, as for a person who has
        // not picked a suggestion.
        presence(false);
        driver.findElement(By.cssSelector("header form.signout button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/signin?signedOut"));
        driver.get(BASE_URL + "/signin?next=" + URLEncoder.encode("/account/recovery-codes", StandardCharsets.UTF_8));
        assertThat(driver.findElements(By.cssSelector("input[type=email]"))).as("one email field").hasSize(1);
        assertThat(driver.findElements(By.cssSelector("input[name=code]"))).as("no recovery-code form here").isEmpty();
        Accessibility.checkAtPhoneAndDesktopWidth(driver, "the sign-in page", "identifier-first-01-signin");

        driver.findElement(By.id("username")).sendKeys(email, Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signin-as")));
        assertThat(driver.getCurrentUrl()).as("the address stays out of the URL").doesNotContain("idfirst");
        assertThat(driver.findElement(By.id("signin-as")).getText()).contains(email);
        Accessibility.checkAtPhoneAndDesktopWidth(driver, "the ways to sign in", "identifier-first-02-choices");

        presence(true);
        driver.findElement(By.id("passkey-button")).click();
        wait.until(ExpectedConditions.urlToBe(BASE_URL + "/account/recovery-codes"));
        assertThat(driver.manage().getCookieNamed("latchkey_session")).isNotNull();
    }

    @Test
    void theRecoveryCodeHasAPageOfItsOwnReachedFromTheChoices() {
        driver.get(BASE_URL + "/signin?next=" + URLEncoder.encode("/account/security", StandardCharsets.UTF_8));
        driver.findElement(By.id("username")).sendKeys(Journeys.uniqueEmail("lost"), Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recovery-link"))).click();
        wait.until(ExpectedConditions.urlContains("/signin/recovery"));
        assertThat(URI.create(driver.getCurrentUrl()).getPath()).isEqualTo("/signin/recovery");
        assertThat(driver.findElement(By.id("recovery-code")).isDisplayed()).isTrue();
        Accessibility.checkAtPhoneAndDesktopWidth(driver, "the recovery-code page", "identifier-first-03-recovery");

        driver.findElement(By.id("recovery-email")).sendKeys("nobody@example.com");
        driver.findElement(By.id("recovery-code")).sendKeys("AAAA-BBBB-CCCC", Keys.ENTER);
        // The form posts and the page comes back: an element read just before the new page arrives is stale.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !d.findElement(By.id("recovery-error")).getText().isBlank());
        assertThat(driver.findElement(By.id("recovery-email")).getDomProperty("value")).isEqualTo("nobody@example.com");
        Accessibility.checkAtPhoneAndDesktopWidth(driver, "the refused recovery code", "identifier-first-04-recovery-refused");
    }

    @Test
    void theChoicesAreTheSameWhetherOrNotAnAccountUsesTheAddress() {
        String known = Journeys.uniqueEmail("known");
        Journeys.signUp(new Browser(), new Authenticator(), known);
        String unknown = Journeys.uniqueEmail("unknown");

        Browser browser = new Browser();
        browser.get("/signin");
        HttpResponse<String> forKnown = browser.postForm("/signin/continue", "email=" + encode(known) + "&next=%2Fx");
        HttpResponse<String> forUnknown = browser.postForm("/signin/continue", "email=" + encode(unknown) + "&next=%2Fx");
        assertThat(forKnown.statusCode()).isEqualTo(200).isEqualTo(forUnknown.statusCode());
        assertThat(forKnown.body().replace(known, "ADDRESS")).isEqualTo(forUnknown.body().replace(unknown, "ADDRESS"));
        assertThat(forKnown.body()).contains("action=\"/signin/email\"").contains("action=\"/signin/password\"")
                .contains("/signin/recovery?next=/x").contains("name=\"next\" value=\"/x\"");

        HttpResponse<String> notAnAddress = browser.postForm("/signin/continue", "email=not-an-address");
        assertThat(notAnAddress.statusCode()).isEqualTo(422);
        assertThat(notAnAddress.body()).contains("Enter the email address of your account")
                .containsPattern("id=\"username\"[^>]*aria-invalid=\"true\"");
        assertThat(browser.get("/signin/continue").statusCode()).as("a GET goes back to the first step").isEqualTo(302);
    }

    private void presence(boolean touched) {
        driver.executeCdpCommand("WebAuthn.setAutomaticPresenceSimulation",
                Map.of("authenticatorId", authenticator.getId(), "enabled", touched));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
