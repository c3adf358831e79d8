package dev.latchkey.education.api;

import java.util.Locale;

/**
 * "Was this helpful?": one yes or no per article, language and browser, no account needed.
 *
 * <p>A browser is known only by an opaque token that the caller keeps in a cookie; the module
 * stores a SHA-256 hash of it, never the token. The language counted is the one the article was
 * actually shown in (English when a translation was missing).
 */
public interface ArticleFeedback {

    /** What happened to an answer. */
    enum Outcome {
        /** Counted, recorded in {@code edu_event}, and {@link ArticleFeedbackGiven} fired. */
        COUNTED,
        /** This browser already answered for this article in this language: nothing changed. */
        ALREADY_COUNTED,
        /** No such article: nothing changed. */
        UNKNOWN_ARTICLE
    }

    /**
     * @param locale       the language the reader asked for
     * @param browserToken an opaque, random, per-browser value of at least 32 characters
     * @throws IllegalArgumentException for a missing or short token
     */
    Outcome record(String slug, Locale locale, boolean helpful, String browserToken);

    /** @return whether this browser already answered for the article as it is shown in this language */
    boolean alreadyAnswered(String slug, Locale locale, String browserToken);

    /** @return the answers counted for one article in exactly this language */
    FeedbackTally tally(String slug, Locale locale);

    /**
     * Hands every counted answer ({@code edu_event} FEEDBACK_GIVEN rows) to {@code each}, oldest first,
     * in one read-only pass: for insights rebuilding its rollups. Nothing is changed or fired.
     */
    void replay(java.util.function.Consumer<ArticleFeedbackGiven> each);
}
