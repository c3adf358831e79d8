package dev.latchkey.insights.internal;

import dev.latchkey.insights.api.AssistedRecovery.State;
import java.time.Instant;
import java.util.UUID;

/** An assisted recovery as its rules need it, with the database's time of reading (the expiry is its clock's). */
record RecoveryRow(UUID id, UUID accountId, UUID agentId, String agentEmail, String reason, String idDocument,
                   int approvalsNeeded, String approverEmail, State state, byte[] claimantHash, Instant createdAt,
                   Instant expiresAt, Instant readAt) {

    /** The JPQL projection's constructor ({@code select new ...RecoveryRow(r.id, ..., instant)}). */
    RecoveryRow(UUID id, UUID accountId, UUID agentId, String agentEmail, String reason, String idDocument,
                Integer approvalsNeeded, String approverEmail, String state, byte[] claimantHash, Instant createdAt,
                Instant expiresAt, Instant readAt) {
        this(id, accountId, agentId, agentEmail, reason, idDocument, (int) approvalsNeeded, approverEmail,
                State.valueOf(state), claimantHash, createdAt, expiresAt, readAt);
    }

    /** An issued link within its lifetime. */
    boolean live() {
        return expiresAt != null && expiresAt.isAfter(readAt);
    }
}
