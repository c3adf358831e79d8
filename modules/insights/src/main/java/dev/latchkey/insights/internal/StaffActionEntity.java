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

    /** The account it was about (its id), or {@code ""} for none; before V6 a search's or rebuild's English. */
    @Column(nullable = false, length = 200)
    String subject;

    /** Rows written before V6: what it was about beyond the subject, in English as recorded. */
    @Column(length = 500)
    String detail;

    /** What it was about beyond the subject, in words ({@link AuditWords}); null before V6 or when nothing. */
    @Column(name = "detail_words", length = AuditWords.MAX)
    String detailWords;

    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;
}
