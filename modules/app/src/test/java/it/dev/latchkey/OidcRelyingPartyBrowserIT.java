package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * A real relying party (Nimbus's client side, {@link NimbusRelyingParty}) signs a person in through
 * Latchkey in headless Chromium with a virtual authenticator: the application sends the person to
 * Latchkey, Latchkey's own sign-in page takes the passkey, the application gets a verified ID token;
 * then the application signs the person out of Latchkey too.
 */
class OidcRelyingPartyBrowserIT {

    private static final String BASE_URL = Browser.BASE_URL;
    private static final int RP_PORT = Integer.getInteger("latchkey.it.rp.port", 9387);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private ChromeDriver driver;
    private Path profile;
    private NimbusRelyingParty intranet;

    @org.junit.jupiter.api.BeforeAll
    static void applicationStarted() throws InterruptedException {
        OidcProviderIT.warmUp();
    }

    @BeforeEach
    void start() throws Exception {
        Chromium.require(OidcRelyingPartyBrowserIT.class);
        intranet = new NimbusRelyingParty(BASE_URL, RP_PORT);
        profile = Chromium.newProfile();
        driver = Chromium.start(profile);
    }

    /**
     * A platform authenticator that verifies the person (a biometric). Without user verification Chromium's
     * virtual authenticator refuses these ceremonies (a platform one hangs, a USB one without a PIN is not
     * offered a discoverable passkey); OidcProviderIT covers that case with webauthn4j's emulator.
     */
    private void authenticator() {
        VirtualAuthenticator authenticator = driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));
        assertThat(authenticator.getCredentials()).isEmpty();
    }

    @AfterEach
    void stop() throws IOException {
        if (driver != null) {
            Chromium.screenshot(driver, "OidcRelyingPartyBrowserIT.png");
        }
        Chromium.quit(driver, profile);
        if (intranet != null) {
            intranet.close();
        }
    }

    @Test
    void anIntranetSignsAPersonInWithTheirPasskeyOnLatchkeysPageAndSignsThemOutAgain() {
        authenticator();
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        String email = signUpAndSignInThroughTheIntranet("intranet");
        // The authenticator verified the person (UV): RFC 8176 mfa on top of the key and the presence test.
        assertThat(driver.findElement(By.id("result")).getText())
                .isEqualTo("Signed in as " + email + " (amr [swk, user, mfa], acr phr)");

        // RP-initiated logout ends the Latchkey session and returns to the intranet.
        driver.get(intranet.base + "/logout");
        wait.until(d -> d.getCurrentUrl().startsWith(intranet.base + "/signed-out"));
        assertThat(driver.getCurrentUrl()).endsWith("state=bye");
        driver.get(BASE_URL + "/account/security");
        wait.until(d -> URI.create(d.getCurrentUrl()).getPath().equals("/signin"));
    }

    /** Signs up on Latchkey, signs out, then signs in through the intranet; returns the address. */
    private String signUpAndSignInThroughTheIntranet(String prefix) {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        String email = Journeys.uniqueEmail(prefix);
        // The person has a Latchkey account with a passkey in this browser, and is signed out.
        driver.get(BASE_URL + "/signup");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("displayName")).sendKeys("Intranet User");
        driver.findElement(By.id("signup-button")).click();
        wait.until(ExpectedConditions.urlToBe(BASE_URL + "/account/confirm-email"));
        driver.manage().deleteCookieNamed("latchkey_session");

        // The intranet sends the person to Latchkey's sign-in page.
        driver.get(intranet.base + "/login");
        wait.until(d -> URI.create(d.getCurrentUrl()).getPath().equals("/signin") || d.getCurrentUrl().startsWith(intranet.base));
        if (URI.create(driver.getCurrentUrl()).getPath().equals("/signin")) {
            try {
                // The page's passkey autofill request may answer first (the virtual authenticator answers at once).
                new WebDriverWait(driver, Duration.ofSeconds(3)).until(d -> d.getCurrentUrl().startsWith(intranet.base));
            } catch (org.openqa.selenium.TimeoutException stillOnSignIn) {
                driver.findElement(By.id("passkey-button")).click();
            }
        }
        wait.until(d -> d.getCurrentUrl().startsWith(intranet.base + "/callback"));
        return email;
    }
}
