package dev.latchkey.credentials.api;

import java.util.UUID;

/**
 * The two ceremonies that put a passkey on a device without the usual modal prompt on it: the
 * automatic passkey upgrade after a password sign-in (conditional create) and the link handoff to
 * a second device, whose passkey stays <em>pending</em> until the user pairs it.
 *
 * <p>A pending passkey lives apart from the account's passkeys ({@code cred_pending_passkey}, not
 * {@code cred_passkey}): it is not "registered" in the sense of WebAuthn L3 §7.2 step 6
 * ({@code #rp-op-verifying-assertion-step-identify-credential}: the credential must be one of the
 * account's credential records), so sign-in and step-up refuse it as an unknown credential, and
 * {@link Passkeys#of}, {@link dev.latchkey.identity.api.PasskeyPresence} and coverage do not see
 * it. The credential record is only created (§7.1, #reg-ceremony-store-credential-record) when
 * {@link #confirmPending} is called after the pairing code matched.
 */
public interface EnrollmentCeremonies {

    /** How long a pending passkey waits for its pairing code (database clock). */
    int PENDING_MINUTES = 5;

    /**
     * Options for {@code navigator.credentials.create({mediation: "conditional"})}: the challenge
     * row records {@link Mediation#CONDITIONAL}, the only case in which the finished ceremony
     * ({@link PasskeyCeremonies#finishAddPasskey}) accepts a user-presence flag of 0.
     *
     * @throws CeremonyRejected {@code WRONG_CEREMONY} when the account already has a passkey: a
     *                          password sign-in must never add a passkey to such an account
     */
    CreationOptions startAutomaticUpgrade(UUID accountId, CeremonyBinding binding, String clientAddress);

    /**
     * Creation options for the second device of a link handoff. They carry the account's opaque
     * user handle but neither its email nor its name (user.name and displayName are neutral), and
     * no {@code excludeCredentials}, which would reveal credential ids to whoever holds the link.
     */
    CreationOptions startHandoff(UUID accountId, CeremonyBinding binding, String clientAddress);

    /**
     * Verifies the second device's new passkey (registration policy included) and stores it pending.
     *
     * @return the pending passkey's id
     */
    default UUID finishHandoff(UUID accountId, String responseJson, CeremonyBinding binding) {
        return finishHandoff(accountId, responseJson, binding, java.util.Optional.empty());
    }

    /**
     * As above, noting the label of the browser that made it ("Chrome on Android"): a phone that was never
     * signed in has no device record of the account, and its passkey is then named after that label
     * ("Passkey on Chrome on Android") rather than "Passkey".
     */
    UUID finishHandoff(UUID accountId, String responseJson, CeremonyBinding binding, java.util.Optional<String> madeOn);

    /**
     * Turns a live pending passkey of the account into one of its passkeys and fires
     * {@link PasskeyAdded} in the same transaction.
     *
     * @param createdOn identity's device record of the second device, when the account was ever
     *                  seen on that browser
     * @return the passkey's id
     * @throws CeremonyRejected {@code UNKNOWN_CHALLENGE} when it expired or is gone,
     *                          {@code TOO_MANY_PASSKEYS} / {@code ALREADY_REGISTERED} as for any new passkey
     */
    UUID confirmPending(UUID accountId, UUID pendingId, java.util.Optional<UUID> createdOn);

    /** Forgets a pending passkey (wrong pairing code, cancelled); nothing happens if it is gone. */
    void dropPending(UUID accountId, UUID pendingId, String why);

    /** The neutral name the second device's passkey manager shows until the user details are signalled. */
    String NEUTRAL_USER_NAME = "Latchkey account";
}
