package dev.latchkey.education.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.education.api.Article;
import dev.latchkey.education.api.Languages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The articles as shipped: complete, translated, linked correctly and accessible in structure. */
class ArticleContentTest {

    private static final Path SOURCE = Path.of("src/main/resources", ArticleLibrary.ROOT);
    private static ArticleLibrary library;

    @BeforeAll
    static void load() {
        library = ArticleLibrary.load(ArticleLibrary.Resources.of(ArticleContentTest.class));
    }

    @Test
    void theIssuesElevenArticlesAreListedInReadingOrder() {
        assertThat(library.slugs()).hasSize(11).startsWith("what-is-a-passkey").endsWith("rolling-out-passkeys");
    }

    @Test
    void theContentsListAndTheFilesInEveryLanguageFolderAgree() throws IOException {
        try (Stream<Path> folders = Files.list(SOURCE)) {
            Set<String> languages = folders.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .collect(Collectors.toSet());
            assertThat(languages).as("one folder per supported language, and no other")
                    .isEqualTo(Languages.supported().stream().map(Locale::toLanguageTag).collect(Collectors.toSet()));
        }
        for (Locale locale : Languages.supported()) {
            try (Stream<Path> files = Files.list(SOURCE.resolve(locale.toLanguageTag()))) {
                Set<String> slugs = files.map(p -> p.getFileName().toString())
                        .peek(name -> assertThat(name).as("only Markdown files").endsWith(".md"))
                        .map(name -> name.substring(0, name.length() - 3))
                        .collect(Collectors.toSet());
                assertThat(slugs).as("files in %s/ versus %s", locale, ArticleLibrary.CONTENTS_FILE)
                        .containsExactlyInAnyOrderElementsOf(library.slugs());
            }
        }
    }

    @Test
    void everyArticleParsesWithItsRequiredFrontMatterInEveryLanguage() {
        for (Locale locale : Languages.supported()) {
            for (String slug : library.slugs()) {
                Article a = library.exact(slug, locale).map(ArticleLibrary.Entry::article)
                        .orElseThrow(() -> new AssertionError(slug + " has no " + locale + " version"));
                assertThat(a.slug()).isEqualTo(slug);
                assertThat(a.locale()).isEqualTo(locale);
                assertThat(a.title()).as("%s/%s title", locale, slug).isNotBlank().doesNotContain("\"");
                assertThat(a.summary()).as("%s/%s summary", locale, slug).isNotBlank().hasSizeLessThan(260);
                assertThat(a.audience()).isNotNull();
                assertThat(a.tags()).as("%s/%s tags", locale, slug).isNotEmpty();
                assertThat(a.safeHtml()).as("%s/%s body", locale, slug).contains("<p>").hasSizeGreaterThan(500);
            }
        }
    }

    @Test
    void translationsAreTranslatedNotCopied() {
        for (String slug : library.slugs()) {
            Article en = library.exact(slug, Locale.ENGLISH).orElseThrow().article();
            Article de = library.exact(slug, Locale.GERMAN).orElseThrow().article();
            assertThat(de.title()).as(slug).isNotEqualTo(en.title());
            assertThat(de.summary()).as(slug).isNotEqualTo(en.summary());
            assertThat(de.audience()).as(slug).isEqualTo(en.audience());
            assertThat(de.safeHtml()).as("German uses the formal Sie in %s", slug).containsPattern("\\bSie\\b")
                    .doesNotContainPattern("\\b(du|dein|deine|dich|dir)\\b");
        }
    }

    @Test
    void everyInternalLinkInEveryArticleResolvesToAnArticle() {
        Pattern href = Pattern.compile("href=\"([^\"]*)\"");
        int internalLinks = 0;
        for (Locale locale : Languages.supported()) {
            for (String slug : library.slugs()) {
                ArticleLibrary.Entry entry = library.exact(slug, locale).orElseThrow();
                assertThat(library.slugs()).as("%s/%s links", locale, slug).containsAll(entry.linkedSlugs());
                Matcher m = href.matcher(entry.article().safeHtml());
                while (m.find()) {
                    String target = m.group(1);
                    if (target.startsWith("/")) {
                        internalLinks++;
                        assertThat(target).as("%s/%s", locale, slug).startsWith("/learn/");
                        assertThat(library.slugs()).as("%s/%s links to %s", locale, slug, target)
                                .contains(target.substring("/learn/".length()).replaceAll("#.*", ""));
                        assertThat(target).as("%s/%s links to itself", locale, slug).isNotEqualTo("/learn/" + slug);
                    } else {
                        assertThat(target).as("%s/%s", locale, slug).matches("https://.*|mailto:.*|#.*");
                    }
                }
            }
        }
        assertThat(internalLinks).as("articles point to each other").isGreaterThan(20);
    }

    @Test
    void headingsStartBelowThePageTitleAndNeverSkipALevel() {
        Pattern heading = Pattern.compile("<h(\\d)>");
        for (Locale locale : Languages.supported()) {
            for (String slug : library.slugs()) {
                List<Integer> levels = new ArrayList<>();
                Matcher m = heading.matcher(library.exact(slug, locale).orElseThrow().article().safeHtml());
                while (m.find()) {
                    levels.add(Integer.parseInt(m.group(1)));
                }
                int previous = 1;
                for (int level : levels) {
                    assertThat(level).as("%s/%s headings %s", locale, slug, levels).isBetween(2, previous + 1);
                    previous = level;
                }
            }
        }
    }

    @Test
    void theArticleLinksMakeSenseOnTheirOwn() {
        Pattern link = Pattern.compile("<a [^>]*>([^<]*)</a>");
        for (Locale locale : Languages.supported()) {
            for (String slug : library.slugs()) {
                Matcher m = link.matcher(library.exact(slug, locale).orElseThrow().article().safeHtml());
                while (m.find()) {
                    assertThat(m.group(1).strip().toLowerCase(Locale.ROOT)).as("%s/%s link text", locale, slug)
                            .hasSizeGreaterThan(8)
                            .isNotIn("here", "click here", "read more", "more", "hier", "mehr", "weiterlesen");
                }
            }
        }
    }
}
