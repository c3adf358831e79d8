package dev.latchkey.education.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The help articles, loaded once at start-up from the content files shipped in this module.
 * Every method answers in the asked language where a translation exists and in English otherwise.
 */
public interface Articles {

    /** @return every article in reading order (the order of {@code contents.txt}) */
    List<Article> all(Locale locale);

    /** @return the article with this slug; empty for an unknown or malformed slug */
    Optional<Article> find(String slug, Locale locale);

    /**
     * Articles whose title, summary, tags or body contain every word of the query, ignoring case
     * and accents; a query word also matches the start of a longer word, and (from four letters)
     * any part of one, so "schlüssel" finds "Sicherheitsschlüssel". Best matches first: a title
     * match counts more than a summary match, which counts more than a body match.
     *
     * @return matches; empty for a blank query
     */
    List<Article> search(String query, Locale locale);

    /** @return up to {@code limit} other articles sharing the most tags with this one */
    List<Article> related(String slug, Locale locale, int limit);
}
