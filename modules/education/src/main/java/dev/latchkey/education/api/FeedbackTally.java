package dev.latchkey.education.api;

/** Answers to "Was this helpful?" for one article in one language. */
public record FeedbackTally(long helpful, long notHelpful) {
}
