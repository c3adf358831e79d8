package dev.latchkey.education.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Word search over a handful of articles, in memory. Words are compared without case and
 * accents ("Gerät" and "gerat" are the same word, "ß" is "ss"); every query word must occur.
 * A query word matches a word that starts with it, and from four letters any word that contains
 * it, which is how German compounds ("Sicherheitsschlüssel") are found by their parts; an
 * inflected query word ("Telefone", "phones") matches its stem. A query word also matches where
 * one of its {@link Synonyms} does ("Handy" where the articles say "Telefon").
 */
final class SearchIndex<T> {

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final int MAX_QUERY_LENGTH = 200;
    private static final int MAX_QUERY_WORDS = 8;
    private static final int TITLE = 3;
    private static final int SUMMARY = 2;
    private static final int BODY = 1;

    /** One searchable document: the words of its title, its summary and tags, and its body. */
    record Entry<T>(T item, int order, Set<String> title, Set<String> summary, Set<String> body) {
    }

    private final List<Entry<T>> entries;
    private final Synonyms synonyms;

    SearchIndex(List<Entry<T>> entries) {
        this(entries, Synonyms.NONE);
    }

    SearchIndex(List<Entry<T>> entries, Synonyms synonyms) {
        this.entries = List.copyOf(entries);
        this.synonyms = synonyms;
    }

    static <T> Entry<T> entry(T item, int order, String title, String summaryAndTags, String body) {
        return new Entry<>(item, order, words(title), words(summaryAndTags), words(body));
    }

    List<T> search(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        String bounded = query.length() > MAX_QUERY_LENGTH ? query.substring(0, MAX_QUERY_LENGTH) : query;
        List<String> terms = words(bounded).stream().limit(MAX_QUERY_WORDS).toList();
        if (terms.isEmpty()) {
            return List.of();
        }
        record Hit<T>(Entry<T> entry, int score) {
        }
        List<Set<String>> expanded = terms.stream().map(synonyms::of).toList();
        return entries.stream()
                .map(e -> new Hit<>(e, score(e, expanded)))
                .filter(h -> h.score() > 0)
                .sorted(Comparator.comparingInt((Hit<T> h) -> -h.score()).thenComparingInt(h -> h.entry().order()))
                .map(h -> h.entry().item())
                .toList();
    }

    /**
     * Sum over the query words of the best field each (or one of its synonyms) occurs in; 0 when
     * any query word occurs nowhere.
     */
    private static int score(Entry<?> entry, List<Set<String>> terms) {
        int total = 0;
        for (Set<String> term : terms) {
            int best = 0;
            for (String word : term) {
                best = Math.max(best, matches(entry.title(), word) ? TITLE
                        : matches(entry.summary(), word) ? SUMMARY
                        : matches(entry.body(), word) ? BODY : 0);
            }
            if (best == 0) {
                return 0;
            }
            total += best;
        }
        return total;
    }

    private static boolean matches(Set<String> words, String term) {
        for (String word : words) {
            if (word.startsWith(term) || (term.length() >= 4 && word.contains(term)) || Synonyms.inflected(term, word)) {
                return true;
            }
        }
        return false;
    }

    /** Distinct normalised words, in order of first appearance. */
    static Set<String> words(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT)
                .replace("ß", "ss");
        return Arrays.stream(NOT_A_WORD.split(folded))
                .filter(w -> !w.isEmpty())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
