package dev.latchkey.education.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.education.api.Audience;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FrontMatterTest {

    private static final String VALID = """
            ---
            slug: rolling-out
            title: For administrators: a title with a colon
            summary: Short.
            audience: administrators
            locale: de
            tags: one, two-words, schlüssel
            ---
            ## Body
            """;

    @Test
    void readsEveryKeyAndTheBodyAfterTheBlock() {
        FrontMatter f = FrontMatter.parse("a.md", VALID);
        assertThat(f.slug()).isEqualTo("rolling-out");
        assertThat(f.title()).isEqualTo("For administrators: a title with a colon");
        assertThat(f.audience()).isEqualTo(Audience.ADMINISTRATORS);
        assertThat(f.locale()).isEqualTo(Locale.GERMAN);
        assertThat(f.tags()).containsExactly("one", "two-words", "schlüssel");
        assertThat(f.body()).isEqualTo("## Body\n");
    }

    @Test
    void acceptsWindowsLineEndingsAndAByteOrderMark() {
        FrontMatter f = FrontMatter.parse("a.md", "\uFEFF" + VALID.replace("\n", "\r\n"));
        assertThat(f.slug()).isEqualTo("rolling-out");
    }

    @Test
    void everyKeyIsRequired() {
        for (String key : new String[] {"slug", "title", "summary", "audience", "locale", "tags"}) {
            String without = VALID.replaceAll("(?m)^" + key + ":.*\\n", "");
            assertThatThrownBy(() -> FrontMatter.parse("a.md", without)).as(key)
                    .isInstanceOf(ContentException.class).hasMessageContaining("a.md").hasMessageContaining("'" + key + "'");
        }
    }

    @Test
    void mistakesAreReportedWithTheirLine() {
        assertThatThrownBy(() -> FrontMatter.parse("a.md", VALID.replace("tags:", "tag:")))
                .hasMessageContaining("line 7").hasMessageContaining("unknown key 'tag'");
        assertThatThrownBy(() -> FrontMatter.parse("a.md", VALID.replace("summary: Short.", "summary: Short.\ntitle: Again")))
                .hasMessageContaining("'title' is given twice");
        assertThatThrownBy(() -> FrontMatter.parse("a.md", VALID.replace("summary: Short.", "summary:")))
                .hasMessageContaining("'summary' is empty");
        assertThatThrownBy(() -> FrontMatter.parse("a.md", VALID.replace("audience: administrators", "audience: admins")))
                .hasMessageContaining("audience must be");
        assertThatThrownBy(() -> FrontMatter.parse("a.md", VALID.replace("slug: rolling-out", "slug: Rolling Out")))
                .hasMessageContaining("slug 'Rolling Out'");
        assertThatThrownBy(() -> FrontMatter.parse("a.md", VALID.replace("one, two-words", "one, Two Words")))
                .hasMessageContaining("tag 'Two Words'");
        assertThatThrownBy(() -> FrontMatter.parse("a.md", "## No front matter"))
                .hasMessageContaining("must start with a front matter block");
        assertThatThrownBy(() -> FrontMatter.parse("a.md", "---\nslug: x\n"))
                .hasMessageContaining("not closed");
    }
}
