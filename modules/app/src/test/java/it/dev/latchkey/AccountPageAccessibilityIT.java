package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;

/**
 * /account/security with passkey cards, the coverage card (and its nudge) and an open rename form,
 * checked by axe-core (bundled, nothing downloaded) at 360 px and at desktop width: no serious or
 * critical violation of WCAG 2.1 A/AA or axe's best practices, no sideways scrolling. Rename and
 * remove are reached and used with the keyboard alone.
 */
class AccountPageAccessibilityIT {

    private static final String BASE_URL = System.getProperty("latchkey.it.base-url", "http://localhost:9381");

    private ChromeDriver driver;
    private Path profile;
    private WebDriverWait wait;
    private VirtualAuthenticator authenticator;

    @BeforeEach
    void startBrowser() throws IOException {
        Chromium.require(AccountPageAccessibilityIT.class);
        profile = Chromium.newProfile();
        driver = Chromium.start(profile);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        authenticator = Chromium.addPlatformAuthenticator(driver);
    }

    @AfterEach
    void quitBrowser() throws IOException {
        Chromium.quit(driver, profile);
    }

    @Test
    void theAccountPageIsAccessibleAtPhoneAndDesktopWidthAndRenameAndRemoveWorkByKeyboard() {
        Chromium.signUp(driver, wait, "a11y-" + UUID.randomUUID() + "@example.com", "Access Tester");
        driver.findElement(By.linkText("Do this later")).click();
        wait.until(ExpectedConditions.urlToBe(BASE_URL + "/account/security"));
        // The first view: the coverage card carries its nudge ("Add a backup passkey", scenario d).
        assertThat(driver.findElements(By.cssSelector("#coverage [data-nudge-card]"))).hasSize(1);
        for (Dimension size : List.of(new Dimension(360, 800), new Dimension(1280, 900))) {
            driver.manage().window().setSize(size);
            Accessibility.check(driver, "the account page with the coverage card's nudge at " + size.getWidth() + " px");
        }
        // A second passkey (from another authenticator: the first is excluded), so that there are cards to tell apart.
        driver.removeVirtualAuthenticator(authenticator);
        authenticator = Chromium.addPlatformAuthenticator(driver);
        driver.get(BASE_URL + "/account/passkeys/new");
        driver.findElement(By.id("add-passkey-button")).click();
        wait.until(ExpectedConditions.urlContains("passkeyAdded"));
        driver.get(BASE_URL + "/account/security");
        assertThat(driver.findElements(By.cssSelector("li.passkey"))).hasSize(2);
        assertThat(driver.findElements(By.id("coverage"))).as("the coverage card is shown").hasSize(1);

        // Keyboard only: Tab to the first card's "Rename", open it with Enter, type, save with Enter.
        WebElement rename = tabTo(By.cssSelector("li.passkey details.rename summary"));
        rename.sendKeys(Keys.ENTER);
        WebElement nameField = tabTo(By.cssSelector("li.passkey details.rename[open] input[name=name]"));
        nameField.sendKeys("Work laptop");
        // The open rename form, at both widths, before it is sent.
        for (Dimension size : List.of(new Dimension(360, 800), new Dimension(1280, 900))) {
            driver.manage().window().setSize(size);
            Accessibility.check(driver, "the account page with an open rename form at " + size.getWidth() + " px");
        }
        nameField.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("passkeyRenamed"));
        assertThat(driver.findElements(By.cssSelector(".passkey-name")).stream().map(WebElement::getText))
                .contains("Work laptop");

        // The page as it is after the change, at both widths.
        for (Dimension size : List.of(new Dimension(360, 800), new Dimension(1280, 900))) {
            driver.manage().window().setSize(size);
            Accessibility.check(driver, "the account page at " + size.getWidth() + " px");
        }

        // Remove by keyboard: Tab to the renamed card's "Remove", Enter; the next page names the passkey and asks.
        WebElement remove = tabTo(By.cssSelector("a[aria-label='Remove passkey: Work laptop']"));
        remove.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Remove this passkey?"));
        assertThat(driver.findElement(By.id("passkey-to-remove")).getText()).contains("Work laptop");
        for (Dimension size : List.of(new Dimension(360, 800), new Dimension(1280, 900))) {
            driver.manage().window().setSize(size);
            Accessibility.check(driver, "the removal's confirmation at " + size.getWidth() + " px");
        }
        tabTo(By.id("confirm-remove")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("passkeyRemoved"));
        assertThat(driver.findElements(By.cssSelector("li.passkey"))).hasSize(1);
        Accessibility.check(driver, "the account page after a removal at 1280 px");
    }

    /** Presses Tab from the top of the page until the element has the focus (at most 200 times). */
    private WebElement tabTo(By target) {
        WebElement wanted = wait.until(ExpectedConditions.presenceOfElementLocated(target));
        driver.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        for (int i = 0; i < 200; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            if (wanted.equals(driver.switchTo().activeElement())) {
                return wanted;
            }
        }
        throw new AssertionError(target + " is not reached with the Tab key");
    }
}
