package dev.latchkey.education.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One counted "Was this helpful?" answer ({@code edu_feedback}). Written by {@link FeedbackStore} only. */
@Entity
@Table(name = "edu_feedback")
class FeedbackEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "article_slug", nullable = false, length = 80)
    String articleSlug;

    @Column(nullable = false, length = 16)
    String locale;

    @Column(nullable = false)
    boolean helpful;

    /** SHA-256 of the browser's feedback cookie. */
    @Column(name = "browser_hash", nullable = false, length = 32)
    byte[] browserHash;

    @Column(name = "answered_at", nullable = false)
    Instant answeredAt;

    protected FeedbackEntity() {
    }
}
