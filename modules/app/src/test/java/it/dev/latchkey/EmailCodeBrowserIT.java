package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * Sign-in by email code in a real browser, on a second device: the account is made (with a
 * confirmed address) over HTTP by a first "browser profile" that says it is Firefox on Windows;
 * then a fresh headless Chromium profile, which the server has never seen, signs in with a code
 * from the mail. The account page must list it as a new device labelled from its own User-Agent
 * and log the sign-in as "email code on Chromium on Linux".
 *
 * <p>The issue's example says "Chrome on Linux"; the browser here is Debian's Chromium, which
 * says so in its client hint ({@code Sec-CH-UA: "Not:A-Brand";v="8", "Chromium";v="156"}) although
 * its User-Agent reads "HeadlessChrome". The label tells the truth: Google Chrome, which sends
 * "Google Chrome" in the same hint, is labelled "Chrome on Linux" (DeviceLabelsTest).
 */
class EmailCodeBrowserIT {

    private static final String BASE_URL = System.getProperty("latchkey.it.base-url", "http://localhost:9381");
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** The first profile: a different browser and system, so the two devices cannot be confused. */
    private static final String FIRST_PROFILE_UA =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:139.0) Gecko/20100101 Firefox/139.0";
    private static final String FIRST_PROFILE_LABEL = "Firefox on Windows";
    private static final String BROWSER_LABEL = "Chromium on Linux";

    /** Tab presses allowed to reach a control from the top of a sign-in page. */
    private static final int MAX_TABS = 10;

    @RegisterExtension
    static final GreenMailExtension SMTP = Mailbox.smtpServer();

    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path profile;
    private String testName;
    private int shot;

    /** On failure, a last screenshot while the browser is still open (runs before @AfterEach). */
    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && driver != null) {
            screenshot("FAILED");
            System.err.println("[EmailCodeBrowserIT] at failure: url=" + driver.getCurrentUrl());
        }
    };

    @BeforeEach
    void startBrowser(TestInfo info) throws IOException {
        Chromium.require(EmailCodeBrowserIT.class);
        testName = info.getTestMethod().orElseThrow().getName();
        profile = Chromium.newProfile();
        driver = Chromium.start(profile);
        wait = new WebDriverWait(driver, WAIT);
    }

    @AfterEach
    void quitBrowser() throws IOException {
        Chromium.quit(driver, profile);
        driver = null;
    }

    @Test
    void aSecondBrowserSignsInByEmailCodeAndIsListedAsANewChromeOnLinuxDevice() throws Exception {
        // 1. The first profile: an account with a confirmed address, made over HTTP.
        String email = Journeys.uniqueEmail("browser-code");
        Browser firstProfile = new Browser().withUserAgent(FIRST_PROFILE_UA);
        Mailbox.signUpConfirmed(SMTP, firstProfile, new Authenticator(), email);
        String before = firstProfile.get("/account/security").body();
        assertThat(count(before, "<li class=\"device\">")).as("one device before the browser signs in").isEqualTo(1);
        assertThat(before).contains(FIRST_PROFILE_LABEL);

        // 2. A fresh Chromium profile opens the sign-in page: one email field, focusable first, and "Continue".
        driver.get(BASE_URL + "/signin");
        assertThat(path()).isEqualTo("/signin");
        assertThat(driver.manage().getCookieNamed("latchkey_session")).as("not signed in").isNull();
        WebElement username = driver.findElement(By.id("username"));
        assertThat(driver.findElements(By.cssSelector("input[type=email]"))).as("one email field").hasSize(1);
        assertThat(username.getAttribute("autocomplete")).isEqualTo("username webauthn");
        screenshot("signin");

        // 3. With the keyboard only: Tab from the top of the page to the field, type, Enter is "Continue".
        List<String> stops = tabUntil(username);
        assertThat(active()).as("Tab reaches the email field; stops on the way: %s", stops).isEqualTo(username);
        keys(email);
        keys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signin-as")));
        assertThat(path()).as("no address in the URL").isEqualTo("/signin/continue");
        assertThat(driver.getCurrentUrl()).doesNotContain("@").doesNotContain("username=");
        assertThat(text(By.id("signin-as"))).contains(email);
        screenshot("choices");

        // 4. Ask for a code (Tab to the button, Enter), read it from the mail, type it in.
        WebElement askButton = driver.findElement(By.id("email-code-button"));
        assertThat(askButton.getText().strip()).isEqualTo("Email me a code");
        List<String> toButton = tabUntil(askButton);
        assertThat(active()).as("Tab reaches 'Email me a code'; stops on the way: %s", toButton).isEqualTo(askButton);
        keys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/signin/code"));
        assertThat(path()).isEqualTo("/signin/code");
        assertThat(text(By.id("main"))).contains("Check your email").contains(email);
        screenshot("code-page");

        String code = Mailbox.code(Mailbox.await(SMTP, email, "sign-in code"));
        driver.findElement(By.id("code")).sendKeys(code);
        WebElement signIn = driver.findElement(By.cssSelector("form[action='/signin/code'] button[type=submit]"));
        assertThat(signIn.getText().strip()).isEqualTo("Sign in");
        signIn.click();
        try {
            wait.until(ExpectedConditions.urlContains("/nudge?d="));
        } catch (RuntimeException e) {
            throw new AssertionError("The code did not sign in. Page at " + driver.getCurrentUrl() + " says: code-error='"
                    + text(By.id("code-error")) + "'", e);
        }
        // A new device after an email code. The account's passkey lives only on the first profile, a Windows
        // computer, which cannot confirm it is you here: the nudge says how to add one from there instead of
        // offering a creation whose step-up this browser cannot complete (issue 14, item 5). Esc goes on.
        screenshot("nudge");
        assertThat(text(By.tagName("h1"))).isEqualTo("Add a passkey here from your computer");
        assertThat(active().getText()).isEqualTo("Got it");
        keys(Keys.ESCAPE);
        wait.until(ExpectedConditions.urlToBe(BASE_URL + "/account/security"));
        assertThat(driver.manage().getCookieNamed("latchkey_session")).as("session cookie after sign-in").isNotNull();
        assertThat(text(By.id("main"))).contains(email);
        screenshot("account-security");

        // 5. Two devices: this browser, new, labelled from its own User-Agent, and the first profile.
        List<WebElement> devices = driver.findElements(By.cssSelector("li.device"));
        assertThat(devices).as("devices listed: %s", texts(devices)).hasSize(2);
        List<WebElement> current = devices.stream().filter(d -> !d.findElements(By.cssSelector(".badge")).isEmpty()).toList();
        assertThat(current).as("exactly one device is 'This device': %s", texts(devices)).hasSize(1);
        WebElement thisDevice = current.get(0);
        assertThat(thisDevice.findElement(By.tagName("strong")).getText().strip())
                .as("the label of this browser, which identifies itself as %s", identity()).isEqualTo(BROWSER_LABEL);
        assertThat(thisDevice.findElement(By.cssSelector(".badge")).getText().strip()).isEqualTo("This device");
        assertThat(thisDevice.findElements(By.cssSelector("a.lost-device")))
                .as("no 'I lost this device' for the device in hand").isEmpty();
        WebElement otherDevice = devices.stream().filter(d -> d != thisDevice).findFirst().orElseThrow();
        assertThat(otherDevice.findElement(By.tagName("strong")).getText().strip()).isEqualTo(FIRST_PROFILE_LABEL);
        assertThat(otherDevice.findElements(By.cssSelector(".badge"))).isEmpty();

        // 6. The newest sign-in is this one, by email code, on this browser.
        List<WebElement> signIns = driver.findElements(By.cssSelector("li.sign-in"));
        assertThat(signIns).as("recent sign-ins").isNotEmpty();
        assertThat(signIns.get(0).findElement(By.tagName("span")).getText().strip())
                .as("the newest sign-in; all: %s; this browser: %s", texts(signIns), identity())
                .isEqualTo("Signed in with an email code on " + BROWSER_LABEL);

        // 7. Seen from the first profile, the new device is there and is not "This device".
        String after = firstProfile.get("/account/security").body();
        assertThat(count(after, "<li class=\"device\">")).isEqualTo(2);
        assertThat(after).contains("aria-label=\"I lost this device: " + BROWSER_LABEL + "\"");
    }

    // ------------------------------------------------------------------ keyboard

    /** Presses Tab from the top of the page until {@code target} has focus; returns the stops. */
    private List<String> tabUntil(WebElement target) {
        List<String> stops = new ArrayList<>();
        driver.executeScript("document.activeElement && document.activeElement.blur(); window.focus();");
        for (int i = 0; i < MAX_TABS && !active().equals(target); i++) {
            keys(Keys.TAB);
            stops.add(describe(active()));
        }
        return stops;
    }

    private void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    private WebElement active() {
        return driver.switchTo().activeElement();
    }

    private static String describe(WebElement element) {
        String id = element.getAttribute("id");
        String text = element.getText().strip();
        return element.getTagName() + (id == null || id.isEmpty() ? "" : "#" + id)
                + (text.isEmpty() ? "" : "'" + (text.length() > 30 ? text.substring(0, 30) + "…" : text) + "'");
    }

    // ------------------------------------------------------------------ page helpers

    /** What the browser tells servers about itself: User-Agent and client-hint brands (Sec-CH-UA). */
    private String identity() {
        return String.valueOf(driver.executeScript("return 'User-Agent ' + JSON.stringify(navigator.userAgent)"
                + " + ', Sec-CH-UA brands ' + JSON.stringify(navigator.userAgentData && navigator.userAgentData.brands)"));
    }

    private String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    private String text(By by) {
        return driver.findElements(by).stream().findFirst().map(e -> e.getText().strip()).orElse("");
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(e -> e.getText().strip().replaceAll("\\s+", " ")).toList();
    }

    private static int count(String haystack, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(haystack);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private void screenshot(String name) {
        Chromium.screenshot(driver, "%s-%02d-%s.png".formatted(testName, ++shot, name));
    }
}
