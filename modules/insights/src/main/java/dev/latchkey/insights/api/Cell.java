package dev.latchkey.insights.api;

import dev.latchkey.nudges.api.Words;
import java.util.Objects;
import java.util.Optional;

/**
 * One cell or column header of a dashboard table.
 *
 * @param text  what the CSV export holds, the same in every reader's language: a number, a day, a proper name
 *              (a provider, a platform and browser, an article's slug), or a stable code for words of ours
 *              ({@code PASSKEY_THIS_DEVICE}, {@code WRONG_CODE}, {@code HYBRID_SIGN_IN}); a column's English header
 * @param words what a page says instead, in the reader's language, where the cell is words of ours
 *              ({@code op.method.PASSKEY_THIS_DEVICE}, {@code insights.<table>.col.<n>}); empty for data
 */
public record Cell(String text, Optional<Words> words) {

    public Cell {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(words, "words");
    }

    /** Data: the page shows it as the CSV does. */
    public static Cell of(String text) {
        return new Cell(text, Optional.empty());
    }

    /** Words of ours: the CSV holds the code, the page says the words. */
    public static Cell said(String code, Words words) {
        return new Cell(code, Optional.of(words));
    }
}
