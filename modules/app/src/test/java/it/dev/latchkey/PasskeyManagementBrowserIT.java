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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Passkey cards in a real browser with virtual authenticators: a synced passkey (backup eligible
 * and backed up, set through the DevTools protocol) and a device-bound one show the right words, a
 * passkey whose AAGUID is on no list is named after the device, the last way in is not removed, and
 * the page makes the Signal API calls with the right arguments. A recorder injected before any page
 * script wraps {@code PublicKeyCredential.signal*} and keeps each call's arguments in sessionStorage
 * (then calls the browser's own method).
 */
class PasskeyManagementBrowserIT {

    private static final String BASE_URL = System.getProperty("latchkey.it.base-url", "http://localhost:9381");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String RECORDER = """
            (() => {
              if (!location.protocol.startsWith('http') || typeof window.PublicKeyCredential !== 'function') return;
              for (const name of ['signalAllAcceptedCredentials', 'signalCurrentUserDetails', 'signalUnknownCredential']) {
                const original = PublicKeyCredential[name];
                if (typeof original !== 'function') continue;
                PublicKeyCredential[name] = function (options) {
                  const calls = JSON.parse(sessionStorage.getItem('latchkey.it.signals') || '[]');
                  calls.push({ name, page: location.pathname + location.search, options: JSON.parse(JSON.stringify(options)) });
                  sessionStorage.setItem('latchkey.it.signals', JSON.stringify(calls));
                  return original.call(PublicKeyCredential, options);
                };
              }
            })();
            """;

    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path profile;
    private String testName;
    private int shot;

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && driver != null) {
            screenshot("FAILED");
            System.err.println("[PasskeyManagementBrowserIT] at failure: url=" + driver.getCurrentUrl()
                    + " signals=" + driver.executeScript("return sessionStorage.getItem('latchkey.it.signals')"));
        }
    };

    @BeforeEach
    void startBrowser(TestInfo info) throws IOException {
        Chromium.require(PasskeyManagementBrowserIT.class);
        testName = info.getTestMethod().orElseThrow().getName();
        profile = Chromium.newProfile();
        driver = Chromium.start(profile);
        wait = new WebDriverWait(driver, WAIT);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
    }

    @AfterEach
    void quitBrowser() throws IOException {
        Chromium.quit(driver, profile);
        driver = null;
    }

    @Test
    void aSyncedPasskeySaysItSyncsAndTheLastWayInIsNotRemoved() {
        driver.executeCdpCommand("WebAuthn.enable", Map.of("enableUI", false));
        String authenticatorId = (String) driver.executeCdpCommand("WebAuthn.addVirtualAuthenticator", Map.of("options",
                Map.of("protocol", "ctap2", "transport", "internal", "hasResidentKey", true, "hasUserVerification", true,
                        "isUserVerified", true, "automaticPresenceSimulation", true,
                        "defaultBackupEligibility", true, "defaultBackupState", true))).get("authenticatorId");
        String email = "synced-" + UUID.randomUUID() + "@example.com";
        signUp(email, "Synced Tester");

        WebElement card = driver.findElement(By.cssSelector("li.passkey"));
        assertThat(card.getAttribute("data-storage")).isEqualTo("synced");
        assertThat(card.findElement(By.cssSelector(".where")).getText()).isEqualTo("Syncs across your devices");
        assertThat(card.findElement(By.cssSelector(".passkey-name")).getText())
                .as("the virtual authenticator's AAGUID is on no list: named after this device")
                .isEqualTo("Passkey on " + thisDeviceLabel());
        // No provider icon: a generic passkey icon, not a blank circle (issue 14, item 7).
        assertThat(card.findElement(By.cssSelector("img.provider-icon.generic")).getAttribute("src"))
                .endsWith("/static/img/passkey.svg");
        assertThat(((Number) driver.executeScript("return arguments[0].naturalWidth",
                card.findElement(By.cssSelector("img.provider-icon.generic")))).intValue()).as("the icon loads").isPositive();
        // Devices are told apart by when they were first seen too.
        assertThat(driver.findElement(By.cssSelector("li.device .hint")).getText()).startsWith("First seen").contains("last seen");
        screenshot("synced-card");

        String credentialId = cdpCredentialId(authenticatorId);
        Map<String, Object> all = awaitSignal("signalAllAcceptedCredentials", "/account/security");
        assertThat(all).containsEntry("rpId", URI.create(BASE_URL).getHost());
        assertThat((String) all.get("userId")).isNotBlank();
        assertThat(all.get("allAcceptedCredentialIds")).isEqualTo(List.of(credentialId));

        // The address is not confirmed, so this passkey is the only way in: removing it is refused.
        card.findElement(By.cssSelector("a.remove-passkey")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-remove"))).click();
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".passkey-problem")));
        assertThat(problem.getText()).contains("This passkey is the only way into your account, so it cannot be removed.")
                .contains("add another passkey");
        assertThat(driver.findElements(By.cssSelector("li.passkey"))).hasSize(1);
        screenshot("last-way-in-refused");
    }

    @Test
    void aDeviceBoundPasskeyIsOnlyOnThisDeviceAndSignalsFollowChanges() {
        VirtualAuthenticator first = deviceBoundAuthenticator();
        String email = "bound-" + UUID.randomUUID() + "@example.com";
        signUp(email, "Bound Tester");
        WebElement card = driver.findElement(By.cssSelector("li.passkey"));
        assertThat(card.getAttribute("data-storage")).isEqualTo("device-bound");
        assertThat(card.findElement(By.cssSelector(".where")).getText()).isEqualTo("Only on this device");
        String firstId = b64url(first.getCredentials().get(0).getId());

        driver.get(BASE_URL + "/account/security?detailsChanged");
        Map<String, Object> details = awaitSignal("signalCurrentUserDetails", "/account/security?detailsChanged");
        assertThat(details).containsEntry("rpId", URI.create(BASE_URL).getHost()).containsEntry("name", email)
                .containsEntry("displayName", "Bound Tester");
        assertThat((String) details.get("userId")).isNotBlank();
        assertThat(signals()).as("no details signal without the flag").filteredOn("name", "signalCurrentUserDetails").hasSize(1);

        // A second passkey from another authenticator, then the first is removed on its card.
        driver.removeVirtualAuthenticator(first);
        VirtualAuthenticator second = deviceBoundAuthenticator();
        driver.get(BASE_URL + "/account/passkeys/new");
        driver.findElement(By.id("add-passkey-button")).click();
        wait.until(ExpectedConditions.urlContains("passkeyAdded"));
        assertThat(driver.findElements(By.cssSelector("li.passkey"))).hasSize(2);
        String secondId = b64url(second.getCredentials().get(0).getId());

        driver.findElements(By.cssSelector("li.passkey")).get(0).findElement(By.cssSelector("a.remove-passkey")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-remove"))).click();
        wait.until(ExpectedConditions.urlContains("passkeyRemoved"));
        assertThat(driver.findElements(By.cssSelector("li.passkey"))).hasSize(1);
        Map<String, Object> after = awaitSignal("signalAllAcceptedCredentials", "/account/security?passkeyRemoved");
        assertThat(after.get("allAcceptedCredentialIds")).as("the complete list after the removal")
                .isEqualTo(List.of(secondId));
        assertThat(firstId).isNotEqualTo(secondId);
        screenshot("after-removal");
    }

    @Test
    void aSignInWithAPasskeyTheServerDoesNotKnowSignalsItAsUnknown() {
        VirtualAuthenticator authenticator = deviceBoundAuthenticator();
        String email = "unknown-" + UUID.randomUUID() + "@example.com";
        signUp(email, "Unknown Tester");
        String credentialId = b64url(authenticator.getCredentials().get(0).getId());
        // Removed elsewhere (another browser, an operator): the authenticator still holds it.
        Database.execute("delete from cred_passkey where account_id = (select id from idn_account where pending_email = ?)",
                email);
        driver.findElement(By.cssSelector("header form.signout button[type=submit]")).click();
        // The virtual authenticator answers the sign-in page's passkey autofill request at once.
        wait.until(ExpectedConditions.urlContains("/signin"));

        Map<String, Object> unknown = awaitSignal("signalUnknownCredential", null);
        assertThat(signals()).filteredOn("name", "signalUnknownCredential").hasSize(1);
        assertThat(unknown).isEqualTo(Map.of("rpId", URI.create(BASE_URL).getHost(), "credentialId", credentialId));
        assertThat(signals()).as("the sign-in page signals nothing about any account")
                .filteredOn(s -> String.valueOf(s.get("page")).startsWith("/signin"))
                .allSatisfy(s -> assertThat(s.get("name")).isEqualTo("signalUnknownCredential"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-error")));
        assertThat(driver.findElement(By.id("signin-error")).getText()).contains("not registered with us");
        screenshot("unknown-credential");
    }

    // ------------------------------------------------------------------ helpers

    private VirtualAuthenticator deviceBoundAuthenticator() {
        return driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));
    }

    private void signUp(String email, String displayName) {
        driver.get(BASE_URL + "/signup");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("displayName")).sendKeys(displayName);
        driver.findElement(By.id("signup-button")).click();
        wait.until(ExpectedConditions.urlToBe(BASE_URL + "/account/confirm-email"));
        driver.findElement(By.linkText("Do this later")).click();
        wait.until(ExpectedConditions.urlToBe(BASE_URL + "/account/security"));
    }

    private String thisDeviceLabel() {
        return driver.findElements(By.cssSelector("li.device")).stream()
                .filter(d -> !d.findElements(By.cssSelector(".badge")).isEmpty())
                .findFirst().orElseThrow().findElement(By.tagName("strong")).getText();
    }

    @SuppressWarnings("unchecked")
    private String cdpCredentialId(String authenticatorId) {
        List<Map<String, Object>> credentials = (List<Map<String, Object>>) driver.executeCdpCommand(
                "WebAuthn.getCredentials", Map.of("authenticatorId", authenticatorId)).get("credentials");
        assertThat(credentials).hasSize(1);
        assertThat(credentials.get(0)).containsEntry("backupEligibility", true).containsEntry("backupState", true);
        return b64url(Base64.getDecoder().decode((String) credentials.get(0).get("credentialId")));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> signals() {
        Object calls = driver.executeScript("return JSON.parse(sessionStorage.getItem('latchkey.it.signals') || '[]')");
        return (List<Map<String, Object>>) calls;
    }

    /** The options of the newest call of this signal (on this page, when given), waiting for it. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitSignal(String name, String page) {
        wait.until(d -> signals().stream().anyMatch(s -> name.equals(s.get("name")) && (page == null || page.equals(s.get("page")))));
        List<Map<String, Object>> matching = signals().stream()
                .filter(s -> name.equals(s.get("name")) && (page == null || page.equals(s.get("page")))).toList();
        return (Map<String, Object>) matching.get(matching.size() - 1).get("options");
    }

    private static String b64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void screenshot(String name) {
        Chromium.screenshot(driver, "%s-%02d-%s.png".formatted(testName, ++shot, name));
    }
}
