package dev.latchkey.identity.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Security notices by email to an account's confirmed address (never to an address merely
 * claimed at sign-up, which may be someone else's). Written to the mail outbox in a transaction
 * of their own and delivered after it commits.
 *
 * <p>Callers say what happened, as a {@link Notice} with its facts; identity writes the mail, in
 * the account's language (from templates of its own), greeting and all. No caller passes words.
 */
public interface SecurityNotices {

    /**
     * Queues a notice.
     *
     * @return false when the account has no confirmed address (nothing is sent)
     */
    boolean send(UUID accountId, Notice notice);

    /**
     * What happened, with the facts the mail names. Names people gave are shown as they are; a device's automatic
     * label (in the fields {@code fromDevice}, {@code createdOn} and {@code deviceLabel}, {@link DeviceLabel}) and a
     * passkey's automatic name ({@link PasskeyName}) are said in the mail's language.
     */
    sealed interface Notice permits PasskeyAdded, PasskeyRemoved, DeviceLost, AssistedRecoveryStarted {
    }

    /**
     * A passkey's name as the mail says it, in the account's language: the name its owner gave it, shown as
     * given, or an automatic one by what is known of it (the mail templates hold the words of each kind, as
     * the pages' {@code cards.name.*} messages do).
     *
     * @param kind what the name is made of
     * @param text the owner's name ({@code GIVEN}), the provider's ({@code PROVIDER}) or the name or label of the
     *             browser the passkey was made on ({@code MADE_ON}, a label worded as {@link DeviceLabel} says): plain
     *             text otherwise, never translated; empty for the other kinds
     */
    record PasskeyName(Kind kind, String text) {

        public enum Kind {
            /** The owner's own name for it. */
            GIVEN,
            /** Its provider's name ("iCloud Keychain"). */
            PROVIDER,
            /** "Security key". */
            SECURITY_KEY,
            /** "Passkey on" the browser it was made on ("Chrome on Android"). */
            MADE_ON,
            /** "Passkey on a phone or tablet" (saved there over a QR code). */
            PHONE_OR_TABLET,
            /** "Passkey": nothing more is known. */
            UNNAMED
        }

        public PasskeyName {
            Objects.requireNonNull(kind, "kind");
            text = text == null ? "" : text;
        }

        /** The name its owner gave it. */
        public static PasskeyName given(String name) {
            return new PasskeyName(Kind.GIVEN, name);
        }
    }

    /** Where a passkey lives, for the words the mail uses. */
    enum PasskeyHome {
        /** Synced by its provider (named in {@code provider} when known). */
        SYNCED,
        /** May sync with its provider, is not synced yet. */
        NOT_SYNCED_YET,
        /** On a security key. */
        SECURITY_KEY,
        /** Only on the device that created it (named in {@code createdOn} when known). */
        DEVICE_BOUND
    }

    /**
     * A passkey was added.
     *
     * @param provider   the provider's name, when known
     * @param createdOn  the label of the device it was created on, when known
     * @param fromDevice the label of the device that added it, when known
     */
    record PasskeyAdded(PasskeyName passkeyName, PasskeyHome home, Optional<String> provider, Optional<String> createdOn,
                        Instant when, Optional<String> fromDevice) implements Notice {
        public PasskeyAdded {
            Objects.requireNonNull(passkeyName);
            Objects.requireNonNull(home);
            Objects.requireNonNull(provider);
            Objects.requireNonNull(createdOn);
            Objects.requireNonNull(when);
            Objects.requireNonNull(fromDevice);
        }
    }

    /** A passkey was removed; {@code fromDevice} the label of the device that removed it, when the owner did. */
    record PasskeyRemoved(PasskeyName passkeyName, Instant when, Optional<String> fromDevice) implements Notice {
        public PasskeyRemoved {
            Objects.requireNonNull(passkeyName);
            Objects.requireNonNull(when);
            Objects.requireNonNull(fromDevice);
        }
    }

    /**
     * A device was reported lost: it is signed out, the passkeys that lived only on it were removed,
     * and those created on it that live elsewhere too were kept.
     */
    record DeviceLost(String deviceLabel, Instant when, List<PasskeyName> removedPasskeys, List<KeptPasskey> keptPasskeys)
            implements Notice {
        public DeviceLost {
            Objects.requireNonNull(deviceLabel);
            Objects.requireNonNull(when);
            removedPasskeys = List.copyOf(removedPasskeys);
            keptPasskeys = List.copyOf(keptPasskeys);
        }
    }

    /**
     * A passkey created on a lost device that stays: it syncs ({@code home} SYNCED, with its provider's name when
     * known) or lives on a security key ({@code home} SECURITY_KEY). The mail says what to do instead.
     */
    record KeptPasskey(PasskeyName name, PasskeyHome home, Optional<String> provider) {
        public KeptPasskey {
            Objects.requireNonNull(name);
            Objects.requireNonNull(home);
            Objects.requireNonNull(provider);
        }
    }

    /** A branch agent started an assisted recovery of the account, after checking an identity document in person. */
    record AssistedRecoveryStarted(Instant when) implements Notice {
        public AssistedRecoveryStarted {
            Objects.requireNonNull(when);
        }
    }
}
