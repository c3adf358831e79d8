package dev.latchkey.nudges.api;

import java.util.List;
import java.util.Objects;

/**
 * Words of a page by message key, not in any language: the pages' message bundles
 * ({@code ui-templates/templates/i18n/account*.properties}) hold the English and German. Arguments
 * replace {@code {0}}, {@code {1}} ... and are either user data as plain text (a device label, a
 * provider's name), never translated, or words of ours ({@link Words} again), translated in turn.
 *
 * @param key  the message key
 * @param args the arguments: {@link String} or {@link Words}
 */
public record Words(String key, List<Object> args) {

    public Words {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
        for (Object a : args) {
            if (!(a instanceof String) && !(a instanceof Words)) {
                throw new IllegalArgumentException("an argument is plain text or words: " + a);
            }
        }
    }

    public static Words of(String key, Object... args) {
        return new Words(key, List.of(args));
    }

    /** "a", "a or b", "a or b or c" ({@code words.or}): names joined in the reader's language. */
    public static Object or(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no names to join");
        }
        Object joined = names.get(names.size() - 1);
        for (int i = names.size() - 2; i >= 0; i--) {
            joined = of("words.or", names.get(i), joined);
        }
        return joined;
    }
}
