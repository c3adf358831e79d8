package dev.latchkey.education.api;

import java.time.Instant;
import java.util.Locale;

/**
 * Fired (as a CDI event, inside the transaction that counted it) when a "Was this helpful?"
 * answer is counted. Observe it with {@code during = TransactionPhase.AFTER_SUCCESS} to react only
 * to answers that were stored. Carries nothing about the person who answered.
 *
 * @param locale the language the article was shown in
 */
public record ArticleFeedbackGiven(String slug, Locale locale, boolean helpful, Instant at) {
}
