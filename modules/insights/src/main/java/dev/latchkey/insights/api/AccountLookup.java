package dev.latchkey.insights.api;

import dev.latchkey.identity.api.StepUpProof;
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
     * @param coverage the multi-device coverage in words ("2 of 3 active devices covered")
     * @param backup   empty when the passkeys survive the loss of one device, else why not
     */
    record Detail(Match account, String coverage, Optional<String> backup, int recoveryCodesLeft,
                  List<DeviceRow> devices, List<PasskeyRow> passkeys, List<SignInRow> signIns,
                  List<StaffAction> lookups) {
    }

    record DeviceRow(String label, String deviceClass, String verdict, Instant firstSeen, Instant lastSeen,
                     boolean shared) {
    }

    record PasskeyRow(String provider, boolean synced, boolean mayBeSynced, String attachment, Instant createdAt,
                      Optional<Instant> lastUsedAt) {
    }

    record SignInRow(Instant at, String method, boolean succeeded, String reason, String device) {
    }

    /** @param detail what the subject does not say (an assisted recovery's reason and ID check), or empty */
    record StaffAction(Instant at, String actorEmail, String action, String subject, String detail) {
    }
}
