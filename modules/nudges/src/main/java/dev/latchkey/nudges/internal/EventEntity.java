package dev.latchkey.nudges.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One funnel event ({@code ndg_event}): inserted by {@link NudgeLog}, never changed. */
@Entity
@Table(name = "ndg_event")
class EventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 20)
    String type;

    @Column(name = "account_id", nullable = false)
    UUID accountId;

    @Column(name = "device_id", nullable = false)
    UUID deviceId;

    @Column(name = "decision_id", nullable = false)
    UUID decisionId;

    @Column(nullable = false, length = 30)
    String scenario;

    @Column(nullable = false, length = 20)
    String variant;

    @Column(name = "passkey_id")
    UUID passkeyId;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;

    protected EventEntity() {
    }

    EventEntity(String type, UUID accountId, UUID deviceId, UUID decisionId, String scenario, String variant,
                UUID passkeyId, Instant occurredAt) {
        this.type = type;
        this.accountId = accountId;
        this.deviceId = deviceId;
        this.decisionId = decisionId;
        this.scenario = scenario;
        this.variant = variant;
        this.passkeyId = passkeyId;
        this.occurredAt = occurredAt;
    }
}
