package dev.latchkey.credentials.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the account page does with an account's passkeys: show where each one lives, rename one,
 * remove one. Removing needs a step-up ({@link dev.latchkey.identity.api.StepUpProof}).
 */
public interface PasskeyManagement {

    /**
     * The account's passkeys, oldest first, in words.
     *
     * @param viewingDevice identity's device record of the browser asking, so a passkey that lives
     *                      only there is "Only on this device"
     */
    List<PasskeyCard> cards(UUID accountId, Optional<UUID> viewingDevice);

    /**
     * Gives a passkey a name of the user's choosing; an empty name brings back the automatic one.
     * Control and direction-changing characters are removed, runs of spaces become one, and at
     * most {@value #MAX_NAME_LENGTH} characters are kept.
     */
    Rename rename(UUID accountId, UUID passkeyId, String name);

    /**
     * Removes a passkey in one transaction with its {@code cred_event} row and {@link PasskeyRemoved},
     * unless it is the account's last way to sign in (no other passkey and no usable fallback or
     * recovery code: identity's one rule, {@link dev.latchkey.identity.api.LastWayIn}).
     *
     * @param proof      the step-up of the session removing it: the passkey must be its account's
     * @param fromDevice identity's device record of the browser removing it, for the security notice
     * @throws dev.latchkey.identity.api.StepUpProof.Expired when the step-up no longer holds (nothing removed)
     */
    Removal remove(dev.latchkey.identity.api.StepUpProof proof, UUID passkeyId, Optional<UUID> fromDevice);

    /**
     * What reporting this device of the account lost would do to its passkeys ({@link LostDevicePlan}),
     * changing nothing; identity's {@link dev.latchkey.identity.api.Devices#reportLost} then does exactly
     * that. Empty when the account has no such device.
     */
    Optional<LostDevicePlan> lostDevicePlan(UUID accountId, UUID deviceId);

    /**
     * The account's recent changes to its passkeys (added, renamed, removed, pending), newest first, at most
     * {@code limit} (1 to 200), from the module's event log: for staff helping the account's owner.
     */
    List<PasskeyEvent> history(UUID accountId, int limit);

    int MAX_NAME_LENGTH = 64;

    /** What a rename did; {@code REFUSED}: the name was longer than {@value #MAX_NAME_LENGTH} characters. */
    record Rename(Outcome outcome) {
        public enum Outcome { RENAMED, NAME_RESET, REFUSED, NOT_FOUND }
    }

    /**
     * What a removal did; the page says it in its language.
     *
     * @param confirmAddressFirst with {@code LAST_WAY_IN}: as {@link dev.latchkey.identity.api.LastWayIn.Verdict#confirmAddressFirst()}
     */
    record Removal(Outcome outcome, boolean confirmAddressFirst) {
        public enum Outcome { REMOVED, NOT_FOUND, LAST_WAY_IN }
    }
}
