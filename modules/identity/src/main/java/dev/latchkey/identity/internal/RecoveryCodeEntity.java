package dev.latchkey.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One recovery code ({@code idn_recovery_code}), kept only as a hash. Written and spent by native
 * SQL in {@link JpaRecoveryCodes} (a conditional update spends a code once); read through typed
 * projections.
 */
@Entity
@Table(name = "idn_recovery_code")
class RecoveryCodeEntity {

    @Id
    UUID id;

    @Column(name = "account_id", nullable = false)
    UUID accountId;

    @Column(name = "code_hash", nullable = false, length = 32)
    byte[] codeHash;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "used_at")
    Instant usedAt;

    protected RecoveryCodeEntity() {
    }

    /** An unused code's id and hash. */
    record Unused(UUID id, byte[] codeHash) {
    }

    /** How many codes are left, and when the oldest of them was made (null when none is left). */
    record Left(Long count, Instant oldest) {
    }
}
