package dev.latchkey.education.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Appends to the education module's own event log ({@code edu_event}), which insights will read; rows are never changed. */
@ApplicationScoped
class EducationEvents {

    enum Type { FEEDBACK_GIVEN }

    @PersistenceContext(unitName = "education")
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    void feedbackGiven(String slug, String locale, boolean helpful, java.time.Instant at) {
        em.createNativeQuery("insert into edu_event (type, article_slug, locale, helpful, occurred_at)"
                        + " values (?, ?, ?, ?, ?)")
                .setParameter(1, Type.FEEDBACK_GIVEN.name())
                .setParameter(2, slug)
                .setParameter(3, locale)
                .setParameter(4, helpful)
                .setParameter(5, at)
                .executeUpdate();
    }
}
