package dev.latchkey.education.internal;

import dev.latchkey.education.api.Article;
import dev.latchkey.education.api.Languages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every article in every language, read once from the module's resources and then immutable.
 *
 * <p>Layout, under {@value #ROOT}:
 * <ul>
 *   <li>{@value #CONTENTS_FILE}: one slug per line, in reading order ({@code #} starts a comment).
 *       Class-path folders cannot be listed portably (Liberty serves jars through its own URL
 *       scheme), so the list is the index; a unit test fails when it and the files disagree.</li>
 *   <li>{@code <language>/<slug>.md}: one file per article and language, front matter
 *       ({@link FrontMatter}) then Markdown. English must exist; a missing translation falls
 *       back to English.</li>
 *   <li>{@code synonyms_<language>.txt} (optional): words readers search for that the articles say
 *       differently ({@link Synonyms}).</li>
 * </ul>
 * Loading fails with a {@link ContentException} naming the file when anything is wrong, including
 * a link to an article that does not exist.
 */
final class ArticleLibrary {

    static final String ROOT = "META-INF/latchkey/articles/";
    static final String CONTENTS_FILE = "contents.txt";

    /** Opens a resource by its path below the class-path root; null when it does not exist. */
    @FunctionalInterface
    interface Resources {
        InputStream open(String path) throws IOException;

        static Resources of(Class<?> anchor) {
            return path -> anchor.getResourceAsStream("/" + path);
        }
    }

    /** One article in one language, with what loading learnt about it. */
    record Entry(Article article, Set<String> linkedSlugs, String plainText) {
    }

    private final List<String> slugs;
    private final Map<Locale, Map<String, Entry>> byLocale;
    private final Map<Locale, SearchIndex<Article>> indexes = new HashMap<>();

    private ArticleLibrary(List<String> slugs, Map<Locale, Map<String, Entry>> byLocale, Map<Locale, Synonyms> synonyms) {
        this.slugs = List.copyOf(slugs);
        this.byLocale = byLocale;
        for (Locale locale : Languages.supported()) {
            List<SearchIndex.Entry<Article>> entries = new ArrayList<>();
            for (int i = 0; i < this.slugs.size(); i++) {
                Entry entry = resolve(this.slugs.get(i), locale).orElseThrow();
                Article a = entry.article();
                entries.add(SearchIndex.entry(a, i, a.title(), a.summary() + " " + String.join(" ", a.tags()),
                        entry.plainText()));
            }
            indexes.put(locale, new SearchIndex<>(entries, synonyms.getOrDefault(locale, Synonyms.NONE)));
        }
    }

    static ArticleLibrary load(Resources resources) {
        List<String> slugs = readContents(resources);
        ArticleRenderer renderer = new ArticleRenderer();
        Map<Locale, Map<String, Entry>> byLocale = new LinkedHashMap<>();
        for (Locale locale : Languages.supported()) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            for (String slug : slugs) {
                String file = ROOT + locale.toLanguageTag() + "/" + slug + ".md";
                Optional<String> source = read(resources, file);
                if (source.isEmpty()) {
                    if (locale.equals(Languages.FALLBACK)) {
                        throw new ContentException(file, "missing: every article listed in " + CONTENTS_FILE
                                + " needs an English version");
                    }
                    continue;
                }
                FrontMatter meta = FrontMatter.parse(file, source.get());
                if (!meta.slug().equals(slug)) {
                    throw new ContentException(file, "slug '" + meta.slug() + "' does not match the file name");
                }
                if (!meta.locale().equals(locale)) {
                    throw new ContentException(file, "locale '" + meta.locale().toLanguageTag()
                            + "' does not match the folder '" + locale.toLanguageTag() + "'");
                }
                ArticleRenderer.Rendered body = renderer.render(file, meta.body());
                Article article = new Article(slug, locale, meta.title(), meta.summary(), meta.audience(), meta.tags(),
                        body.safeHtml());
                entries.put(slug, new Entry(article, Set.copyOf(body.linkedSlugs()), body.plainText()));
                for (String linked : body.linkedSlugs()) {
                    if (!slugs.contains(linked)) {
                        throw new ContentException(file, "links to /learn/" + linked + ", which is not an article");
                    }
                }
            }
            byLocale.put(locale, Map.copyOf(entries));
        }
        Map<Locale, Synonyms> synonyms = new HashMap<>();
        for (Locale locale : Languages.supported()) {
            String file = ROOT + "synonyms_" + locale.toLanguageTag() + ".txt";
            read(resources, file).ifPresent(text -> synonyms.put(locale, Synonyms.parse(file, text)));
        }
        return new ArticleLibrary(slugs, Map.copyOf(byLocale), synonyms);
    }

    /** @return slugs in reading order */
    List<String> slugs() {
        return slugs;
    }

    /** @return the article in exactly this language, without fallback */
    Optional<Entry> exact(String slug, Locale locale) {
        return Optional.ofNullable(byLocale.getOrDefault(locale, Map.of()).get(slug));
    }

    /** @return the article in the language asked for, else in English; empty for an unknown slug */
    Optional<Entry> resolve(String slug, Locale locale) {
        Locale supported = supported(locale);
        return exact(slug, supported).or(() -> exact(slug, Languages.FALLBACK));
    }

    private static Locale supported(Locale locale) {
        return locale == null ? Languages.FALLBACK : Languages.byTag(locale.toLanguageTag()).orElse(Languages.FALLBACK);
    }

    List<Article> all(Locale locale) {
        return slugs.stream().map(s -> resolve(s, locale).orElseThrow().article()).toList();
    }

    List<Article> search(String query, Locale locale) {
        return indexes.get(supported(locale)).search(query);
    }

    List<Article> related(String slug, Locale locale, int limit) {
        Optional<Entry> self = resolve(slug, locale);
        if (self.isEmpty() || limit <= 0) {
            return List.of();
        }
        List<String> tags = self.get().article().tags();
        List<Article> others = all(locale).stream().filter(a -> !a.slug().equals(slug)).toList();
        Map<Article, Integer> order = new HashMap<>();
        for (int i = 0; i < others.size(); i++) {
            order.put(others.get(i), i);
        }
        return others.stream()
                .filter(a -> a.tags().stream().anyMatch(tags::contains))
                .sorted(Comparator.comparingLong((Article a) -> -a.tags().stream().filter(tags::contains).count())
                        .thenComparing(order::get))
                .limit(limit)
                .toList();
    }

    private static List<String> readContents(Resources resources) {
        String file = ROOT + CONTENTS_FILE;
        String text = read(resources, file).orElseThrow(() -> new ContentException(file, "missing"));
        List<String> slugs = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!FrontMatter.SLUG.matcher(line).matches()) {
                throw new ContentException(file, "line " + (i + 1) + ": '" + line + "' is not a slug");
            }
            if (slugs.contains(line)) {
                throw new ContentException(file, "line " + (i + 1) + ": '" + line + "' is listed twice");
            }
            slugs.add(line);
        }
        if (slugs.isEmpty()) {
            throw new ContentException(file, "lists no article");
        }
        return slugs;
    }

    private static Optional<String> read(Resources resources, String path) {
        try (InputStream in = resources.open(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path, e);
        }
    }
}
