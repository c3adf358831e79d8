package dev.latchkey.education.api;

import java.util.Locale;
import java.util.Objects;

/**
 * A short piece of help shown in context, with a link to the article that explains more.
 *
 * @param title        plain text, parameters substituted
 * @param text         plain text, parameters substituted: escape it when you put it into a page
 *                     (Thymeleaf's {@code th:text} does), or use {@link #textHtml()}
 * @param articleTitle the linked article's title, to use as the link's text: it makes sense on its own
 * @param articlePath  where that article is served ({@code /learn/<slug>})
 */
public record Tip(TipKey key, Locale locale, String title, String text, String articleTitle, String articlePath) {

    public Tip {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(articleTitle, "articleTitle");
        Objects.requireNonNull(articlePath, "articlePath");
    }

    /** {@link #title()} escaped for HTML text and attribute values. */
    public String titleHtml() {
        return escape(title);
    }

    /** {@link #text()} escaped for HTML text and attribute values. */
    public String textHtml() {
        return escape(text);
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
