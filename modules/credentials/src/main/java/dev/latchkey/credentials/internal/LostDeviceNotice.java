package dev.latchkey.credentials.internal;

import dev.latchkey.identity.api.SecurityNotices;
import java.util.List;
import java.util.UUID;

/**
 * Fired once per device reported lost, inside its transaction, for {@link PasskeyNotices}: the
 * device's label, the names of the passkeys removed with it (possibly none) and of those kept, all taken while
 * identity still had the device record.
 */
record LostDeviceNotice(UUID accountId, String deviceLabel, List<SecurityNotices.PasskeyName> removedPasskeys,
                        List<Kept> keptPasskeys) {

    LostDeviceNotice {
        removedPasskeys = List.copyOf(removedPasskeys);
        keptPasskeys = List.copyOf(keptPasskeys);
    }

    /** A passkey created on the device that stays (it syncs, or lives on a security key); the mail says what to do instead. */
    record Kept(SecurityNotices.PasskeyName name, dev.latchkey.credentials.api.PasskeyCard.Storage storage,
                java.util.Optional<String> provider) {
    }
}
