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
 * it, which is how German compounds ("Sicherheitsschlüssel") are found by their parts.
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

    SearchIndex(List<Entry<T>> entries) {
        this.entries = List.copyOf(entries);
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
        return entries.stream()
                .map(e -> new Hit<>(e, score(e, terms)))
                .filter(h -> h.score() > 0)
                .sorted(Comparator.comparingInt((Hit<T> h) -> -h.score()).thenComparingInt(h -> h.entry().order()))
                .map(h -> h.entry().item())
                .toList();
    }

    /** Sum over the terms of the best field each occurs in; 0 when any term occurs nowhere. */
    private static int score(Entry<?> entry, List<String> terms) {
        int total = 0;
        for (String term : terms) {
            int best = matches(entry.title(), term) ? TITLE
                    : matches(entry.summary(), term) ? SUMMARY
                    : matches(entry.body(), term) ? BODY : 0;
            if (best == 0) {
                return 0;
            }
            total += best;
        }
        return total;
    }

    private static boolean matches(Set<String> words, String term) {
        for (String word : words) {
            if (word.startsWith(term) || (term.length() >= 4 && word.contains(term))) {
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
