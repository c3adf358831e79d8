package dev.latchkey.nudges.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One stored decision ({@code ndg_decision}), written once by {@link JpaNudges}. */
@Entity
@Table(name = "ndg_decision")
class DecisionEntity {

    @Id
    UUID id;

    @Column(name = "account_id", nullable = false)
    UUID accountId;

    @Column(name = "device_id", nullable = false)
    UUID deviceId;

    @Column(nullable = false, length = 20)
    String moment;

    @Column(name = "trigger_method", length = 30)
    String triggerMethod;

    @Column(length = 20)
    String verdict;

    @Column(length = 30)
    String scenario;

    @Column(length = 30)
    String prompt;

    @Column(nullable = false, length = 60)
    String reason;

    @Column(nullable = false, length = 20)
    String variant;

    @Column(name = "decided_at", nullable = false)
    Instant decidedAt;

    protected DecisionEntity() {
    }

    DecisionEntity(UUID id, UUID accountId, UUID deviceId, String moment, String triggerMethod, String verdict,
                   String scenario, String prompt, String reason, String variant, Instant decidedAt) {
        this.id = id;
        this.accountId = accountId;
        this.deviceId = deviceId;
        this.moment = moment;
        this.triggerMethod = triggerMethod;
        this.verdict = verdict;
        this.scenario = scenario;
        this.prompt = prompt;
        this.reason = reason;
        this.variant = variant;
        this.decidedAt = decidedAt;
    }
}
