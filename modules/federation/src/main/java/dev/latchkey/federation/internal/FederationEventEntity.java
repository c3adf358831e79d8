package dev.latchkey.federation.internal;

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
@Table(name = "fed_event")
class FederationEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 40)
    String type;

    @Column(name = "client_id", length = 100)
    String clientId;

    @Column(name = "account_id")
    UUID accountId;

    @Column(length = 100)
    String reason;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;
}
