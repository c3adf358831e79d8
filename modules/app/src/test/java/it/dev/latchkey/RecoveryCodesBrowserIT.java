package it.dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * New recovery codes (issue 14, item 9): copy, download and print, and an "I have saved them" step before the
 * page is left. Headless Chromium; axe at 360 and 1280 px.
 */
class RecoveryCodesBrowserIT {

    private static final String BASE_URL = Browser.BASE_URL;

    private Chromium.Device device;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws IOException {
        device = Chromium.Device.open(RecoveryCodesBrowserIT.class);
        driver = device.driver();
        wait = device.await();
    }

    @AfterEach
    void quitBrowser() throws IOException {
        if (device != null) {
            device.close();
        }
    }

    @Test
    void newCodesCanBeCopiedDownloadedAndPrintedAndThePersonSaysTheyKeptThem() {
        device.signUp(Journeys.uniqueEmail("codes"), "Code Keeper");
        driver.get(BASE_URL + "/account/recovery-codes");
        driver.findElement(By.cssSelector("form[action='/account/recovery-codes'] button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recovery-codes")));

        List<String> codes = driver.findElements(By.cssSelector("#recovery-codes code")).stream()
                .map(WebElement::getText).toList();
        assertThat(codes).hasSize(10);
        assertThat(driver.findElement(By.id("copy-codes")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("print-codes")).isDisplayed()).isTrue();
        WebElement download = driver.findElement(By.id("download-codes"));
        assertThat(download.getAttribute("download")).isEqualTo("latchkey-recovery-codes.txt");
        String file = URLDecoder.decode(download.getAttribute("href").substring("data:text/plain;charset=utf-8,".length()),
                StandardCharsets.UTF_8);
        assertThat(file).contains(codes.toArray(String[]::new)).contains("Each code signs you in once");
        Accessibility.checkAtPhoneAndDesktopWidth(driver, "the new recovery codes", "recovery-codes-01-new");

        driver.findElement(By.id("copy-codes")).click();
        wait.until(d -> !d.findElement(By.id("copy-status")).getText().isBlank());

        // "Done" before the box is ticked: the browser keeps the person on the page.
        driver.findElement(By.id("codes-saved-button")).click();
        assertThat(driver.findElements(By.id("recovery-codes"))).as("still on the codes").hasSize(1);
        driver.findElement(By.id("codes-saved")).click();
        driver.findElement(By.id("codes-saved-button")).click();
        wait.until(ExpectedConditions.urlContains("/account/security"));
    }
}
