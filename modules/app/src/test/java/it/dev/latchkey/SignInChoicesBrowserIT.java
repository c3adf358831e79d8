package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * "Use a phone or tablet" and "Use a security key" among the ways to sign in (after the email address and
 * "Continue" on /signin), in headless Chromium: reachable with the keyboard alone, labelled, and each runs
 * {@code navigator.credentials.get} with its WebAuthn L3 hint. That page has no field for passkey autofill, so
 * no conditional request runs there (one WebAuthn request at a time).
 *
 * <p>A probe injected before the page's scripts records every {@code navigator.credentials.get}
 * call: its mediation, the hints of the options the page passed, and how the call ended. The
 * virtual authenticator's user never touches it, so the calls stay pending as they do while a
 * person looks for their phone.
 */
class SignInChoicesBrowserIT {

    private static final String PROBE = """
            (() => {
              if (window.__latchkeyCalls) return;
              const calls = window.__latchkeyCalls = [];
              const original = navigator.credentials.get.bind(navigator.credentials);
              navigator.credentials.get = (options) => {
                const call = {
                  mediation: options && options.mediation === 'conditional' ? 'conditional' : 'modal',
                  hints: options && options.publicKey && Array.isArray(options.publicKey.hints)
                    ? [...options.publicKey.hints] : null,
                  outcome: 'pending',
                };
                calls.push(call);
                const result = original(options);
                result.then(() => { call.outcome = 'resolved'; },
                            (e) => { call.outcome = 'rejected'; call.error = String(e && e.name); });
                return result;
              };
            })();
            """;

    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        Chromium.require(SignInChoicesBrowserIT.class);
        profile = Chromium.newProfile();
        driver = Chromium.start(profile);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        VirtualAuthenticator authenticator = driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));
        // Nobody touches the authenticator: every request stays pending.
        driver.executeCdpCommand("WebAuthn.setAutomaticPresenceSimulation",
                Map.of("authenticatorId", authenticator.getId(), "enabled", false));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
    }

    @AfterEach
    void quitBrowser() throws IOException {
        Chromium.quit(driver, profile);
    }

    @ParameterizedTest(name = "\"{0}\" by keyboard asks for {1}")
    @CsvSource({"passkey-hybrid-button, hybrid, Use a phone or tablet, Scan the QR code",
            "passkey-security-key-button, security-key, Use a security key, Insert or tap your security key"})
    void aChoiceReachedByKeyboardAsksForItsDevice(String id, String hint, String name, String status) {
        driver.get(Browser.BASE_URL + "/signin");
        wait.until(d -> calls().stream().anyMatch(c -> "conditional".equals(c.get("mediation"))));
        // Identifier first: the address, then Enter, as a person types it.
        driver.findElement(By.id("username")).sendKeys(Journeys.uniqueEmail("choice"), Keys.ENTER);
        wait.until(d -> d.findElements(By.id(id)).size() == 1);
        assertThat(calls()).as("the choices page asks for nothing by itself").isEmpty();
        WebElement target = driver.findElement(By.id(id));
        assertThat(target.getAccessibleName()).isEqualTo(name);
        assertThat(target.getAttribute("type")).isEqualTo("button");
        assertThat(driver.findElement(By.cssSelector(".passkey-elsewhere[role=group]")).getAccessibleName())
                .isEqualTo("Passkey on another device?");

        // From the top of the freshly loaded page (nothing focused), Tab alone must reach the choice.
        int presses = 0;
        while (!id.equals(activeId()) && presses < 40) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            presses++;
        }
        assertThat(activeId()).as("reached with Tab after %d presses", presses).isEqualTo(id);
        new Actions(driver).sendKeys(Keys.ENTER).perform();

        wait.until(d -> calls().stream().anyMatch(c -> "modal".equals(c.get("mediation"))));
        List<Map<String, Object>> calls = calls();
        Map<String, Object> modal = calls.stream().filter(c -> "modal".equals(c.get("mediation"))).findFirst().orElseThrow();
        assertThat(modal.get("hints")).as("the options the page passed to navigator.credentials.get")
                .isEqualTo(List.of(hint));
        assertThat(calls).filteredOn(c -> "conditional".equals(c.get("mediation")))
                .as("no autofill request on the choices page").isEmpty();
        assertThat(driver.findElement(By.id("signin-status")).getText()).startsWith(status);
        assertThat(driver.findElement(By.id("passkey-button")).isEnabled()).as("one request at a time").isFalse();
        Chromium.screenshot(driver, "signin-choice-" + hint + ".png");
    }

    private String activeId() {
        return (String) driver.executeScript("return document.activeElement && document.activeElement.id");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> calls() {
        Object calls = driver.executeScript("return window.__latchkeyCalls || []");
        return (List<Map<String, Object>>) calls;
    }
}
