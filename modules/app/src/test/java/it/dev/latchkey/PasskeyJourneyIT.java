package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * The passkey journey in a real browser: headless Chromium with a WebDriver virtual authenticator
 * against the integration-test server. Sign up (a real {@code navigator.credentials.create}), sign
 * out, sign in with the button (a real modal {@code navigator.credentials.get}) while passkey
 * autofill is pending, and fail readably without user verification.
 *
 * <p>Chrome's virtual authenticator answers every request at once when "user presence" is
 * simulated, a conditional (autofill) one included: left alone, the sign-in page's autofill would
 * sign the browser in before any button is pressed. The test therefore plays the user: presence
 * is off while a page loads (the autofill request stays pending, as it does while a person has not
 * picked a suggestion) and comes on only after the button was pressed. A probe injected before
 * every page records each {@code navigator.credentials.get} call and the server's answer to
 * {@code /api/signin/finish}, so the test can prove which ceremony signed in.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian's {@code chromium}
 * and {@code chromium-driver}); Selenium Manager is never asked to find or download anything.
 */
class PasskeyJourneyIT {

    private static final String BASE_URL = System.getProperty("latchkey.it.base-url", "http://localhost:9381");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final String PROBE_KEY = "latchkey.it.probe";
    private static final String HOLD_KEY = "latchkey.it.hold-modal";

    /**
     * Runs before any script of every page (Page.addScriptToEvaluateOnNewDocument). Records in
     * sessionStorage, which survives same-tab navigation, each credentials.get call (mediation,
     * page, outcome) and each /api/signin/finish answer (status, mediation), tagged with a random
     * id of the document that made them: a page left behind can still record a late call. While
     * the test sets the hold flag, a modal call waits for {@code window.__latchkeyReleaseModal()}
     * before it reaches the browser: the test uses that moment to let the authenticator "be
     * touched".
     */
    private static final String PROBE = """
            (() => {
              if (!location.protocol.startsWith('http') || window.__latchkeyProbe) return;
              window.__latchkeyProbe = true;
              const KEY = '%s', HOLD = '%s';
              const doc = window.__latchkeyDocument = Math.random().toString(36).slice(2);
              const update = (change) => {
                const state = JSON.parse(sessionStorage.getItem(KEY) || '{"calls":[],"finishes":[]}');
                change(state);
                sessionStorage.setItem(KEY, JSON.stringify(state));
              };
              const container = navigator.credentials;
              if (container && typeof container.get === 'function') {
                const originalGet = container.get.bind(container);
                container.get = (options) => {
                  const mediation = options && options.mediation === 'conditional' ? 'conditional' : 'modal';
                  const hold = mediation === 'modal' && sessionStorage.getItem(HOLD) === 'true';
                  let index;
                  update((s) => {
                    index = s.calls.length;
                    s.calls.push({ doc, mediation, page: location.pathname, outcome: hold ? 'held' : 'pending' });
                  });
                  const set = (fields) => update((s) => Object.assign(s.calls[index], fields));
                  const call = hold
                    ? new Promise((release) => {
                        window.__latchkeyReleaseModal = () => { set({ outcome: 'pending' }); release(); };
                      }).then(() => originalGet(options))
                    : originalGet(options);
                  call.then((credential) => set({ outcome: credential ? 'resolved' : 'resolved-empty' }),
                            (error) => set({ outcome: 'rejected', error: String(error && error.name) }));
                  return call;
                };
              }
              const originalFetch = window.fetch.bind(window);
              window.fetch = (input, init) => {
                const answer = originalFetch(input, init);
                if (String(input instanceof Request ? input.url : input).includes('/api/signin/finish')) {
                  answer.then((response) => response.clone().json()
                          .then((body) => body.mediation ?? null, () => null)
                          .then((mediation) => update((s) => s.finishes.push({ doc, status: response.status, mediation }))),
                      () => update((s) => s.finishes.push({ doc, status: 0, mediation: null })));
                }
                return answer;
              };
            })();
            """.formatted(PROBE_KEY, HOLD_KEY);

