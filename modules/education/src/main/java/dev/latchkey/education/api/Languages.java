package dev.latchkey.education.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Latchkey's help is written in. Every article and every tip exists in each of
 * them (the module's tests enforce it); English is the fallback for anything else.
 */
public final class Languages {

    /** Used when nothing the browser asks for is supported, and for untranslated content. */
    public static final Locale FALLBACK = Locale.ENGLISH;

    private static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    /** Longer headers are not a browser's: ignored rather than parsed. */
    private static final int MAX_HEADER_LENGTH = 1000;

    private Languages() {
    }

    /** @return the supported languages, English first */
    public static List<Locale> supported() {
        return SUPPORTED;
    }

    /**
     * @param tag a language tag such as {@code de} or {@code de-CH}, as a user chose it
     * @return the supported language it names, ignoring region and case, or empty
     */
    public static Optional<Locale> byTag(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip()).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /**
     * Picks the best supported language for an {@code Accept-Language} header (RFC 9110 §12.5.4),
     * honouring its weights; English when the header is missing, malformed or names nothing
     * supported.
     */
    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > MAX_HEADER_LENGTH) {
            return FALLBACK;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return best == null ? FALLBACK : best;
        } catch (IllegalArgumentException malformed) {
            return FALLBACK;
        }
    }
}
