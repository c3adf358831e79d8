package dev.latchkey.education.internal;

import dev.latchkey.education.api.Languages;
import dev.latchkey.education.api.Tip;
import dev.latchkey.education.api.TipKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tip texts from {@value #ROOT}{@code tips.properties} (English) and {@code tips_<language>.properties},
 * read as UTF-8. Per {@link TipKey} three entries: {@code <id>.title}, {@code <id>.text} and
 * {@code <id>.article} (the slug of the article the tip links to). Titles and texts are plain text
 * and mention parameters as {@code {name}}.
 *
 * <p>Loading checks what a translator could get wrong: every key in every language, no stray keys,
 * exactly the key's parameters and no others, and an article that exists.
 */
final class TipCatalog {

    static final String ROOT = "META-INF/latchkey/tips/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-zA-Z]*)}");
    private static final int MAX_PARAMETER_LENGTH = 80;
    /** C0/C1 controls and the bidirectional overrides and isolates that can disguise text. */
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private record Texts(String title, String text, String articleSlug) {
    }

    private final Map<Locale, Map<TipKey, Texts>> texts;
    private final ArticleLibrary articles;

    private TipCatalog(Map<Locale, Map<TipKey, Texts>> texts, ArticleLibrary articles) {
        this.texts = texts;
        this.articles = articles;
    }

    static String fileName(Locale locale) {
        return ROOT + (locale.equals(Languages.FALLBACK) ? "tips.properties" : "tips_" + locale.toLanguageTag() + ".properties");
    }

    static TipCatalog load(ArticleLibrary.Resources resources, ArticleLibrary articles) {
        Map<Locale, Map<TipKey, Texts>> all = new HashMap<>();
        for (Locale locale : Languages.supported()) {
            String file = fileName(locale);
            Properties bundle = read(resources, file);
            Map<TipKey, Texts> byKey = new EnumMap<>(TipKey.class);
            Set<String> expected = new TreeSet<>();
            for (TipKey key : TipKey.values()) {
                String title = required(bundle, file, key.id() + ".title");
                String text = required(bundle, file, key.id() + ".text");
                String slug = required(bundle, file, key.id() + ".article");
                expected.add(key.id() + ".title");
                expected.add(key.id() + ".text");
                expected.add(key.id() + ".article");
                Set<String> used = new LinkedHashSet<>(placeholders(title));
                used.addAll(placeholders(text));
                if (!used.equals(new LinkedHashSet<>(key.parameters()))) {
                    throw new ContentException(file, key.id() + " mentions " + used + " but " + key + " has the parameters "
                            + key.parameters());
                }
                if (articles.exact(slug, Languages.FALLBACK).isEmpty()) {
                    throw new ContentException(file, key.id() + ".article: '" + slug + "' is not an article");
                }
                byKey.put(key, new Texts(title, text, slug));
            }
            Set<String> stray = new TreeSet<>(bundle.stringPropertyNames());
            stray.removeAll(expected);
            if (!stray.isEmpty()) {
                throw new ContentException(file, "keys that no TipKey uses: " + stray);
            }
            all.put(locale, byKey);
        }
        return new TipCatalog(Map.copyOf(all), articles);
    }

    Tip tip(TipKey key, Locale asked, Map<String, String> params) {
        if (key == null) {
            throw new IllegalArgumentException("a tip key is required");
        }
        Map<String, String> given = params == null ? Map.of() : params;
        if (!given.keySet().equals(Set.copyOf(key.parameters()))) {
            throw new IllegalArgumentException(key + " takes the parameters " + key.parameters() + ", not " + given.keySet());
        }
        Map<String, String> clean = new HashMap<>();
        given.forEach((name, value) -> {
            String cleaned = clean(value);
            if (cleaned.isEmpty()) {
                throw new IllegalArgumentException(key + ": parameter '" + name + "' is blank");
            }
            clean.put(name, cleaned);
        });
        Locale locale = asked == null ? Languages.FALLBACK : Languages.byTag(asked.toLanguageTag()).orElse(Languages.FALLBACK);
        Texts t = texts.get(locale).get(key);
        ArticleLibrary.Entry article = articles.resolve(t.articleSlug(), locale).orElseThrow();
        return new Tip(key, locale, substitute(t.title(), clean), substitute(t.text(), clean),
                article.article().title(), article.article().path());
    }

    /** Parameter values are user data: no control or direction-changing characters, one line, bounded. */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        // Line breaks and tabs become spaces first, so that "Pixel\n8" stays two words.
        String spaced = SPACES.matcher(value).replaceAll(" ");
        String s = SPACES.matcher(UNPRINTABLE.matcher(spaced).replaceAll("")).replaceAll(" ").strip();
        if (s.codePointCount(0, s.length()) > MAX_PARAMETER_LENGTH) {
            s = s.substring(0, s.offsetByCodePoints(0, MAX_PARAMETER_LENGTH - 1)).strip() + "…";
        }
        return s;
    }

    /** One pass over the template: a value that itself looks like {@code {name}} stays literal. */
    private static String substitute(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Set<String> placeholders(String s) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String required(Properties bundle, String file, String key) {
        String value = bundle.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new ContentException(file, "lacks '" + key + "'");
        }
        return value.strip();
    }

    private static Properties read(ArticleLibrary.Resources resources, String file) {
        try (InputStream in = resources.open(file)) {
            if (in == null) {
                throw new ContentException(file, "missing");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }
}
