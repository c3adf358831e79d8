package dev.latchkey.education.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Words a reader may search for that the articles say differently: a German reader looks for
 * "Handy" or "Smartphone" where the articles say "Telefon". Read from
 * {@code META-INF/latchkey/articles/synonyms_<language>.txt}, one group per line, words separated
 * by commas ({@code #} starts a comment); a query word that is a word of a group, or one of its
 * inflected forms ("Handys", "phones"), also finds every other word of that group.
 */
final class Synonyms {

    static final Synonyms NONE = new Synonyms(List.of());

    /** Endings of plural and case forms (German and English) that a query word may carry beyond its stem. */
    private static final Set<String> ENDINGS = Set.of("s", "e", "n", "en", "es", "er", "ern", "ens", "nen");

    private final List<Set<String>> groups;

    private Synonyms(List<Set<String>> groups) {
        this.groups = List.copyOf(groups);
    }

    static Synonyms parse(String file, String text) {
        List<Set<String>> groups = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\\R")) {
            number++;
            String content = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            if (content.isBlank()) {
                continue;
            }
            Set<String> group = new LinkedHashSet<>();
            for (String word : content.split(",")) {
                Set<String> normalised = SearchIndex.words(word);
                if (normalised.size() != 1) {
                    throw new ContentException(file, "line " + number + ": '" + word.strip()
                            + "' is not one word (a group lists single words, separated by commas)");
                }
                group.addAll(normalised);
            }
            if (group.size() < 2) {
                throw new ContentException(file, "line " + number + ": a group needs two words or more");
            }
            groups.add(Set.copyOf(group));
        }
        return new Synonyms(groups);
    }

    /** The normalised query word itself and every word it stands for. */
    Set<String> of(String term) {
        Set<String> all = new LinkedHashSet<>();
        all.add(term);
        for (Set<String> group : groups) {
            if (group.stream().anyMatch(word -> sameWord(term, word))) {
                all.addAll(group);
            }
        }
        return all;
    }

    /** The word itself, an inflected form of it, or (from five letters) its beginning as someone types it. */
    static boolean sameWord(String term, String word) {
        return term.equals(word) || inflected(term, word) || (term.length() >= 5 && word.startsWith(term));
    }

    /** {@code term} is {@code word} plus a plural or case ending ("telefone", "phones"); the stem has four letters or more. */
    static boolean inflected(String term, String word) {
        return word.length() >= 4 && term.length() > word.length() && term.startsWith(word)
                && ENDINGS.contains(term.substring(word.length()));
    }
}
