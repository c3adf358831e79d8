package dev.latchkey.credentials.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored passkey as the account page shows it.
 *
 * @param backupEligible whether the provider may sync it (BE flag)
 * @param backedUp       whether it is synced now (BS flag, refreshed at every use)
 * @param attachment     what the browser reported at creation ({@code platform}, {@code cross-platform}); unsigned
 */
public record Passkey(
        UUID id,
        String credentialId,
        UUID aaguid,
        List<String> transports,
        boolean backupEligible,
        boolean backedUp,
        boolean userVerified,
        Optional<String> attachment,
        Instant createdAt,
        Optional<Instant> lastUsedAt,
        Optional<UUID> createdOnDevice,
        Optional<UUID> lastUsedOnDevice) {
}