    private static final String CANCELLED_MESSAGE = "Sign-in was cancelled or timed out. Try again when you are ready.";

    private ChromeDriver driver;
    private VirtualAuthenticator authenticator;
    private WebDriverWait wait;
    private Path profile;
    private String testName;
    private int shot;

    /** On failure, a last screenshot while the browser is still open (runs before @AfterEach). */
    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && driver != null) {
            screenshot("FAILED");
            System.err.println("[PasskeyJourneyIT] at failure: url=" + driver.getCurrentUrl() + " probe=" + probeJson());
        }
    };

    @BeforeEach
    void startBrowser(TestInfo info) throws IOException {
        Chromium.require(PasskeyJourneyIT.class);
        testName = info.getTestMethod().orElseThrow().getName();
        profile = Chromium.newProfile();
        driver = Chromium.start(profile);
        wait = new WebDriverWait(driver, WAIT);

        authenticator = driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
    }

    @AfterEach
    void quitBrowser() throws IOException {
        Chromium.quit(driver, profile);
        driver = null;
    }

    @Test
    void signUpSignOutAndSignInWithTheButtonWhileAutofillIsPending() {
        // 1. Sign up: the form, then a real navigator.credentials.create against the authenticator.
        String email = "journey-" + UUID.randomUUID() + "@example.com";
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(BASE_URL + "/signup");
        screenshot("signup-phone-390x844");
        driver.manage().window().setSize(new Dimension(1280, 900));
        signUp(email, "Journey Tester");

        assertThat(path()).isEqualTo("/account/security");
        assertThat(text(By.id("main"))).contains("Journey Tester").contains(email);
        assertThat(driver.findElements(By.cssSelector("li.passkey"))).hasSize(1);
        assertThat(text(By.cssSelector("li.passkey"))).contains("Not used to sign in yet");
        List<Credential> credentials = authenticator.getCredentials();
        assertThat(credentials).hasSize(1);
        Credential passkey = credentials.get(0);
        assertThat(passkey.isResidentCredential()).as("a discoverable credential (passkey)").isTrue();
        assertThat(passkey.getRpId()).isEqualTo(URI.create(BASE_URL).getHost());
        assertThat(passkey.getUserHandle()).as("the user handle the server chose").isNotEmpty();
        int signCountAfterSignUp = passkey.getSignCount();
        assertThat(driver.manage().getCookieNamed("latchkey_session")).as("session cookie after sign-up").isNotNull();
        screenshot("account-after-signup");

        // 2. Sign out through the header form. Presence is off first: with it on, Chrome's virtual
        //    authenticator would answer the sign-in page's autofill request and sign straight back in.
        userTouchesAuthenticator(false);
        driver.findElement(By.cssSelector("header form.signout button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/signin?signedOut"));
        assertThat(path()).isEqualTo("/signin");
        assertThat(text(By.cssSelector("main .notice"))).isEqualTo("You have signed out.");
        assertThat(driver.findElements(By.cssSelector("form.signout"))).as("no sign-out form when signed out").isEmpty();
        assertThat(driver.manage().getCookieNamed("latchkey_session")).as("session cookie after sign-out").isNull();
        awaitPendingAutofill();
        screenshot("signin-after-signout");

        driver.get(BASE_URL + "/account/security");
        wait.until(ExpectedConditions.urlContains("/signin"));
        assertThat(path()).as("the session is gone: the account page sends us to sign in").isEqualTo("/signin");
        assertThat(URI.create(driver.getCurrentUrl()).getRawQuery()).isEqualTo("next=%2Faccount%2Fsecurity");
        assertThat(driver.findElements(By.cssSelector("li.passkey"))).isEmpty();
        screenshot("account-redirects-to-signin");

        // 3. Sign in with the button while the autofill request is pending.
        driver.get(BASE_URL + "/signin");
        String signInPage = awaitPendingAutofill();
        screenshot("signin-autofill-pending");
        pressPasskeyButtonThenTouch(signInPage, () -> userTouchesAuthenticator(true));
        wait.until(ExpectedConditions.urlToBe(BASE_URL + "/account/security"));
        wait.until(d -> !records(probe(), "finishes").isEmpty());

        Map<String, Object> probe = probe();
        List<Map<String, Object>> calls = of(signInPage, records(probe, "calls"));
        assertThat(calls).filteredOn("mediation", "modal").as("the button's modal request: %s", calls)
                .singleElement().satisfies(call -> assertThat(call).containsEntry("outcome", "resolved"));
        assertThat(calls).filteredOn("mediation", "conditional").as("the autofill request: %s", calls)
                .isNotEmpty()
                .allSatisfy(call -> assertThat(call.get("outcome")).as("autofill never resolved: %s", call)
                        .isIn("rejected", "pending"))
                .filteredOn("outcome", "rejected")
                .allSatisfy(call -> assertThat(call).containsEntry("error", "AbortError"));
        assertThat(records(probe, "finishes")).as("answers of /api/signin/finish: %s", probe).singleElement()
                .satisfies(finish -> assertThat(finish)
                        .containsEntry("doc", signInPage)
                        .containsEntry("status", 200L)
                        .containsEntry("mediation", "modal"));
        assertThat(authenticator.getCredentials()).singleElement()
                .satisfies(c -> assertThat(c.getSignCount()).as("exactly one assertion was signed")
                        .isEqualTo(signCountAfterSignUp + 1));

        assertThat(driver.findElements(By.cssSelector("li.passkey"))).hasSize(1);
        assertThat(text(By.cssSelector("li.passkey"))).doesNotContain("Not used to sign in yet");
        assertThat(driver.findElements(By.cssSelector("header form.signout"))).hasSize(1);
        screenshot("account-after-button-signin");
    }

    @Test
    void signInButtonWithoutUserVerificationExplainsAndStaysOnSignIn() {
        signUp("no-uv-" + UUID.randomUUID() + "@example.com", "No Verification");
        assertThat(path()).isEqualTo("/account/security");
        int signCount = authenticator.getCredentials().get(0).getSignCount();

        userTouchesAuthenticator(false);
        driver.findElement(By.cssSelector("header form.signout button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/signin?signedOut"));
        String signInPage = awaitPendingAutofill();
        assertThat(driver.findElement(By.id("signin-error")).isDisplayed()).as("no error before anything happened").isFalse();

        // The person touches the authenticator but fails its fingerprint / PIN check.
        pressPasskeyButtonThenTouch(signInPage, () -> {
            authenticator.setUserVerified(false);
            userTouchesAuthenticator(true);
        });
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-error")));
        String message = error.getText().strip();
        screenshot("signin-without-user-verification");

        assertThat(message).isEqualTo(CANCELLED_MESSAGE);
        assertThat(message).as("a sentence for a person, not an error dump")
                .doesNotContain("Error", "Exception", "\tat ", "{", "undefined", "null");
        assertThat(path()).isEqualTo("/signin");
        assertThat(driver.findElement(By.id("passkey-button")).isEnabled()).as("the button can be tried again").isTrue();
        Map<String, Object> probe = probe();
        assertThat(of(signInPage, records(probe, "calls"))).filteredOn("mediation", "modal").singleElement()
                .satisfies(call -> assertThat(call).containsEntry("outcome", "rejected")
                        .containsEntry("error", "NotAllowedError"));
        assertThat(records(probe, "finishes")).as("nothing reached /api/signin/finish").isEmpty();
        assertThat(authenticator.getCredentials().get(0).getSignCount()).as("nothing was signed").isEqualTo(signCount);
        assertThat(driver.manage().getCookieNamed("latchkey_session")).isNull();
    }

    // ------------------------------------------------------------------ steps

    private void signUp(String email, String displayName) {
        if (!"/signup".equals(path())) {
            driver.get(BASE_URL + "/signup");
        }
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("displayName")).sendKeys(displayName);
        driver.findElement(By.id("signup-button")).click();
        try {
            // With the passkey made, sign-up asks for the code sent to the address.
            wait.until(ExpectedConditions.urlToBe(BASE_URL + "/account/confirm-email"));
        } catch (RuntimeException e) {
            throw new AssertionError("Sign-up did not reach /account/confirm-email. Page says: signup-error='"
                    + text(By.id("signup-error")) + "', email-error='" + text(By.id("email-error"))
                    + "', displayName-error='" + text(By.id("displayName-error")) + "'", e);
        }
        // "Do this later": the account page, signed in, with the address still to confirm.
        driver.findElement(By.linkText("Do this later")).click();
        wait.until(ExpectedConditions.urlToBe(BASE_URL + "/account/security"));
    }

    /**
     * Presses the button with the probe holding its modal request, checks that the autofill
     * request was aborted by then, runs {@code touch} (the authenticator's state for the moment
     * the person touches it) and only then lets the modal request reach the browser. Without
     * the hold, turning presence on could race the autofill request on its way to the
     * authenticator.
     */
    private void pressPasskeyButtonThenTouch(String page, Runnable touch) {
        driver.executeScript("sessionStorage.setItem(arguments[0], 'true')", HOLD_KEY);
        driver.findElement(By.id("passkey-button")).click();
        wait.until(d -> of(page, calls()).stream()
                .anyMatch(c -> "modal".equals(c.get("mediation")) && "held".equals(c.get("outcome"))));
        assertThat(of(page, calls())).filteredOn("mediation", "conditional")
                .as("the button aborts the autofill request before its own starts")
                .allSatisfy(call -> assertThat(call).containsEntry("outcome", "rejected").containsEntry("error", "AbortError"));
        driver.executeScript("sessionStorage.removeItem(arguments[0])", HOLD_KEY);
        touch.run();
        driver.executeScript("window.__latchkeyReleaseModal()");
    }

    /**
     * Waits until this page's autofill (conditional) request is waiting for the person; returns
     * the probe's id of this page.
     */
    private String awaitPendingAutofill() {
        String page = (String) driver.executeScript("return window.__latchkeyDocument");
        assertThat(page).as("the probe runs in this page").isNotBlank();
        wait.until(d -> of(page, calls()).stream()
                .anyMatch(c -> "conditional".equals(c.get("mediation")) && "pending".equals(c.get("outcome"))));
        return page;
    }

    /** Chrome's "automatic presence simulation" (WebDriver's isUserConsenting), switchable. */
    private void userTouchesAuthenticator(boolean touches) {
        driver.executeCdpCommand("WebAuthn.setAutomaticPresenceSimulation",
                Map.of("authenticatorId", authenticator.getId(), "enabled", touches));
    }

    // ------------------------------------------------------------------ probe and page helpers

    @SuppressWarnings("unchecked")
    private Map<String, Object> probe() {
        Object state = driver.executeScript("return JSON.parse(sessionStorage.getItem(arguments[0]) || 'null')", PROBE_KEY);
        return state == null ? Map.of("calls", List.of(), "finishes", List.of()) : (Map<String, Object>) state;
    }

    private String probeJson() {
        try {
            return String.valueOf(driver.executeScript("return sessionStorage.getItem(arguments[0])", PROBE_KEY));
        } catch (RuntimeException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private List<Map<String, Object>> calls() {
        return records(probe(), "calls");
    }

    private static List<Map<String, Object>> of(String page, List<Map<String, Object>> records) {
        return records.stream().filter(r -> page.equals(r.get("doc"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Map<String, Object> probe, String name) {
        return (List<Map<String, Object>>) probe.getOrDefault(name, List.of());
    }

    private String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    private String text(By by) {
        return driver.findElements(by).stream().findFirst().map(e -> e.getText().strip()).orElse("");
    }

    private void screenshot(String name) {
        Chromium.screenshot(driver, "%s-%02d-%s.png".formatted(testName, ++shot, name));
    }
}
