package dev.latchkey.insights.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One assisted recovery ({@code ins_assisted_recovery}). {@link AssistedRecoveryService} reads it through
 * the typed {@link RecoveryRow} projection only and moves it with conditional native updates whose
 * expiry is the database clock's; it is never loaded as a managed entity, so no stale copy outlives
 * such an update. Mapped for the schema check at start-up.
 */
@Entity
@Table(name = "ins_assisted_recovery")
class AssistedRecoveryEntity {

    @Id
    UUID id;

    @Column(name = "account_id", nullable = false)
    UUID accountId;

    @Column(name = "agent_id", nullable = false)
    UUID agentId;

    @Column(name = "agent_email", nullable = false, length = 254)
    String agentEmail;

    @Column(nullable = false, length = 500)
    String reason;

    @Column(name = "id_document", nullable = false, length = 40)
    String idDocument;

    @Column(name = "approvals_needed", nullable = false)
    int approvalsNeeded;

    @Column(name = "approver_id")
    UUID approverId;

    @Column(name = "approver_email", length = 254)
    String approverEmail;

    @Column(nullable = false, length = 20)
    String state;

    @Column(name = "token_hash", unique = true, length = 32)
    byte[] tokenHash;

    @Column(name = "claimant_hash", length = 32)
    byte[] claimantHash;

    @Column(name = "passkey_id")
    UUID passkeyId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "expires_at")
    Instant expiresAt;

    protected AssistedRecoveryEntity() {
    }
}
