package dev.latchkey.nudges.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One link handoff ({@code ndg_handoff}). {@link HandoffService} reads it through the typed
 * {@link HandoffRow} projection only and moves it with conditional native updates on the state it
 * leaves, whose expiry is the database clock's; it is never loaded as a managed entity, so no
 * stale copy outlives such an update.
 */
@Entity
@Table(name = "ndg_handoff")
class HandoffEntity {

    @Id
    UUID id;

    @Column(name = "account_id", nullable = false)
    UUID accountId;

    @Column(name = "session_id", nullable = false)
    UUID sessionId;

    @Column(name = "token_hash", nullable = false, unique = true, length = 32)
    byte[] tokenHash;

    /** A {@link dev.latchkey.nudges.api.Handoffs.State} name. */
    @Column(nullable = false, length = 20)
    String state;

    @Column(name = "claimant_hash", length = 32)
    byte[] claimantHash;

    @Column(name = "pending_passkey_id")
    UUID pendingPasskeyId;

    @Column(name = "device_id")
    UUID deviceId;

    @Column(name = "code_hash", length = 32)
    byte[] codeHash;

    @Column(name = "code_attempts", nullable = false)
    int codeAttempts;

    @Column(name = "passkey_id")
    UUID passkeyId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    protected HandoffEntity() {
    }
}
