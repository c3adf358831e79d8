package dev.latchkey.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A mailed six-digit code ({@code idn_email_code}): sign-in, address confirmation or address
 * change. Written, counted and consumed by conditional native updates (expiry by the database
 * clock); read through the typed {@link EmailCodeRow} projection only. Maps the columns that are read.
 */
@Entity
@Table(name = "idn_email_code")
class EmailCodeEntity {

    @Id
    UUID id;

    @Column(name = "attempt_hash", nullable = false, unique = true, length = 32)
    byte[] attemptHash;

    @Column(name = "account_id")
    UUID accountId;

    @Column(nullable = false, length = 254)
    String email;

    @Column(name = "code_hash", nullable = false, length = 32)
    byte[] codeHash;

    @Column(nullable = false)
    int tries;

    /** SIGN_IN, CONFIRM or CHANGE. */
    @Column(nullable = false, length = 20)
    String purpose;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    @Column(name = "consumed_at")
    Instant consumedAt;

    protected EmailCodeEntity() {
    }
}
