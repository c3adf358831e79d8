package dev.latchkey.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An account's password hash (PHC string); at most one per account. */
@Entity
@Table(name = "idn_password")
class PasswordEntity {

    @Id
    @Column(name = "account_id")
    UUID accountId;

    @Column(name = "password_hash", nullable = false, length = 200)
    String passwordHash;

    @Column(name = "set_at", nullable = false)
    Instant setAt;

    @Column(name = "hashed_at", nullable = false)
    Instant hashedAt;

    protected PasswordEntity() {
    }
}
