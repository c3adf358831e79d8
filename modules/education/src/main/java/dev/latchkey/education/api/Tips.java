package dev.latchkey.education.api;

import java.util.Locale;
import java.util.Map;

/** Contextual tips in the user's language, for other modules to show next to what they do. */
public interface Tips {

    /**
     * @param locale the user's language; English when it is not supported
     * @param params exactly the parameters {@link TipKey#parameters()} names. Values are used as
     *               plain text: control characters are removed, whitespace is collapsed and
     *               anything longer than 80 characters is shortened.
     * @throws IllegalArgumentException when a parameter is missing, blank or not one of the key's
     */
    Tip tip(TipKey key, Locale locale, Map<String, String> params);
}
