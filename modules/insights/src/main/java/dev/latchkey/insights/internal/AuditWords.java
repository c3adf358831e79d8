package dev.latchkey.insights.internal;

import dev.latchkey.nudges.api.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A staff action's {@link Words} as one column ({@code ins_staff_action.detail_words}): the key, then
 * each argument after a unit separator (U+001F), marked {@code t} for plain text (user data: an address,
 * a reason typed by an agent, a number) or {@code w} for words of ours without arguments of their own
 * (a role, an identity document). Control characters in text are stored as spaces, so a stored value
 * always reads back as it was written; each text is cut at {@link #TEXT_MAX} characters.
 */
final class AuditWords {

    static final int TEXT_MAX = 500;
    static final int MAX = 2000;
    private static final char SEPARATOR = '\u001F';

    private AuditWords() {
    }

    static String encode(Words words) {
        StringBuilder out = new StringBuilder(words.key());
        for (Object arg : words.args()) {
            out.append(SEPARATOR);
            if (arg instanceof Words w) {
                if (!w.args().isEmpty()) {
                    throw new IllegalArgumentException("an audit argument in words has no arguments itself: " + w);
                }
                out.append('w').append(w.key());
            } else {
                String text = (String) arg;
                text = text.length() > TEXT_MAX ? text.substring(0, TEXT_MAX) : text;
                out.append('t').append(text.replaceAll("\\p{Cntrl}", " "));
            }
        }
        if (out.length() > MAX) {
            throw new IllegalArgumentException("audit words longer than " + MAX + " characters: " + words.key());
        }
        return out.toString();
    }

    /** The words written by {@link #encode}; empty for a row written before (null) or anything else unreadable. */
    static Optional<Words> decode(String stored) {
        if (stored == null || stored.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = stored.split(String.valueOf(SEPARATOR), -1);
        List<Object> args = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                return Optional.empty();
            }
            String value = parts[i].substring(1);
            switch (parts[i].charAt(0)) {
                case 't' -> args.add(value);
                case 'w' -> args.add(Words.of(value));
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new Words(parts[0], args));
    }
}
