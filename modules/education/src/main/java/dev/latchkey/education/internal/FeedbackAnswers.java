package dev.latchkey.education.internal;

/** How many answered "Was this helpful?" one way, for one article in one language (a typed projection). */
record FeedbackAnswers(Boolean helpful, Long count) {
}
