package dev.latchkey.education.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void picksTheBrowsersPreferredSupportedLanguage() {
        assertThat(Languages.negotiate("de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7")).isEqualTo(Locale.GERMAN);
        assertThat(Languages.negotiate("de-CH")).isEqualTo(Locale.GERMAN);
        assertThat(Languages.negotiate("fr-FR,fr;q=0.9,de;q=0.5,en;q=0.3")).isEqualTo(Locale.GERMAN);
        assertThat(Languages.negotiate("en;q=0.2, de;q=0.9")).as("weights, not order").isEqualTo(Locale.GERMAN);
        assertThat(Languages.negotiate("en-GB")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void fallsBackToEnglishForAnythingElse() {
        assertThat(Languages.negotiate(null)).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.negotiate("")).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.negotiate("fr-FR")).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.negotiate("*")).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.negotiate("de;q=0")).as("q=0 means not acceptable").isEqualTo(Locale.ENGLISH);
        assertThat(Languages.negotiate(";;;q=abc,,")).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.negotiate("de,".repeat(600))).as("absurdly long").isEqualTo(Locale.ENGLISH);
    }

    @Test
    void aChosenTagNamesASupportedLanguageOrNothing() {
        assertThat(Languages.byTag("de")).contains(Locale.GERMAN);
        assertThat(Languages.byTag("DE-at")).contains(Locale.GERMAN);
        assertThat(Languages.byTag("en")).contains(Locale.ENGLISH);
        assertThat(Languages.byTag("fr")).isEmpty();
        assertThat(Languages.byTag("")).isEmpty();
        assertThat(Languages.byTag(null)).isEmpty();
        assertThat(Languages.byTag("<script>")).isEmpty();
    }
}
