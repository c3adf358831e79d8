package dev.latchkey.identity.api;

import java.util.Map;

/**
 * How a browser described itself on a request: its {@code User-Agent}, the User-Agent client
 * hints it sent ({@code Sec-CH-UA*} headers, lower-case names) and the passkey capabilities its page reported.
 */
public record ClientDescription(String userAgent, Map<String, String> clientHints, Capabilities capabilities) {

    public ClientDescription {
        userAgent = userAgent == null ? "" : userAgent;
        clientHints = Map.copyOf(clientHints);
        capabilities = capabilities == null ? Capabilities.UNKNOWN : capabilities;
    }
}
