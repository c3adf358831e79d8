package dev.latchkey.credentials.internal;

import dev.latchkey.credentials.api.PasskeyCard;
import dev.latchkey.credentials.api.PasskeyCard.AutomaticName;
import dev.latchkey.credentials.api.PasskeyCard.Storage;
import dev.latchkey.credentials.api.PasskeyCard.WhereItLives;
import dev.latchkey.credentials.api.PasskeyProvider;
import dev.latchkey.identity.api.SecurityNotices;
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
    static WhereItLives whereItLives(Storage storage, Optional<PasskeyProvider> provider, Optional<String> attachment,
                                     List<String> transports, boolean onViewingDevice, Optional<String> createdOn) {
        String providerName = provider.map(PasskeyProvider::name).orElse("");
        return switch (storage) {
            case SYNCED -> new WhereItLives(WhereItLives.Kind.SYNCED, providerName);
            case NOT_SYNCED_YET -> new WhereItLives(WhereItLives.Kind.NOT_SYNCED_YET, providerName);
            case SECURITY_KEY -> new WhereItLives(WhereItLives.Kind.SECURITY_KEY, "");
            case DEVICE_BOUND -> {
                if (attachment.filter("cross-platform"::equals).isPresent()) {
                    // Made over a QR code: it lives on the phone or tablet, not on the browser that asked.
                    yield new WhereItLives(WhereItLives.Kind.PHONE_OR_TABLET, "");
                }
                yield onViewingDevice ? new WhereItLives(WhereItLives.Kind.THIS_DEVICE, "")
                        : new WhereItLives(WhereItLives.Kind.CREATING_DEVICE, createdOn.orElse(""));
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

    /**
     * A card's name for the owner's mail, which identity writes in the account's language: the owner's own
     * name as given, otherwise the automatic name by its kind (never the English of {@link PasskeyCard#name()}).
     */
    static SecurityNotices.PasskeyName mailName(PasskeyCard card) {
        if (card.customName()) {
            return SecurityNotices.PasskeyName.given(card.name());
        }
        AutomaticName automatic = card.automaticName();
        return new SecurityNotices.PasskeyName(switch (automatic.kind()) {
            case PROVIDER -> SecurityNotices.PasskeyName.Kind.PROVIDER;
            case SECURITY_KEY -> SecurityNotices.PasskeyName.Kind.SECURITY_KEY;
            case MADE_ON -> SecurityNotices.PasskeyName.Kind.MADE_ON;
            case PHONE_OR_TABLET -> SecurityNotices.PasskeyName.Kind.PHONE_OR_TABLET;
            case UNNAMED -> SecurityNotices.PasskeyName.Kind.UNNAMED;
        }, automatic.argument());
    }
}
