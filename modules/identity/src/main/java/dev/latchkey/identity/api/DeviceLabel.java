package dev.latchkey.identity.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * A device's automatic label as identity composes and stores it: {@code <browser> on <platform>} ("Chrome on
 * Windows", "Safari on iPhone", "Browser on an unknown device"), in {@code idn_device.label}, on sign-in and step-up
 * events and wherever another module kept a copy (the device a passkey was created on). The stored text is English,
 * for logs and operators' exports; pages and mails word it in the reader's language from its two parts
 * ({@link #read}): the browser is a product name and stays as it is, the platform is one of {@link Platform}'s, each
 * worded per language ({@link Platform#key()} on the pages, {@code mail/<language>/device-label.txt} in mails).
 *
 * <p>What {@link #read} does not recognise is shown as it is: a name the person gave a device ("Work laptop"), and
 * a label whose platform is an operating system identity has no words for (Yauaa's name for it, which is a proper
 * name anyway).
 */
public record DeviceLabel(String browser, Platform platform) {

    /** The browser's name when the User-Agent names none: the same word in every language this server speaks. */
    public static final String ANY_BROWSER = "Browser";

    private static final String JOIN = " on ";

    public DeviceLabel {
        if (browser == null || browser.isBlank() || browser.contains(JOIN)) {
            throw new IllegalArgumentException("a browser name without \" on \" is needed");
        }
        java.util.Objects.requireNonNull(platform, "platform");
    }

    /** The platforms identity names, with the English it stores for each. */
    public enum Platform {
        WINDOWS("Windows"), MAC("Mac"), IPHONE("iPhone"), IPAD("iPad"), ANDROID("Android"),
        ANDROID_TABLET("Android tablet"), CHROMEOS("ChromeOS"), LINUX("Linux"), UNKNOWN("an unknown device");

        private final String stored;

        Platform(String stored) {
            this.stored = stored;
        }

        /** What is stored (in {@code idn_device.platform} and inside the label). */
        public String stored() {
            return stored;
        }

        /** The page message that words it in a sentence's "on ..." ({@code device.platform.IPHONE}). */
        public String key() {
            return "device.platform." + name();
        }

        /** The platform stored as this text, if it is one of these. */
        public static Optional<Platform> of(String stored) {
            return Arrays.stream(values()).filter(p -> p.stored.equals(stored)).findFirst();
        }
    }

    /** The stored, English text. */
    public String stored() {
        return compose(browser, platform.stored);
    }

    /**
     * The label stored for a browser and a platform, including one outside {@link Platform} (an operating system
     * Yauaa names that identity has no words for): the one grammar {@link #read} takes apart again.
     */
    public static String compose(String browser, String platform) {
        return browser + JOIN + platform;
    }

    /**
     * The two parts of a stored label, when the text is one ({@code "Chrome on Windows"}); empty for anything else,
     * such as a name the person gave ("Work laptop") or a platform outside {@link Platform}.
     */
    public static Optional<DeviceLabel> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int at = text.lastIndexOf(JOIN);
        if (at <= 0) {
            return Optional.empty();
        }
        String browser = text.substring(0, at);
        if (browser.isBlank() || browser.contains(JOIN)) {
            return Optional.empty();
        }
        return Platform.of(text.substring(at + JOIN.length())).map(p -> new DeviceLabel(browser, p));
    }
}
