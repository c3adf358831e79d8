package dev.latchkey.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One invitation ({@code idn_invitation}). Written, revoked and spent by conditional native
 * updates in {@link JpaInvitations} (expiry by the database clock); read through typed projections.
 */
@Entity
@Table(name = "idn_invitation")
class InvitationEntity {

    @Id
    UUID id;

    @Column(name = "token_hash", nullable = false, unique = true, length = 32)
    byte[] tokenHash;

    @Column(nullable = false, length = 254)
    String email;

    @Column(name = "invited_by", nullable = false)
    UUID invitedBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    @Column(name = "used_at")
    Instant usedAt;

    @Column(name = "used_by")
    UUID usedBy;

    @Column(name = "revoked_at")
    Instant revokedAt;

    protected InvitationEntity() {
    }
}
