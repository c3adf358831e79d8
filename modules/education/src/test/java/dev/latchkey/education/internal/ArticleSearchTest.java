package dev.latchkey.education.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.education.api.Article;
import dev.latchkey.education.api.Languages;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArticleSearchTest {

    private static ArticleLibrary library;

    @BeforeAll
    static void load() {
        library = ArticleLibrary.load(ArticleLibrary.Resources.of(ArticleSearchTest.class));
    }

    @Test
    void findsAnArticleByAWordThatOnlyOccursInItsBody() {
        Article hybrid = library.exact("signing-in-on-another-device", Locale.ENGLISH).orElseThrow().article();
        assertThat(hybrid.title() + hybrid.summary() + hybrid.tags()).doesNotContainIgnoringCase("bluetooth");

        assertThat(slugs(library.search("bluetooth", Locale.ENGLISH))).contains("signing-in-on-another-device");
        assertThat(slugs(library.search("BLUETOOTH", Locale.ENGLISH))).as("case does not matter")
                .contains("signing-in-on-another-device");
    }

    @Test
    void everyArticleIsFoundByAWordOfItsBodyThatItsTitleAndSummaryDoNotContain() {
        for (Locale locale : Languages.supported()) {
            for (String slug : library.slugs()) {
                ArticleLibrary.Entry entry = library.exact(slug, locale).orElseThrow();
                Article a = entry.article();
                Set<String> heading = SearchIndex.words(a.title() + " " + a.summary() + " " + String.join(" ", a.tags()));
                String bodyOnly = SearchIndex.words(entry.plainText()).stream()
                        .filter(w -> w.length() >= 6 && heading.stream().noneMatch(h -> h.contains(w) || w.contains(h)))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(locale + "/" + slug + " has no body-only word"));
                assertThat(slugs(library.search(bodyOnly, locale))).as("%s: '%s'", locale, bodyOnly).contains(slug);
            }
        }
    }

    @Test
    void searchesInTheReadersLanguageIgnoringAccentsAndFindingPartsOfCompounds() {
        assertThat(slugs(library.search("Sicherheitsschlüssel", Locale.GERMAN))).contains("where-passkeys-are-saved");
        assertThat(slugs(library.search("schlussel", Locale.GERMAN))).as("without umlaut, part of a compound")
                .contains("where-passkeys-are-saved");
        assertThat(library.search("Fingerabdruck", Locale.ENGLISH)).as("German words do not match English text").isEmpty();
        assertThat(library.search("Fingerabdruck", Locale.GERMAN)).allMatch(a -> a.locale().equals(Locale.GERMAN));
    }

    @Test
    void everyWordOfTheQueryMustOccurAndTitleMatchesComeFirst() {
        assertThat(slugs(library.search("lost phone", Locale.ENGLISH))).first().isEqualTo("lost-or-replaced-phone");
        assertThat(library.search("bluetooth xylophone", Locale.ENGLISH)).isEmpty();
        assertThat(slugs(library.search("privacy", Locale.ENGLISH))).first().isEqualTo("your-privacy");
    }

    @Test
    void aGermanReaderFindsThePhoneArticlesByHandyOrSmartphone() {
        for (String query : List.of("Handy", "handy", "Smartphone", "Handys", "Smartphones", "Mobiltelefon")) {
            List<String> found = slugs(library.search(query, Locale.GERMAN));
            assertThat(found).as(query).contains("lost-or-replaced-phone", "signing-in-on-another-device");
            assertThat(found).as(query + ": the article with the word in its title comes first")
                    .first().isEqualTo("lost-or-replaced-phone");
        }
        assertThat(slugs(library.search("Handy verloren", Locale.GERMAN))).first().isEqualTo("lost-or-replaced-phone");
        assertThat(slugs(library.search("Smartphone QR-Code", Locale.GERMAN))).first()
                .isEqualTo("signing-in-on-another-device");
    }

    @Test
    void theArticlesDoNotSayHandySoOnlyTheSynonymsFindThem() {
        Article lost = library.exact("lost-or-replaced-phone", Locale.GERMAN).orElseThrow().article();
        String text = library.exact("lost-or-replaced-phone", Locale.GERMAN).orElseThrow().plainText() + lost.title();
        assertThat(text).doesNotContainIgnoringCase("handy").doesNotContainIgnoringCase("smartphone");
        assertThat(library.search("Handy", Locale.ENGLISH)).as("a German word in English search finds nothing").isEmpty();
    }

    @Test
    void inflectedQueryWordsFindTheirStem() {
        assertThat(slugs(library.search("Telefone", Locale.GERMAN))).contains("lost-or-replaced-phone");
        assertThat(slugs(library.search("phones", Locale.ENGLISH))).first().isEqualTo("lost-or-replaced-phone");
        assertThat(slugs(library.search("cellphone", Locale.ENGLISH))).first().isEqualTo("lost-or-replaced-phone");
    }

    @Test
    void synonymGroupsAreSingleWordsAndAtLeastTwo() {
        assertThat(Synonyms.parse("x", "# comment\ntelefon, Handy # trailing\n").of("handys"))
                .containsExactlyInAnyOrder("handys", "telefon", "handy");
        assertThat(Synonyms.parse("x", "telefon, handy").of("hand")).as("too short to stand for handy")
                .containsExactly("hand");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Synonyms.parse("x", "cell phone, mobile"))
                .isInstanceOf(ContentException.class).hasMessageContaining("not one word");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Synonyms.parse("x", "alone"))
                .isInstanceOf(ContentException.class).hasMessageContaining("two words");
    }

    @Test
    void blankOrWordlessQueriesFindNothing() {
        assertThat(library.search("", Locale.ENGLISH)).isEmpty();
        assertThat(library.search("   ", Locale.ENGLISH)).isEmpty();
        assertThat(library.search("?!<>", Locale.ENGLISH)).isEmpty();
        assertThat(library.search(null, Locale.ENGLISH)).isEmpty();
    }

    @Test
    void anUnsupportedLanguageSearchesTheEnglishArticles() {
        assertThat(slugs(library.search("bluetooth", Locale.FRENCH))).contains("signing-in-on-another-device");
    }

    private static java.util.List<String> slugs(java.util.List<Article> articles) {
        return articles.stream().map(Article::slug).toList();
    }
}
