package dev.latchkey.insights.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One staff action ({@code ins_staff_action}, append-only). */
@Entity
@Table(name = "ins_staff_action")
class StaffActionEntity {

    @Id
    UUID id;

    @Column(name = "actor_id", nullable = false)
    UUID actorId;

    @Column(name = "actor_email", nullable = false, length = 254)
    String actorEmail;

    @Column(nullable = false, length = 40)
    String action;

    @Column(nullable = false, length = 200)
    String subject;

    /** What it was about beyond the subject (an assisted recovery's reason and ID check), if anything. */
    @Column(length = 500)
    String detail;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;
}
