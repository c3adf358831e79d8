package dev.latchkey.app.web.operator;

import dev.latchkey.nudges.api.Words;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Figures of the dashboard as the reader writes them: insights hands numbers as the CSV holds them
 * ({@code 62.5}, {@code 62.5 %}, with a decimal point); a German reader reads {@code 62,5 %}. Only a text
 * that is a number and nothing else changes (a cell, a headline, a number inside words), never a date, a
 * domain or a name; the CSV keeps the point.
 */
final class Decimals {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+\\.\\d+( %)?");

    private Decimals() {
    }

    /** A figure in the reader's language: the decimal separator of {@code locale}. */
    static String shown(String text, Locale locale) {
        if (!NUMBER.matcher(text).matches()) {
            return text;
        }
        char separator = java.text.DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        return text.replace('.', separator);
    }

    /** {@code say} with the figures among the words' arguments shown as in {@link #shown}. */
    static Function<Words, String> saying(Function<Words, String> say, Locale locale) {
        return w -> say.apply(figures(w, locale));
    }

    private static Words figures(Words words, Locale locale) {
        return new Words(words.key(), words.args().stream()
                .map(a -> a instanceof Words w ? (Object) figures(w, locale) : shown((String) a, locale)).toList());
    }
}
