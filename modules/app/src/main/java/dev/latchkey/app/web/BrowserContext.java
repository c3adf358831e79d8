package dev.latchkey.app.web;

import dev.latchkey.identity.api.Capabilities;
import dev.latchkey.identity.api.ClientDescription;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What a request tells about the browser profile behind it: User-Agent, client hints, reported capabilities. */
public final class BrowserContext {

    private BrowserContext() {
    }

    public static ClientDescription describe(HttpServletRequest request, Map<?, ?> reported, boolean shared) {
        Map<String, String> hints = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("sec-ch-ua") && hints.size() < 12) {
                hints.put(lower, request.getHeader(name));
            }
        }
        return new ClientDescription(request.getHeader("User-Agent"), hints, capabilities(reported), shared);
    }

    /**
     * Reads the page's report of {@code getClientCapabilities()} and
     * {@code isUserVerifyingPlatformAuthenticatorAvailable()}; anything missing or not a boolean
     * stays unknown.
     */
    static Capabilities capabilities(Map<?, ?> reported) {
        if (reported == null) {
            return Capabilities.UNKNOWN;
        }
        return new Capabilities(flag(reported, "platformAuthenticator"), flag(reported, "conditionalGet"),
                flag(reported, "conditionalCreate"), flag(reported, "hybridTransport"));
    }

    private static Optional<Boolean> flag(Map<?, ?> reported, String name) {
        return reported.get(name) instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }
}
