package dev.latchkey.education.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Loading rules, on small made-up libraries. */
class ArticleLibraryTest {

    private final Map<String, String> files = new HashMap<>();

    private ArticleLibrary.Resources resources() {
        return path -> files.containsKey(path)
                ? new ByteArrayInputStream(files.get(path).getBytes(StandardCharsets.UTF_8)) : null;
    }

    private void article(String locale, String slug, String title, String body) {
        files.put(ArticleLibrary.ROOT + locale + "/" + slug + ".md", "---\nslug: " + slug + "\ntitle: " + title
                + "\nsummary: About " + title + ".\naudience: everyone\nlocale: " + locale + "\ntags: basics\n---\n" + body);
    }

    @Test
    void aMissingTranslationFallsBackToEnglish() {
        files.put(ArticleLibrary.ROOT + "contents.txt", "# comment\none\ntwo\n");
        article("en", "one", "One", "See [two](/learn/two).");
        article("de", "one", "Eins", "Siehe [zwei](/learn/two).");
        article("en", "two", "Two", "Only in English.");

        ArticleLibrary library = ArticleLibrary.load(resources());

        assertThat(library.resolve("one", Locale.GERMAN).orElseThrow().article().title()).isEqualTo("Eins");
        assertThat(library.resolve("two", Locale.GERMAN).orElseThrow().article().locale()).isEqualTo(Locale.ENGLISH);
        assertThat(library.resolve("one", Locale.forLanguageTag("de-AT")).orElseThrow().article().title()).isEqualTo("Eins");
        assertThat(library.resolve("one", Locale.JAPANESE).orElseThrow().article().title()).isEqualTo("One");
        assertThat(library.resolve("three", Locale.ENGLISH)).isEmpty();
        assertThat(library.all(Locale.GERMAN)).extracting(a -> a.title()).containsExactly("Eins", "Two");
        assertThat(library.search("english", Locale.GERMAN)).extracting(a -> a.slug()).containsExactly("two");
    }

    @Test
    void everyArticleNeedsAnEnglishVersion() {
        files.put(ArticleLibrary.ROOT + "contents.txt", "one\n");
        article("de", "one", "Eins", "Text.");
        assertThatThrownBy(() -> ArticleLibrary.load(resources())).isInstanceOf(ContentException.class)
                .hasMessageContaining("en/one.md").hasMessageContaining("English");
    }

    @Test
    void aLinkToAnArticleThatDoesNotExistFailsTheLoad() {
        files.put(ArticleLibrary.ROOT + "contents.txt", "one\n");
        article("en", "one", "One", "See [gone](/learn/gone).");
        assertThatThrownBy(() -> ArticleLibrary.load(resources())).isInstanceOf(ContentException.class)
                .hasMessageContaining("en/one.md").hasMessageContaining("/learn/gone");
    }

    @Test
    void theFileNameAndFolderMustMatchTheFrontMatter() {
        files.put(ArticleLibrary.ROOT + "contents.txt", "one\n");
        files.put(ArticleLibrary.ROOT + "en/one.md", "---\nslug: other\ntitle: T\nsummary: S\naudience: everyone\n"
                + "locale: en\ntags: a\n---\nText.");
        assertThatThrownBy(() -> ArticleLibrary.load(resources())).hasMessageContaining("does not match the file name");

        files.put(ArticleLibrary.ROOT + "en/one.md", "---\nslug: one\ntitle: T\nsummary: S\naudience: everyone\n"
                + "locale: de\ntags: a\n---\nText.");
        assertThatThrownBy(() -> ArticleLibrary.load(resources())).hasMessageContaining("does not match the folder");
    }

    @Test
    void theContentsListMustListEachSlugOnce() {
        files.put(ArticleLibrary.ROOT + "contents.txt", "one\none\n");
        article("en", "one", "One", "Text.");
        assertThatThrownBy(() -> ArticleLibrary.load(resources())).hasMessageContaining("listed twice");
        files.remove(ArticleLibrary.ROOT + "contents.txt");
        assertThatThrownBy(() -> ArticleLibrary.load(resources())).hasMessageContaining("contents.txt: missing");
    }
}
