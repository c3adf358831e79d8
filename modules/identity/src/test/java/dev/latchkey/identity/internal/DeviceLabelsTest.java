package dev.latchkey.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.identity.api.Capabilities;
import dev.latchkey.identity.api.ClientDescription;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Labels for real User-Agent strings, as people would name their devices. */
class DeviceLabelsTest {

    private static final DeviceLabels LABELS = new DeviceLabels();

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1 | Safari on iPhone | Phone
        Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1 | Safari on iPad | Tablet
        Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0 Mobile Safari/537.36 | Chrome on Android | Phone
        Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0 Safari/537.36 Edg/137.0.0.0 | Edge on Windows | Desktop
        Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0 Safari/537.36 | Chrome on Windows | Desktop
        Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15 | Safari on Mac | Desktop
        Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0 Safari/537.36 | Chrome on Mac | Desktop
        Mozilla/5.0 (X11; Linux x86_64; rv:139.0) Gecko/20100101 Firefox/139.0 | Firefox on Linux | Desktop
        Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36 | Chrome on Linux | Desktop
        """)
    void labelsRealBrowsers(String userAgent, String label, String deviceClass) {
        DeviceLabels.Label result = LABELS.of(new ClientDescription(userAgent, Map.of(), Capabilities.UNKNOWN));
        assertThat(result.label()).isEqualTo(label);
        assertThat(result.deviceClass()).isEqualTo(deviceClass);
    }

    @Test
    void aLabelAskedForWhileTheAnalyzerIsBuiltInTheBackgroundWaitsForIt() {
        DeviceLabels labels = new DeviceLabels();
        labels.warmUp(); // returns at once: start-up does not wait for the analyzer
        DeviceLabels.Label result = labels.of(new ClientDescription(
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15",
                Map.of(), Capabilities.UNKNOWN));
        assertThat(result.label()).isEqualTo("Safari on Mac");
    }

    @Test
    void clientHintsNameThePlatformWhenTheUserAgentIsReduced() {
        String reduced = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0 Safari/537.36";
        DeviceLabels.Label result = LABELS.of(new ClientDescription(reduced, Map.of(
                "sec-ch-ua", "\"Chromium\";v=\"137\", \"Google Chrome\";v=\"137\", \"Not/A)Brand\";v=\"24\"",
                "sec-ch-ua-mobile", "?0",
                "sec-ch-ua-platform", "\"Linux\""), Capabilities.UNKNOWN));
        assertThat(result.label()).isEqualTo("Chrome on Linux");
    }

    @Test
    void chromiumSaysSoInItsClientHintsAndIsNotCalledChrome() {
        String headless = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36";
        DeviceLabels.Label result = LABELS.of(new ClientDescription(headless, Map.of(
                "sec-ch-ua", "\"Not:A-Brand\";v=\"8\", \"Chromium\";v=\"156\"",
                "sec-ch-ua-mobile", "?0",
                "sec-ch-ua-platform", "\"Linux\""), Capabilities.UNKNOWN));
        assertThat(result.label()).isEqualTo("Chromium on Linux");
    }

    @Test
    void garbageGetsAGenericLabelNotAnError() {
        assertThat(LABELS.of(new ClientDescription("", Map.of(), Capabilities.UNKNOWN)).label())
                .isEqualTo("Browser on an unknown device");
        assertThat(LABELS.of(new ClientDescription("<script>alert(1)</script>" + "x".repeat(5000), Map.of(),
                Capabilities.UNKNOWN)).label()).doesNotContain("<script>");
    }

    /**
     * Whatever a client sends, the label and its parts fit their columns (label 120, browser and
     * platform 60, class 30 characters), so that recording the device never fails after a sign-in.
     */
    @Test
    void hostileUserAgentsAndClientHintsGiveLabelsThatFit() {
        String longName = "Q".repeat(400);
        java.util.List<ClientDescription> clients = java.util.List.of(
                new ClientDescription("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) " + longName
                        + "/1.0 Safari/537.36", Map.of(), Capabilities.UNKNOWN),
                new ClientDescription(longName + "/1.0 (" + longName + ")", Map.of(), Capabilities.UNKNOWN),
                new ClientDescription("Mozilla/5.0 (" + longName + "; " + longName + ") Gecko/20100101 Firefox/139.0",
                        Map.of(), Capabilities.UNKNOWN),
                new ClientDescription("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0"
                        + " Safari/537.36", Map.of(
                        "sec-ch-ua", "\"" + longName + "\";v=\"137\"",
                        "sec-ch-ua-full-version-list", "\"" + longName + "\";v=\"137.0.0.0\"",
                        "sec-ch-ua-platform", "\"" + longName + "\"",
                        "sec-ch-ua-platform-version", "\"" + longName + "\"",
                        "sec-ch-ua-model", "\"" + longName + "\"",
                        "sec-ch-ua-mobile", "?0"), Capabilities.UNKNOWN));
        for (ClientDescription client : clients) {
            DeviceLabels.Label label = LABELS.of(client);
            assertThat(label.label().length()).as(label.label()).isLessThanOrEqualTo(120);
            assertThat(label.browser().length()).as(label.browser()).isLessThanOrEqualTo(60);
            assertThat(label.platform().length()).as(label.platform()).isLessThanOrEqualTo(60);
            assertThat(label.deviceClass().length()).isLessThanOrEqualTo(30);
        }
    }
}
