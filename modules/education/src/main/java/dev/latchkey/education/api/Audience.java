package dev.latchkey.education.api;

/** Whom an article is written for (front matter {@code audience}). */
public enum Audience {
    /** People who sign in. */
    EVERYONE,
    /** People who run Latchkey for an organisation. */
    ADMINISTRATORS
}
