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

    /**
     * A device's name as an argument: an automatic label identity composed ("Chrome on Windows",
     * {@link dev.latchkey.identity.api.DeviceLabel}) as words of the reader's language ({@code device.label} with
     * its {@code device.platform.*}); a name the person gave, or a label with a platform identity has no words
     * for, as plain text.
     */
    public static Object device(String nameOrLabel) {
        return dev.latchkey.identity.api.DeviceLabel.read(nameOrLabel)
                .<Object>map(l -> of("device.label", l.browser(), of(l.platform().key())))
                .orElse(nameOrLabel);
    }

    /** "a", "a or b", "a or b or c" ({@code words.or}): names ({@link String} or {@link Words}) joined in the reader's language. */
    public static Object or(List<?> names) {
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
