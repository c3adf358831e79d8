package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Nudges in two real browser profiles, "phone" and "laptop", each headless Chromium with its own
 * WebDriver virtual authenticator: healing after a hybrid sign-in, Escape as "Not now", and a
 * shared computer that is never prompted.
 *
 * <p>What "hybrid" is here, honestly: no Bluetooth and no QR code. The phone profile makes a real
 * passkey in its own virtual authenticator; the test then reads that credential, private key
 * included, through the WebDriver API ({@code getCredentials}) and puts it into a second virtual
 * authenticator of the laptop profile whose transport is {@code cable} (Chrome's name for hybrid)
 * and which verifies the user. The laptop's browser then reports what it reports after a real QR
 * code sign-in: {@code authenticatorAttachment: "cross-platform"} for a passkey registered with
 * the phone's transports, which is what the server classifies as a passkey from another device
 * (PasskeyLocation). The laptop also has its own platform authenticator, empty until healing.
 */
class NudgeBrowserIT {

    private static final String BASE_URL = System.getProperty("latchkey.it.base-url", "http://localhost:9381");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PHONE_UA = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/156.0.0.0 Mobile Safari/537.36";

    private ChromeDriver phone;
    private ChromeDriver laptop;
    private Path phoneProfile;
    private Path laptopProfile;
    private VirtualAuthenticator phoneKey;
    private VirtualAuthenticator laptopKey;
    private String testName;
    private int shot;

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent()) {
            if (laptop != null) {
                screenshot(laptop, "laptop-FAILED");
                System.err.println("[NudgeBrowserIT] laptop at failure: " + laptop.getCurrentUrl());
            }
            if (phone != null) {
                screenshot(phone, "phone-FAILED");
            }
        }
    };

    @BeforeEach
    void startBrowsers(TestInfo info) throws IOException {
        Chromium.require(NudgeBrowserIT.class);
        testName = info.getTestMethod().orElseThrow().getName();
        phoneProfile = Chromium.newProfile();
        phone = Chromium.start(phoneProfile);
        // The phone profile says it is Chrome on an Android phone (User-Agent and client hints alike).
        phone.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", PHONE_UA,
                "userAgentMetadata", Map.of("platform", "Android", "platformVersion", "14.0.0", "architecture", "",
                        "model", "Pixel 8", "mobile", true,
                        "brands", List.of(Map.of("brand", "Google Chrome", "version", "156")))));
        phoneKey = phone.addVirtualAuthenticator(platformAuthenticator());
        laptopProfile = Chromium.newProfile();
        laptop = Chromium.start(laptopProfile);
        laptopKey = laptop.addVirtualAuthenticator(platformAuthenticator());
    }

    @AfterEach
    void quitBrowsers() throws IOException {
        try {
            Chromium.quit(phone, phoneProfile);
        } finally {
            Chromium.quit(laptop, laptopProfile);
            phone = null;
            laptop = null;
        }
    }

    @Test
    void afterASignInWithThePhonesPasskeyTheLaptopGetsItsOwnAndTheCoverageCardSaysSo() {
        signUpOnPhone("heal-browser-" + UUID.randomUUID() + "@example.com");
        String hybrid = phoneNearLaptop();

        signInOnLaptop();
        WebDriverWait wait = new WebDriverWait(laptop, WAIT);
        wait.until(ExpectedConditions.urlContains("/nudge?d="));
        screenshot(laptop, "interstitial");
        assertThat(laptop.findElement(By.tagName("h1")).getText())
                .isIn("Save a passkey on this computer too", "Sign in here without your phone");
        WebElement create = laptop.findElement(By.cssSelector("button[value=accept]"));
        assertThat(create.getText()).isEqualTo("Create a passkey on this device");
        assertThat(laptop.switchTo().activeElement()).as("the primary action has the focus").isEqualTo(create);
        assertThat(laptop.findElement(By.cssSelector("button[value=not-now]")).getText()).isEqualTo("Not now");
        assertThat(laptop.findElement(By.cssSelector("button[value=dont-ask]")).getText())
                .isEqualTo("Don't ask again on this device");
        assertThat(laptop.findElement(By.linkText("What is a passkey?")).getAttribute("href")).endsWith("/learn/what-is-a-passkey");
        accessible(laptop, "the interstitial");
        phoneOutOfReach(hybrid);

        create.click();
        wait.until(ExpectedConditions.urlToBe(BASE_URL + "/account/passkeys/new"));
        laptop.findElement(By.id("add-passkey-button")).click();
        wait.until(ExpectedConditions.urlContains("/account/security"));
        assertThat(laptopKey.getCredentials()).as("the laptop's own authenticator now holds a passkey").hasSize(1);

        WebElement card = laptop.findElement(By.id("coverage"));
        screenshot(laptop, "coverage-after-healing");
        String covered = card.findElement(By.cssSelector(".coverage-list.covered")).getText();
        assertThat(covered).contains("Chromium on Linux").contains("This device").contains("Chrome on Android");
        assertThat(card.findElements(By.cssSelector(".coverage-list.not-yet"))).isEmpty();
        assertThat(laptop.findElement(By.cssSelector(".sign-ins")).getText())
                .contains("Signed in with a passkey from a phone or tablet, over a QR code, on Chromium on Linux");

        // On a 360 px phone screen the card and its lists fit without sideways scrolling.
        laptop.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
        laptop.executeScript("document.getElementById('coverage').scrollIntoView()");
        screenshot(laptop, "coverage-360px");
        accessible(laptop, "the account page with its coverage card");
    }

    @Test
    void escapeOnTheInterstitialMeansNotNowAndTheUserGoesOnToWhereTheyWereGoing() {
        signUpOnPhone("escape-browser-" + UUID.randomUUID() + "@example.com");
        phoneNearLaptop();
        signInOnLaptop();
        WebDriverWait wait = new WebDriverWait(laptop, WAIT);
        wait.until(ExpectedConditions.urlContains("/nudge?d="));
        String decision = URI.create(laptop.getCurrentUrl()).getQuery().replaceAll("^d=([0-9a-f-]{36}).*$", "$1");
        laptop.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
        screenshot(laptop, "interstitial-360px");
        accessible(laptop, "the interstitial on a 360 px screen");

        new Actions(laptop).sendKeys(Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.urlToBe(BASE_URL + "/account/security"));
        assertThat(Database.strings("select type from ndg_event where decision_id = cast(? as uuid) order by id", decision))
                .containsExactly("SHOWN", "SNOOZED");
        assertThat(laptop.findElement(By.cssSelector(".coverage-list.not-yet")).getText())
                .contains("Chromium on Linux").contains("This device");
    }

    @Test
    void aSharedComputerSignedInWithThePhoneIsNeverPrompted() {
        signUpOnPhone("shared-browser-" + UUID.randomUUID() + "@example.com");
        // Marked first, before the phone is near: the sign-in page's autofill would otherwise sign in at once.
        laptop.get(BASE_URL + "/signin");
        WebDriverWait wait = new WebDriverWait(laptop, WAIT);
        WebElement mark = laptop.findElement(By.cssSelector("form[action='/device/shared'] button"));
        mark.click();
        wait.until(d -> d.getPageSource().contains("This is a shared computer"));
        screenshot(laptop, "signin-shared");
        phoneNearLaptop();

        signInOnLaptop();
        wait.until(ExpectedConditions.urlToBe(BASE_URL + "/account/security"));
        assertThat(laptop.getPageSource()).doesNotContain("data-nudge-card").doesNotContain("/nudge?d=");
        // No account management on the shared computer (issue 14, item 10); the phone's account page names it.
        assertThat(laptop.findElement(By.tagName("h1")).getText()).isEqualTo("Signed in on a shared computer");
        phone.get(BASE_URL + "/account/security");
        assertThat(phone.findElement(By.id("coverage")).getText()).contains("Shared computers, where no passkey is saved");
        assertThat(laptopKey.getCredentials()).as("nothing was saved on the shared computer").isEmpty();
    }

    // ------------------------------------------------------------------ steps

    private static VirtualAuthenticatorOptions platformAuthenticator() {
        return new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true);
    }

    private void signUpOnPhone(String email) {
        WebDriverWait wait = new WebDriverWait(phone, WAIT);
        phone.get(BASE_URL + "/signup");
        phone.findElement(By.id("email")).sendKeys(email);
        phone.findElement(By.id("displayName")).sendKeys("Two Devices");
        phone.findElement(By.id("signup-button")).click();
        wait.until(ExpectedConditions.urlToBe(BASE_URL + "/account/confirm-email"));
        assertThat(phoneKey.getCredentials()).hasSize(1);
    }

    /**
     * The phone comes near the laptop: its passkey becomes reachable from the laptop's browser as
     * a hybrid (caBLE) authenticator. Returns that authenticator's id.
     */
    private String phoneNearLaptop() {
        Credential passkey = phoneKey.getCredentials().get(0);
        Base64.Encoder b64 = Base64.getEncoder();
        laptop.executeCdpCommand("WebAuthn.enable", Map.of("enableUI", false));
        @SuppressWarnings("unchecked")
        Map<String, Object> added = (Map<String, Object>) (Map<?, ?>) laptop.executeCdpCommand(
                "WebAuthn.addVirtualAuthenticator", Map.of("options", Map.of(
                        "protocol", "ctap2", "transport", "cable", "hasResidentKey", true,
                        "hasUserVerification", true, "isUserVerified", true, "automaticPresenceSimulation", true)));
        String id = (String) added.get("authenticatorId");
        laptop.executeCdpCommand("WebAuthn.addCredential", Map.of("authenticatorId", id, "credential", Map.of(
                "credentialId", b64.encodeToString(passkey.getId()),
                "isResidentCredential", true,
                "rpId", passkey.getRpId(),
                "privateKey", b64.encodeToString(passkey.getPrivateKey().getEncoded()),
                "userHandle", b64.encodeToString(passkey.getUserHandle()),
                "signCount", passkey.getSignCount())));
        return id;
    }

    /** The phone goes back into the pocket: only the laptop's own authenticator is left. */
    private void phoneOutOfReach(String hybrid) {
        laptop.executeCdpCommand("WebAuthn.removeVirtualAuthenticator", Map.of("authenticatorId", hybrid));
    }

    /**
     * Signs in on the laptop with the passkey button. (The page's autofill request may answer
     * first, as the virtual authenticators answer at once; either way the same passkey signs in.)
     */
    private void signInOnLaptop() {
        WebDriverWait wait = new WebDriverWait(laptop, WAIT);
        laptop.get(BASE_URL + "/signin");
        try {
            wait.withTimeout(Duration.ofSeconds(3)).until(d -> !URI.create(d.getCurrentUrl()).getPath().equals("/signin"));
        } catch (org.openqa.selenium.TimeoutException stillOnSignIn) {
            laptop.findElement(By.id("passkey-button")).click();
        }
        wait.withTimeout(WAIT).until(d -> !URI.create(d.getCurrentUrl()).getPath().equals("/signin"));
    }

    /**
     * axe-core (bundled, nothing downloaded): no serious or critical WCAG 2.1 A/AA violation, and
     * no sideways scrolling at the window's width.
     */
    private static void accessible(ChromeDriver driver, String what) {
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")).analyze(driver);
        assertThat(results.isErrored()).as("axe ran on %s: %s", what, results.getErrorMessage()).isFalse();
        assertThat(results.getViolations()).as("serious or critical violations on %s", what)
                .filteredOn(r -> List.of("serious", "critical").contains(r.getImpact()))
                .extracting(r -> r.getId() + ": " + r.getHelp()).isEmpty();
        Long overflow = (Long) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("%s scrolls sideways", what).isLessThanOrEqualTo(0L);
    }

    private void screenshot(ChromeDriver driver, String name) {
        Chromium.screenshot(driver, "%s-%02d-%s.png".formatted(testName, ++shot, name));
    }
}
