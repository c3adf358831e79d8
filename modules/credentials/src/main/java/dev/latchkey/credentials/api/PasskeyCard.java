package dev.latchkey.credentials.api;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One passkey as the account page shows it (FIDO Alliance UX guidelines: the provider's name and
 * icon, where it lives in plain words, when and where it was created and last used).
 *
 * @param name         the user's name for it, else the provider's ("Google Password Manager"), else
 *                     "Security key", else one from the device that created it ("Passkey on Chrome on Windows")
 * @param customName   whether {@code name} is the user's own
 * @param storage      where it lives, for styling and tests
 * @param whereItLives the same as words a page puts in its own language ({@link WhereItLives}: "Syncs across your
 *                     devices with iCloud Keychain", "Only on this device")
 * @param provider     the AAGUID list's entry, when the AAGUID is on it
 * @param createdOn    the label of the device it was created on ("Chrome on Windows"), when known
 * @param lastUsedOn   the label of the device it was last used on, when known
 * @param automaticName the automatic name as words a page can put in its own language (used where
 *                      {@code customName} is false; {@code name} is the same in English)
 */
public record PasskeyCard(
        UUID id,
        String credentialId,
        String name,
        boolean customName,
        Storage storage,
        WhereItLives whereItLives,
        Optional<PasskeyProvider> provider,
        Instant createdAt,
        Optional<String> createdOn,
        Optional<Instant> lastUsedAt,
        Optional<String> lastUsedOn,
        AutomaticName automaticName) {

    /**
     * A passkey's automatic name, by what is known of it: its provider's name from the AAGUID list
     * ({@code PROVIDER}, the argument), a security key, the browser it was made on ({@code MADE_ON}, the
     * argument: "Passkey on Chrome on Android"), a phone or tablet over a QR code, or nothing at all.
     * The argument is a plain name, never words of a language.
     */
    public record AutomaticName(Kind kind, String argument) {
        public enum Kind { PROVIDER, SECURITY_KEY, MADE_ON, PHONE_OR_TABLET, UNNAMED }

        public AutomaticName {
            java.util.Objects.requireNonNull(kind, "kind");
            argument = argument == null ? "" : argument;
        }

        /** The same in English: "iCloud Keychain", "Security key", "Passkey on Chrome on Android", "Passkey". */
        public String english() {
            return switch (kind) {
                case PROVIDER -> argument;
                case SECURITY_KEY -> "Security key";
                case MADE_ON -> "Passkey on " + argument;
                case PHONE_OR_TABLET -> "Passkey on a phone or tablet";
                case UNNAMED -> "Passkey";
            };
        }
    }

    /**
     * Where a passkey lives, by kind, with its argument: the provider's name ({@code SYNCED}, {@code NOT_SYNCED_YET})
     * or the label of the device that created it ({@code CREATING_DEVICE}), each empty when not known. The argument
     * is a plain name, never words of a language.
     */
    public record WhereItLives(Kind kind, String argument) {
        public enum Kind { SYNCED, NOT_SYNCED_YET, SECURITY_KEY, PHONE_OR_TABLET, THIS_DEVICE, CREATING_DEVICE }

        public WhereItLives {
            java.util.Objects.requireNonNull(kind, "kind");
            argument = argument == null ? "" : argument;
        }

        /** The same in English: "Syncs across your devices with iCloud Keychain", "Only on this device". */
        public String english() {
            boolean named = !argument.isEmpty();
            return switch (kind) {
                case SYNCED -> named ? "Syncs across your devices with " + argument : "Syncs across your devices";
                case NOT_SYNCED_YET -> named ? "Can sync across your devices with " + argument + ", but is not synced yet"
                        : "Can sync across your devices, but is not synced yet";
                case SECURITY_KEY -> "Security key";
                case PHONE_OR_TABLET -> "Only on the phone or tablet it was saved to";
                case THIS_DEVICE -> "Only on this device";
                case CREATING_DEVICE -> named ? "Only on the device that created it (" + argument + ")"
                        : "Only on the device that created it";
            };
        }
    }

    /** From the backup flags (BE, BS; BS refreshed at every use), attachment and transports. */
    public enum Storage {
        /** Backed up (BS): the provider syncs it to the account's other devices. */
        SYNCED,
        /** May sync (BE) but is not backed up now. */
        NOT_SYNCED_YET,
        /** Device-bound, on the device (or phone) that made it. */
        DEVICE_BOUND,
        /** Device-bound on a roaming security key (USB, NFC, Bluetooth). */
        SECURITY_KEY
    }
}
