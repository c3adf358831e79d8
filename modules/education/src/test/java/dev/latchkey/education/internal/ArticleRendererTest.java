package dev.latchkey.education.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArticleRendererTest {

    private final ArticleRenderer renderer = new ArticleRenderer();

    @Test
    void scriptsEventHandlersAndJavascriptUrlsInMarkdownHtmlAreStripped() {
        String markdown = """
                ## Hello

                <script>alert('script')</script>

                A picture <img src="x" onerror="alert('img')"> and a <b onclick="alert('click')">bold</b> word.

                <a href="javascript:alert('link')">a link</a> and <iframe src="https://evil.example"></iframe>

                <p style="color:red" onmouseover="alert('p')">styled</p>
                """;
        String html = renderer.render("test.md", markdown).safeHtml();

        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("onclick").doesNotContainIgnoringCase("onmouseover")
                .doesNotContainIgnoringCase("javascript:").doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("style=").doesNotContain("alert(");
        assertThat(html).contains("<h2>Hello</h2>").contains("a link").contains("styled");
    }

    @Test
    void theSanitiserOnItsOwnKeepsTextAndSafeLinks() {
        assertThat(ArticleRenderer.sanitise("<p>Hi <a href=\"/learn/x\">there</a><img src=x onerror=alert(1)></p>"))
                .isEqualTo("<p>Hi <a href=\"/learn/x\">there</a></p>");
    }

    @Test
    void rendersTablesListsAndLinksToOtherArticles() {
        ArticleRenderer.Rendered r = renderer.render("test.md", """
                ## Compare

                | Question | A | B |
                |---|---|---|
                | Is it? | Yes | No |

                - see [What is a passkey?](/learn/what-is-a-passkey)
                - and [the FIDO Alliance](https://fidoalliance.org/passkeys/)
                """);
        assertThat(r.safeHtml()).contains("<table>").contains("<th>Question</th>").contains("<td>Yes</td>")
                .contains("<a href=\"/learn/what-is-a-passkey\">What is a passkey?</a>")
                .contains("href=\"https://fidoalliance.org/passkeys/\"");
        assertThat(r.linkedSlugs()).containsExactly("what-is-a-passkey");
        assertThat(r.plainText()).contains("Compare").contains("What is a passkey?").doesNotContain("<");
    }

    @Test
    void rejectsAHeadingAtTheLevelOfThePageTitle() {
        assertThatThrownBy(() -> renderer.render("a.md", "# Title\n\ntext"))
                .isInstanceOf(ContentException.class).hasMessageContaining("a.md").hasMessageContaining("level 1");
    }

    @Test
    void rejectsHeadingsThatSkipALevel() {
        assertThatThrownBy(() -> renderer.render("a.md", "## One\n\n#### Three"))
                .isInstanceOf(ContentException.class).hasMessageContaining("jumps from 2 to 4");
    }

    @Test
    void rejectsLinksThatLeaveTheHelpOrUseUnsafeSchemes() {
        assertThatThrownBy(() -> renderer.render("a.md", "[x](javascript:alert(1))"))
                .isInstanceOf(ContentException.class).hasMessageContaining("javascript:");
        assertThatThrownBy(() -> renderer.render("a.md", "[x](http://example.com)"))
                .isInstanceOf(ContentException.class).hasMessageContaining("http://example.com");
        assertThatThrownBy(() -> renderer.render("a.md", "[x](/account/security)"))
                .isInstanceOf(ContentException.class).hasMessageContaining("/account/security");
        assertThatThrownBy(() -> renderer.render("a.md", "![a picture](https://example.com/a.png)"))
                .isInstanceOf(ContentException.class).hasMessageContaining("image");
    }
}
