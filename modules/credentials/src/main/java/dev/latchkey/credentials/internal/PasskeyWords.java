package dev.latchkey.credentials.internal;

import dev.latchkey.credentials.api.PasskeyCard.AutomaticName;
import dev.latchkey.credentials.api.PasskeyCard.Storage;
import dev.latchkey.credentials.api.PasskeyProvider;
import java.util.List;
import java.util.Optional;

/**
 * Where a passkey lives, in the FIDO Alliance UX guidelines' plain words rather than "backup
 * eligible" or "platform authenticator". From the backup flags (#sctn-authenticator-data: BE says
 * whether the provider may sync it and never changes; BS whether it is synced now, refreshed at
 * every use, #rp-op-verifying-assertion-step-backup-state) and, for device-bound passkeys, the
 * attachment the browser reported and the transports stored at registration (both unsigned: words
 * only, never a decision).
 */
final class PasskeyWords {

    private PasskeyWords() {
    }

    static Storage storage(boolean backupEligible, boolean backedUp, Optional<String> attachment, List<String> transports) {
        if (backedUp) {
            return Storage.SYNCED;
        }
        if (backupEligible) {
            return Storage.NOT_SYNCED_YET;
        }
        return dev.latchkey.credentials.api.PasskeyPlacement.looksLikeSecurityKey(attachment, transports)
                ? Storage.SECURITY_KEY : Storage.DEVICE_BOUND;
    }

    /**
     * @param onViewingDevice whether the device looking at the page is the one that created it
     * @param createdOn       the label of that device, when known
     */
    static String whereItLives(Storage storage, Optional<PasskeyProvider> provider, Optional<String> attachment,
                               List<String> transports, boolean onViewingDevice, Optional<String> createdOn) {
        return switch (storage) {
            case SYNCED -> provider.map(p -> "Syncs across your devices with " + p.name())
                    .orElse("Syncs across your devices");
            case NOT_SYNCED_YET -> provider.map(p -> "Can sync across your devices with " + p.name() + ", but is not synced yet")
                    .orElse("Can sync across your devices, but is not synced yet");
            case SECURITY_KEY -> "Security key";
            case DEVICE_BOUND -> {
                if (attachment.filter("cross-platform"::equals).isPresent()) {
                    // Made over a QR code: it lives on the phone or tablet, not on the browser that asked.
                    yield "Only on the phone or tablet it was saved to";
                }
                yield onViewingDevice ? "Only on this device"
                        : createdOn.map(d -> "Only on the device that created it (" + d + ")")
                        .orElse("Only on the device that created it");
            }
        };
    }

    /** The automatic name: the provider's, "Security key", or "Passkey on Chrome on Windows". */
    static String defaultName(Storage storage, Optional<PasskeyProvider> provider, Optional<String> createdOn) {
        return defaultName(storage, provider, createdOn, Optional.empty(), List.of());
    }

    /**
     * As above; where neither the provider nor the creating device is known, what the browser said when it was
     * made: a passkey saved to a phone or tablet over a QR code is "Passkey on a phone or tablet", not "Passkey".
     */
    static String defaultName(Storage storage, Optional<PasskeyProvider> provider, Optional<String> createdOn,
                              Optional<String> attachment, List<String> transports) {
        return automaticName(storage, provider, createdOn, attachment, transports).english();
    }

    /** The automatic name as words a page translates ({@link AutomaticName}). */
    static AutomaticName automaticName(Storage storage, Optional<PasskeyProvider> provider, Optional<String> createdOn,
                                       Optional<String> attachment, List<String> transports) {
        if (provider.isPresent()) {
            return new AutomaticName(AutomaticName.Kind.PROVIDER, provider.get().name());
        }
        if (storage == Storage.SECURITY_KEY) {
            return new AutomaticName(AutomaticName.Kind.SECURITY_KEY, "");
        }
        if (createdOn.filter(d -> !d.isBlank()).isPresent()) {
            return new AutomaticName(AutomaticName.Kind.MADE_ON, createdOn.get());
        }
        return dev.latchkey.credentials.api.PasskeyPlacement.of(attachment, transports)
                == dev.latchkey.credentials.api.PasskeyPlacement.ANOTHER_DEVICE
                ? new AutomaticName(AutomaticName.Kind.PHONE_OR_TABLET, "")
                : new AutomaticName(AutomaticName.Kind.UNNAMED, "");
    }
}
