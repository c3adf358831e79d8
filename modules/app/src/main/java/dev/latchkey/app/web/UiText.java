package dev.latchkey.app.web;

import java.util.List;

/**
 * A sentence for a page, not yet in any language: a message key of {@code ui-templates/templates/i18n}
 * and its arguments. A view model carries this instead of English; the template shows it with
 * {@code #{${text.key}(${text.args})}} ({@link UiMessages} spreads the list over {0}, {1} ...), and a JSON
 * answer with {@link Views#text}.
 */
public record UiText(String key, List<String> args) {

    public UiText {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a message key is needed");
        }
        args = List.copyOf(args);
    }

    public static UiText of(String key, Object... args) {
        return new UiText(key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
