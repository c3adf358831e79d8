package it.dev.latchkey;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Headless Chromium for the browser end-to-end tests: Debian's
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} named explicitly (Selenium Manager is
 * never asked to find or download anything), the agreed flags and a fresh profile per browser.
 */
final class Chromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", System.getProperty("user.dir")),
            "target", "screenshots");

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final List<Logger> QUIETED = List.of(Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"));

    private static final Set<String> MISSING_REPORTED = ConcurrentHashMap.newKeySet();

    private Chromium() {
    }

    /**
     * Call per test (not per class) so that a skip shows in the summary as "Skipped: n". On CI
     * (CI=true) a missing browser is a failure: a green build must have run these journeys.
     */
    static void require(Class<?> test) {
        if (Files.isExecutable(BINARY) && Files.isExecutable(DRIVER)) {
            return;
        }
        String message = "\n"
                + "************************************************************************\n"
                + "  " + test.getSimpleName() + " needs " + BINARY + " and " + DRIVER + ".\n"
                + "  Install them with: apt-get install -y chromium chromium-driver\n"
                + "************************************************************************";
        if ("true".equals(System.getenv("CI"))) {
            fail("Browser end-to-end tests cannot run on CI without Chromium." + message);
        }
        if (MISSING_REPORTED.add(test.getName())) {
            System.err.println(message + "\n  SKIPPING the browser journeys (with CI=true this is a failure).\n");
        }
        Assumptions.abort("Chromium or chromedriver missing: browser journey skipped." + message);
    }

    /** A new profile directory; give it to {@link #start} and to {@link #deleteProfile} afterwards. */
    static Path newProfile() throws IOException {
        return Files.createTempDirectory("latchkey-chromium-");
    }

    /** Headless Chromium on its own profile directory, in a 1280×900 window. */
    static ChromeDriver start(Path profile) {
        // Selenium ships no CDP bindings for this Chromium and warns at every start; raw
        // executeCdpCommand calls do not need them.
        QUIETED.forEach(logger -> logger.setLevel(Level.SEVERE));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        return driver;
    }

    /** Writes a screenshot to target/screenshots; a failure to do so is logged, never thrown. */
    static void screenshot(ChromeDriver driver, String fileName) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(fileName), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            System.err.println("[Chromium] screenshot " + fileName + " failed: " + e);
        }
    }

    /** Quits the browser (if it started) and deletes its profile folder, whatever happens. */
    static void quit(ChromeDriver driver, Path profile) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            deleteProfile(profile);
        }
    }

    /**
     * A platform authenticator as a phone's or laptop's built-in one: CTAP2 over "internal", resident
     * keys, user verification performed and consented.
     */
    static VirtualAuthenticator addPlatformAuthenticator(ChromeDriver driver) {
        return driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));
    }

    /**
     * One person's device for a browser test: Chromium on a fresh profile with a {@link
     * #addPlatformAuthenticator platform authenticator}, and a wait of up to 90 s (a loaded
     * machine has been seen to take longer than 30 s for the first sign-up after start). Open it in
     * {@code @BeforeEach} (after {@link #require}), close it in {@code @AfterEach}.
     */
    record Device(Path profile, ChromeDriver driver, WebDriverWait await, VirtualAuthenticator authenticator)
            implements AutoCloseable {

        static Device open(Class<?> test) throws IOException {
            require(test);
            Path profile = newProfile();
            ChromeDriver driver = start(profile);
            return new Device(profile, driver, new WebDriverWait(driver, java.time.Duration.ofSeconds(90)),
                    addPlatformAuthenticator(driver));
        }

        /** {@link Chromium#signUp} on this device. */
        void signUp(String email, String displayName) {
            Chromium.signUp(driver, await, email, displayName);
        }

        @Override
        public void close() throws IOException {
            quit(driver, profile);
        }
    }

    /**
     * Signs up on {@code /signup} with the browser's passkey, as a person would, and waits for the page
     * that asks them to confirm their address.
     */
    static void signUp(ChromeDriver driver, WebDriverWait wait, String email, String displayName) {
        driver.get(Browser.BASE_URL + "/signup");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("displayName")).sendKeys(displayName);
        driver.findElement(By.id("signup-button")).click();
        wait.until(ExpectedConditions.urlToBe(Browser.BASE_URL + "/account/confirm-email"));
    }

    static void deleteProfile(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
