package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.ClientDescription;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * Friendly device labels ("Chrome on Windows", "Safari on iPhone") from the User-Agent string and
 * User-Agent client hints, parsed by Yauaa. Yauaa's analyzer takes a few seconds and some memory
 * to build, so it is built once, on first use, with only the fields used here.
 */
final class DeviceLabels {

    /** A label and its parts. */
    record Label(String label, String browser, String platform, String deviceClass) {
    }

    private static final int MAX_UA = 512;
    /** The columns they are stored in (idn_device, idn_sign_in): a label must never fail a write after a sign-in. */
    static final int MAX_LABEL = 120;
    static final int MAX_PART = 60;
    private volatile UserAgentAnalyzer analyzer;

    Label of(ClientDescription client) {
        Map<String, String> headers = new HashMap<>();
        headers.put("User-Agent", truncate(client.userAgent()));
        client.clientHints().forEach((name, value) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith("sec-ch-ua")) {
                headers.put(name, truncate(value));
            }
        });
        UserAgent ua = analyzer().parse(headers);
        String deviceClass = deviceClass(ua.getValue(UserAgent.DEVICE_CLASS));
        String platform = platform(ua.getValue(UserAgent.OPERATING_SYSTEM_NAME), deviceClass,
                ua.getValue(UserAgent.DEVICE_BRAND));
        String browser = fit(browser(ua.getValue(UserAgent.AGENT_NAME)), MAX_PART);
        platform = fit(platform, MAX_PART);
        browser = browser.isEmpty() ? "Browser" : browser;
        platform = platform.isEmpty() ? "an unknown device" : platform;
        return new Label(fit(browser + " on " + platform, MAX_LABEL), browser, platform, deviceClass);
    }

    /** Builds the analyzer now (a few seconds), so that no sign-in waits for it. */
    void warmUp() {
        analyzer();
    }

    private UserAgentAnalyzer analyzer() {
        UserAgentAnalyzer a = analyzer;
        if (a == null) {
            synchronized (this) {
                a = analyzer;
                if (a == null) {
                    a = UserAgentAnalyzer.newBuilder()
                            .hideMatcherLoadStats()
                            .withCache(10_000)
                            .withField(UserAgent.AGENT_NAME)
                            .withField(UserAgent.OPERATING_SYSTEM_NAME)
                            .withField(UserAgent.DEVICE_CLASS)
                            .withField(UserAgent.DEVICE_BRAND)
                            .build();
                    analyzer = a;
                }
            }
        }
        return a;
    }

    static String browser(String agentName) {
        if (agentName == null || agentName.isBlank() || agentName.startsWith("Unknown") || agentName.equals("??")
                || agentName.equals("Hacker")) {
            return "Browser";
        }
        return switch (agentName) {
            case "Edge", "Microsoft Edge", "Edg" -> "Edge";
            case "Chrome", "Chromium" -> agentName;
            case "Safari", "Mobile Safari" -> "Safari";
            case "Firefox", "Firefox Focus" -> "Firefox";
            case "Samsung Internet", "Samsung Browser", "SamsungBrowser" -> "Samsung Internet";
            default -> agentName;
        };
    }

    static String platform(String osName, String deviceClass, String brand) {
        if (osName == null) {
            return "an unknown device";
        }
        return switch (osName) {
            case "iOS", "iPadOS" -> "Tablet".equals(deviceClass) || "iPadOS".equals(osName) ? "iPad" : "iPhone";
            case "Mac OS", "Mac OS X", "macOS" -> "Mac";
            case "Windows NT", "Windows" -> "Windows";
            case "Android" -> "Tablet".equals(deviceClass) ? "Android tablet" : "Android";
            case "Chrome OS", "ChromeOS" -> "ChromeOS";
            case "Linux", "Ubuntu", "Fedora", "Debian" -> "Linux";
            // Yauaa calls empty and script-like User-Agents "Hacker".
            default -> osName.startsWith("Unknown") || osName.equals("??") || osName.equals("Hacker")
                    ? "an unknown device" : osName;
        };
    }

    static String deviceClass(String yauaaClass) {
        if (yauaaClass == null) {
            return "Unknown";
        }
        return switch (yauaaClass) {
            case "Phone", "Mobile" -> "Phone";
            case "Tablet" -> "Tablet";
            case "Desktop", "Anonymized" -> "Desktop";
            default -> "Unknown";
        };
    }

    /**
     * At most {@code max} characters, cut on a code point boundary with an ellipsis, without
     * control characters: the names come from whatever the client sent.
     */
    static String fit(String s, int max) {
        String clean = s.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (clean.length() <= max) {
            return clean;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(clean.charAt(end - 1))) {
            end--;
        }
        return clean.substring(0, end) + "\u2026";
    }

    private static String truncate(String s) {
        return s == null ? "" : s.length() > MAX_UA ? s.substring(0, MAX_UA) : s;
    }
}
