package dev.latchkey.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WhenTest {

    private static final Instant SECOND_ADVENT = Instant.parse("2026-12-07T14:05:09Z");
    private static final Instant MAY = Instant.parse("2026-05-03T08:00:00Z");

    @Test
    void englishStaysAsItWas() {
        assertThat(When.shown(SECOND_ADVENT)).isEqualTo("7 December 2026, 14:05 UTC");
        assertThat(When.day(MAY)).isEqualTo("3 May 2026");
        assertThat(When.shown(SECOND_ADVENT, Locale.ENGLISH)).isEqualTo("7 December 2026, 14:05 UTC");
        assertThat(When.day(MAY, Locale.ENGLISH)).isEqualTo("3 May 2026");
    }

    @Test
    void germanReadsAsGermanDates() {
        assertThat(When.shown(SECOND_ADVENT, Locale.GERMAN)).isEqualTo("7. Dezember 2026, 14:05 UTC");
        assertThat(When.day(MAY, Locale.GERMAN)).isEqualTo("3. Mai 2026");
        assertThat(When.shown(MAY, Locale.forLanguageTag("de-CH"))).isEqualTo("3. Mai 2026, 08:00 UTC");
        assertThat(When.shown(Instant.parse("2026-03-01T00:00:00Z"), Locale.GERMAN)).isEqualTo("1. März 2026, 00:00 UTC");
    }

    @Test
    void otherLanguagesFallBackToEnglish() {
        assertThat(When.shown(SECOND_ADVENT, Locale.FRENCH)).isEqualTo("7 December 2026, 14:05 UTC");
        assertThat(When.day(MAY, null)).isEqualTo("3 May 2026");
    }

    @Test
    void isoIsForMachines() {
        assertThat(When.iso(SECOND_ADVENT)).isEqualTo("2026-12-07T14:05:09Z");
    }
}
