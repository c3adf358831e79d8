package dev.latchkey.credentials.internal;

import java.util.List;
import java.util.UUID;

/**
 * Fired once per device reported lost, inside its transaction, for {@link PasskeyNotices}: the
 * device's label and the names of the passkeys removed with it (possibly none), both taken while
 * identity still had the device record.
 */
record LostDeviceNotice(UUID accountId, String deviceLabel, List<String> removedPasskeys) {

    LostDeviceNotice {
        removedPasskeys = List.copyOf(removedPasskeys);
    }
}
