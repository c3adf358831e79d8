package dev.latchkey.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A page's view model reaches its template as variables named like its components. */
class PageViewTest {

    public record Example(String next, boolean shared, int remaining, List<String> codes, String error)
            implements PageView {
        @Override
        public String template() {
            return "example";
        }
    }

    @Test
    void everyComponentIsAVariableOfTheSameName() {
        assertThat(Views.variables(new Example("/account/security", true, 3, List.of("a"), "Wrong code.")))
                .containsOnlyKeys("next", "shared", "remaining", "codes", "error")
                .containsEntry("next", "/account/security").containsEntry("shared", true)
                .containsEntry("remaining", 3).containsEntry("codes", List.of("a")).containsEntry("error", "Wrong code.");
    }

    @Test
    void aNullComponentIsLeftOutSoThatTheTemplateSeesItAbsent() {
        assertThat(Views.variables(new Example("/", false, 0, List.of(), null))).doesNotContainKey("error")
                .containsEntry("shared", false);
    }

    @Test
    void onlyARecordIsAViewModel() {
        PageView notARecord = () -> "example";
        assertThatThrownBy(() -> Views.variables(notARecord)).isInstanceOf(IllegalArgumentException.class);
    }
}
