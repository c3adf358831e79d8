package dev.latchkey.identity.api;

import java.util.Map;

/**
 * How a browser described itself on a request: its {@code User-Agent}, the User-Agent client
 * hints it sent ({@code Sec-CH-UA*} headers, lower-case names), the passkey capabilities its page
 * reported, and whether it is a shared or public device (marked by the person at sign-in, or by
 * configuration for address ranges such as bank branches).
 */
public record ClientDescription(String userAgent, Map<String, String> clientHints, Capabilities capabilities,
                                boolean shared) {

    public ClientDescription {
        userAgent = userAgent == null ? "" : userAgent;
        clientHints = Map.copyOf(clientHints);
        capabilities = capabilities == null ? Capabilities.UNKNOWN : capabilities;
    }

    /** A personal (not shared) device. */
    public ClientDescription(String userAgent, Map<String, String> clientHints, Capabilities capabilities) {
        this(userAgent, clientHints, capabilities, false);
    }
}
