/**
 * The education module's public contract: help articles, contextual tips, the languages they
 * are written in, and "Was this helpful?" feedback.
 *
 * <p>What it does: loads the Markdown articles shipped in this module at start-up (front matter
 * plus body, rendered with commonmark-java and sanitised with the OWASP HTML sanitizer), answers
 * look-ups and searches per locale with a fallback to English, resolves keyed tips that other
 * modules show in context, and counts one answer per article, locale and browser, recording each
 * in its append-only {@code edu_event} table and firing {@link ArticleFeedbackGiven}.
 *
 * <p>What it does NOT do: know about accounts, devices or passkeys (callers pass what a tip should
 * mention as parameters); read HTTP headers or cookies (the app module turns them into a
 * {@link java.util.Locale} and an opaque browser token). It requires no other Latchkey module.
 */
package dev.latchkey.education.api;
