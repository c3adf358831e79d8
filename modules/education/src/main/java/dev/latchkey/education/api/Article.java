package dev.latchkey.education.api;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One help article in one language.
 *
 * @param slug     stable identifier, the same in every language; the article lives at {@link #path()}
 * @param locale   the language this text is written in; may differ from the language asked for
 *                 when no translation exists (then it is {@link Languages#FALLBACK})
 * @param title    plain text
 * @param summary  plain text, one or two sentences
 * @param tags     lower-case words that group related articles
 * @param safeHtml the body rendered from Markdown and sanitised: only headings (h2 to h4),
 *                 paragraphs, lists, emphasis, code, quotes, tables and links to relative paths,
 *                 https and mailto survive. Safe to insert into a page unescaped.
 */
public record Article(String slug, Locale locale, String title, String summary, Audience audience,
                      List<String> tags, String safeHtml) {

    public Article {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(audience, "audience");
        tags = List.copyOf(tags);
        Objects.requireNonNull(safeHtml, "safeHtml");
    }

    /** Where the article is served: {@code /learn/<slug>}. */
    public String path() {
        return "/learn/" + slug;
    }

    /** The BCP 47 tag of {@link #locale()}, for an HTML {@code lang} attribute. */
    public String languageTag() {
        return locale.toLanguageTag();
    }
}
