/**
 * The education module's public contract (not built yet; see the "Education" issue).
 *
 * <p>What it will own: help articles as Markdown content files with front matter, their rendering
 * and search, contextual tips keyed for other modules to ask for, their translations, and
 * "Was this helpful?" counts, in tables prefixed {@code edu_}.
 *
 * <p>What it will NOT do: know about accounts, devices or passkeys; callers pass what a tip
 * should mention as parameters. It requires no other Latchkey module.
 */
package dev.latchkey.education.api;
