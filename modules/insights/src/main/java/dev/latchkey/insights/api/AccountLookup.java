package dev.latchkey.insights.api;

import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.identity.api.StepUpProof;
import dev.latchkey.nudges.api.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Staff looking an account up to help its owner: find it, then see its devices, passkeys, coverage
 * and recent security events. Every search and every view is recorded as a staff action (who, what,
 * when), in the same transaction, and the account's page lists the lookups of it.
 * Needs {@link dev.latchkey.identity.api.Permission#ACCOUNT_LOOKUP}; the audit of all staff actions
 * needs {@link dev.latchkey.identity.api.Permission#STAFF_AUDIT}.
 */
public interface AccountLookup {

    /** Accounts whose address starts with the query (or whose id it is), at most 20; recorded. */
    List<Match> search(StepUpProof staff, String query);

    /** The account's picture for staff; recorded. Empty when there is no such account (nothing recorded). */
    Optional<Detail> view(StepUpProof staff, UUID accountId);

    /** What staff did, newest first, at most {@code limit} (1 to 500). */
    List<StaffAction> recentActions(StepUpProof admin, int limit);

    record Match(UUID id, String email, boolean emailConfirmed, String displayName, Instant createdAt) {
    }

    /**
     * Data and codes, no sentences: the console's pages say them in the reader's language.
     *
     * @param coveredDevices how many of the active devices a passkey covers (or likely covers)
     * @param activeDevices  the devices that count for coverage (shared ones and long-unseen ones do not)
     * @param backup         empty when the passkeys survive the loss of one device, else why not: {@code NO_PASSKEY},
     *                       {@code PASSKEY_NOT_BACKED_UP} or {@code ALL_PASSKEYS_ON_ONE_DEVICE} (nudges' coverage model)
     */
    record Detail(Match account, int coveredDevices, int activeDevices, Optional<String> backup, int recoveryCodesLeft,
                  List<DeviceRow> devices, List<PasskeyRow> passkeys, List<SignInRow> signIns,
                  List<StaffAction> lookups, List<SecurityEvent> events) {
    }

    /**
     * One entry of the account's security timeline (changes to its passkeys and step-ups, newest first; sign-ins
     * have their own list): codes and user data, said by the console in the reader's language.
     *
     * @param event   what happened: {@code PASSKEY_ADDED}, {@code PASSKEY_RENAMED}, {@code PASSKEY_REMOVED},
     *                {@code PASSKEY_PENDING}, {@code PASSKEY_PENDING_DROPPED} or {@code STEP_UP}
     * @param cause   how or why: for passkeys a {@link dev.latchkey.credentials.api.PasskeyEvent.Cause} name or
     *                {@code ASSISTED_RECOVERY}; for a step-up the {@link SignInMethod} name
     * @param actor   who did it: {@code PERSON} (the account's owner), {@code STAFF} (see {@code staffEmail}),
     *                {@code OTHER_ACCOUNT} (another account confirmed the address) or {@code NOT_RECORDED}
     * @param subject the passkey's own name or its provider, or the step-up's device label (user data); empty when unknown
     */
    record SecurityEvent(Instant at, String event, String cause, String actor, Optional<String> staffEmail,
                         Optional<String> subject) {
    }

    /**
     * @param label   identity's label for the browser ("Chrome on Windows"), user data
     * @param verdict the coverage verdict, empty when the device was not active recently
     */
    record DeviceRow(String label, String deviceClass, Optional<Verdict> verdict, Instant firstSeen, Instant lastSeen,
                     boolean shared) {
    }

    /**
     * @param provider   the provider's name by AAGUID ("iCloud Keychain"), empty when unknown
     * @param attachment the authenticator attachment the browser reported ({@code platform}, {@code cross-platform}),
     *                   empty when it reported none
     */
    record PasskeyRow(Optional<String> provider, boolean synced, boolean mayBeSynced, Optional<String> attachment,
                      Instant createdAt, Optional<Instant> lastUsedAt) {
    }

    /** @param reason why it failed, a code ({@code UNKNOWN_CREDENTIAL} ...), empty when it succeeded or none was recorded */
    record SignInRow(Instant at, SignInMethod method, boolean succeeded, Optional<String> reason, String device) {
    }

    /**
     * @param action what was done, a code: {@code ACCOUNT_SEARCH}, {@code ACCOUNT_VIEW}, {@code RECOVERY_STARTED},
     *               {@code RECOVERY_APPROVED}, {@code RECOVERY_LINK_ISSUED}, {@code RECOVERY_PASSKEY_CREATED},
     *               {@code RECOVERY_REFUSED}, {@code INSIGHTS_REBUILD}
     * @param subject the account it was about (its id), {@code ""} for none; in rows written before details were
     *                words, a search's or rebuild's English as recorded
     * @param detail  what the subject does not say (an assisted recovery's reason and ID check), in words
     *                ({@code op.audit.*}; a row written before holds its English as {@code op.audit.recorded}),
     *                or empty
     */
    record StaffAction(Instant at, String actorEmail, String action, String subject,
                       Optional<dev.latchkey.nudges.api.Words> detail) {
    }
}
