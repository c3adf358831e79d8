package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.ClientDescription;
import dev.latchkey.identity.api.DeviceLabel;
import dev.latchkey.identity.api.DeviceLabel.Platform;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * Friendly device labels ("Chrome on Windows", "Safari on iPhone") from the User-Agent string and
 * User-Agent client hints, parsed by Yauaa. Yauaa's analyzer takes a few seconds of CPU and about
 * 120 MiB of heap to build (half of the server's live heap), so it is built once, with only the fields used here, on a thread of its own that
 * start-up begins ({@link #warmUp()}): the server is ready without waiting for it (BENCHMARKS.md,
 * start-up). A label asked for before it is built waits for it, at most {@link #MAX_WAIT}; past that
 * the label is a neutral one, and the next sign-in on that device names it properly.
 */
final class DeviceLabels {

    /** A label and its parts. */
    record Label(String label, String browser, String platform, String deviceClass) {
    }

    private static final int MAX_UA = 512;
    /** The columns they are stored in (idn_device, idn_sign_in): a label must never fail a write after a sign-in. */
    static final int MAX_LABEL = 120;
    static final int MAX_PART = 60;
    /** The longest a label waits for the analyzer being built (a busy machine takes far longer than a quiet one). */
    static final java.time.Duration MAX_WAIT = java.time.Duration.ofSeconds(60);
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(DeviceLabels.class.getName());
    private final java.util.concurrent.CompletableFuture<UserAgentAnalyzer> analyzer =
            new java.util.concurrent.CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicBoolean building = new java.util.concurrent.atomic.AtomicBoolean();

    Label of(ClientDescription client) {
        Map<String, String> headers = new HashMap<>();
        headers.put("User-Agent", truncate(client.userAgent()));
        client.clientHints().forEach((name, value) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith("sec-ch-ua")) {
                headers.put(name, truncate(value));
            }
        });
        java.util.Optional<UserAgentAnalyzer> built = analyzer();
        if (built.isEmpty()) {
            return new Label(new DeviceLabel(DeviceLabel.ANY_BROWSER, Platform.UNKNOWN).stored(), DeviceLabel.ANY_BROWSER,
                    Platform.UNKNOWN.stored(), "Unknown");
        }
        UserAgent ua = built.get().parse(headers);
        String deviceClass = deviceClass(ua.getValue(UserAgent.DEVICE_CLASS));
        String platform = platform(ua.getValue(UserAgent.OPERATING_SYSTEM_NAME), deviceClass,
                ua.getValue(UserAgent.DEVICE_BRAND));
        String browser = fit(browser(ua.getValue(UserAgent.AGENT_NAME)), MAX_PART);
        platform = fit(platform, MAX_PART);
        browser = browser.isEmpty() ? DeviceLabel.ANY_BROWSER : browser;
        platform = platform.isEmpty() ? Platform.UNKNOWN.stored() : platform;
        return new Label(fit(DeviceLabel.compose(browser, platform), MAX_LABEL), browser, platform, deviceClass);
    }

    /**
     * Starts building the analyzer on its own thread and returns at once. The thread keeps the
     * caller's context class loader (the application's), from which Yauaa reads its rules.
     */
    void warmUp() {
        if (!building.compareAndSet(false, true)) {
            return;
        }
        Thread builder = new Thread(this::build, "latchkey-user-agent-analyzer");
        builder.setDaemon(true);
        builder.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        builder.start();
    }

    private void build() {
        try {
            analyzer.complete(UserAgentAnalyzer.newBuilder()
                    .hideMatcherLoadStats()
                    // Yauaa's own test cases are for checking Yauaa: without them the analyzer holds 117 MiB of
                    // heap instead of 142 (BENCHMARKS.md, change 9).
                    .dropTests()
                    // Build the matchers here, on this thread: by default Yauaa builds them on the first parse,
                    // which made the first sign-in after a start wait 2 to 5 s for them (BENCHMARKS.md, change 9).
                    .immediateInitialization()
                    .withCache(10_000)
                    .withField(UserAgent.AGENT_NAME)
                    .withField(UserAgent.OPERATING_SYSTEM_NAME)
                    .withField(UserAgent.DEVICE_CLASS)
                    .withField(UserAgent.DEVICE_BRAND)
                    .build());
        } catch (RuntimeException | Error e) {
            LOG.log(java.util.logging.Level.SEVERE, "The User-Agent analyzer could not be built; devices get neutral labels", e);
            analyzer.completeExceptionally(e);
        }
    }

    /** The analyzer, built here if nobody started it, waited for at most {@link #MAX_WAIT}. */
    private java.util.Optional<UserAgentAnalyzer> analyzer() {
        if (!building.get() && building.compareAndSet(false, true)) {
            build(); // never warmed up (unit tests): build on this thread
        }
        try {
            return java.util.Optional.of(analyzer.get(MAX_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warning(() -> "The User-Agent analyzer is still being built after " + MAX_WAIT + "; a neutral device label is used");
            return java.util.Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    static String browser(String agentName) {
        if (agentName == null || agentName.isBlank() || agentName.startsWith("Unknown") || agentName.equals("??")
                || agentName.equals("Hacker")) {
            return DeviceLabel.ANY_BROWSER;
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
            return Platform.UNKNOWN.stored();
        }
        return switch (osName) {
            case "iOS", "iPadOS" -> ("Tablet".equals(deviceClass) || "iPadOS".equals(osName) ? Platform.IPAD
                    : Platform.IPHONE).stored();
            case "Mac OS", "Mac OS X", "macOS" -> Platform.MAC.stored();
            case "Windows NT", "Windows" -> Platform.WINDOWS.stored();
            case "Android" -> ("Tablet".equals(deviceClass) ? Platform.ANDROID_TABLET : Platform.ANDROID).stored();
            case "Chrome OS", "ChromeOS" -> Platform.CHROMEOS.stored();
            case "Linux", "Ubuntu", "Fedora", "Debian" -> Platform.LINUX.stored();
            // Yauaa calls empty and script-like User-Agents "Hacker".
            default -> osName.startsWith("Unknown") || osName.equals("??") || osName.equals("Hacker")
                    ? Platform.UNKNOWN.stored() : osName;
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
