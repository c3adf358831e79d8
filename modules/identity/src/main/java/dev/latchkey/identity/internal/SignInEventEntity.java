package dev.latchkey.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Append-only: inserted, never updated. */
@Entity
@Table(name = "idn_sign_in_event")
class SignInEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "account_id")
    UUID accountId;

    @Column(name = "device_id")
    UUID deviceId;

    @Column(name = "device_label", nullable = false, length = 120)
    String deviceLabel;

    @Column(nullable = false, length = 30)
    String method;

    @Column(nullable = false)
    boolean succeeded;

    @Column(length = 60)
    String reason;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;

    protected SignInEventEntity() {
    }
}
