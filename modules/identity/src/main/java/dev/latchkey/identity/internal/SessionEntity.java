package dev.latchkey.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Written by native SQL (expiry uses the database clock); read through JPA. */
@Entity
@Table(name = "idn_session")
class SessionEntity {

    @Id
    UUID id;

    @Column(name = "token_hash", nullable = false, unique = true, length = 32)
    byte[] tokenHash;

    @Column(name = "account_id", nullable = false)
    UUID accountId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    @Column(name = "last_seen_at", nullable = false)
    Instant lastSeenAt;

    @Column(name = "device_id")
    UUID deviceId;

    /** A shared device's own idle timeout; null: the deployment's. */
    @Column(name = "idle_seconds")
    Integer idleSeconds;

    protected SessionEntity() {
    }
}
