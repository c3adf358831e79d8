package dev.latchkey.education.internal;

import dev.latchkey.education.api.Article;
import dev.latchkey.education.api.ArticleFeedback;
import dev.latchkey.education.api.ArticleFeedbackGiven;
import dev.latchkey.education.api.FeedbackTally;
import dev.latchkey.platform.api.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * "Was this helpful?" answers in {@code edu_feedback}. The unique constraint on article, language
 * and browser hash decides what counts, so two clicks racing each other still count once.
 * Reads run in a transaction too (J2CA0026E otherwise, see the credentials module).
 */
@ApplicationScoped
@Transactional
class FeedbackStore implements ArticleFeedback {

    static final int MIN_TOKEN_LENGTH = 32;

    @PersistenceContext(unitName = "education")
    EntityManager em;

    @Inject
    HelpLibrary help;

    @Inject
    EducationEvents events;

    @Inject
    Event<ArticleFeedbackGiven> given;

    @Override
    public Outcome record(String slug, Locale locale, boolean helpful, String browserToken) {
        byte[] browser = hash(browserToken);
        Optional<Article> shown = help.find(slug, locale);
        if (shown.isEmpty()) {
            return Outcome.UNKNOWN_ARTICLE;
        }
        String language = shown.get().languageTag();
        // PostgreSQL's ON CONFLICT, which H2 accepts in PostgreSQL mode: no exception (and no
        // rolled-back transaction) when this browser has answered already.
        int inserted = em.createNativeQuery("insert into edu_feedback (article_slug, locale, helpful, browser_hash, answered_at)"
                        + " values (?, ?, ?, ?, current_timestamp) on conflict do nothing")
                .setParameter(1, slug)
                .setParameter(2, language)
                .setParameter(3, helpful)
                .setParameter(4, browser)
                .executeUpdate();
        if (inserted == 0) {
            return Outcome.ALREADY_COUNTED;
        }
        Instant at = dev.latchkey.platform.api.Timestamps.now();
        events.feedbackGiven(slug, language, helpful, at);
        given.fire(new ArticleFeedbackGiven(slug, shown.get().locale(), helpful, at));
        return Outcome.COUNTED;
    }

    @Override
    public boolean alreadyAnswered(String slug, Locale locale, String browserToken) {
        if (browserToken == null || browserToken.length() < MIN_TOKEN_LENGTH) {
            return false;
        }
        Optional<Article> shown = help.find(slug, locale);
        return shown.isPresent() && em.createQuery("select count(f) from FeedbackEntity f where f.articleSlug = :s"
                        + " and f.locale = :l and f.browserHash = :b", Long.class)
                .setParameter("s", slug)
                .setParameter("l", shown.get().languageTag())
                .setParameter("b", hash(browserToken))
                .getSingleResult() > 0;
    }

    @Override
    public FeedbackTally tally(String slug, Locale locale) {
        long helpful = 0;
        long notHelpful = 0;
        for (FeedbackAnswers answers : em.createQuery("select new dev.latchkey.education.internal.FeedbackAnswers("
                        + "f.helpful, count(f)) from FeedbackEntity f where f.articleSlug = :s and f.locale = :l"
                        + " group by f.helpful", FeedbackAnswers.class)
                .setParameter("s", slug)
                .setParameter("l", locale.toLanguageTag())
                .getResultList()) {
            if (answers.helpful()) {
                helpful = answers.count();
            } else {
                notHelpful = answers.count();
            }
        }
        return new FeedbackTally(helpful, notHelpful);
    }

    @Override
    public void replay(java.util.function.Consumer<ArticleFeedbackGiven> each) {
        em.createNativeQuery("select article_slug, locale, helpful, occurred_at from edu_event where type = ?"
                        + " order by occurred_at, id")
                .setParameter(1, EducationEvents.Type.FEEDBACK_GIVEN.name())
                .setHint("org.hibernate.fetchSize", 1000)
                .getResultStream()
                .forEach(row -> {
                    Object[] r = (Object[]) row;
                    each.accept(new ArticleFeedbackGiven((String) r[0], Locale.forLanguageTag((String) r[1]),
                            Boolean.TRUE.equals(r[2]), dev.latchkey.platform.api.NativeColumns.instant(r[3])));
                });
    }

    static byte[] hash(String browserToken) {
        if (browserToken == null || browserToken.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("a browser token of at least " + MIN_TOKEN_LENGTH + " characters is required");
        }
        return Sha256.of(browserToken);
    }
}
