package dev.latchkey.credentials.api;

import java.util.Set;

/**
 * Who we are to authenticators, from configuration.
 *
 * @param id      the RP ID, a registrable domain such as {@code example.com} ({@code localhost} in development)
 * @param name    a human-palatable name shown by some authenticators
 * @param origins the exact web origins allowed to run ceremonies, such as {@code https://login.example.com}
 */
public record RelyingParty(String id, String name, Set<String> origins) {

    public RelyingParty {
        if (id == null || id.isBlank() || name == null || name.isBlank() || origins == null || origins.isEmpty()) {
            throw new IllegalArgumentException("RP id, name and at least one origin are required");
        }
        origins = Set.copyOf(origins);
    }
}
