package dev.latchkey.credentials.api;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Deployment setting: an operator's copy of the AAGUID list to use instead of the shipped one
 * (the same format: passkeydeveloper/passkey-authenticator-aaguids {@code aaguid.json}). Read
 * once at start-up.
 */
public record ProviderListFile(Optional<Path> path) {

    public static final ProviderListFile SHIPPED = new ProviderListFile(Optional.empty());
}
