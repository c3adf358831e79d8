package dev.latchkey.app.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as pages show them (UTC until accounts have a time zone), in the page's language, and as
 * {@code <time datetime>} wants them. English: "7 December 2026, 14:05 UTC"; German: "7. Dezember 2026,
 * 14:05 UTC". The methods without a locale are English.
 */
public final class When {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHOWN_DE = DateTimeFormatter.ofPattern("d. MMMM yyyy, HH:mm 'UTC'", Locale.GERMAN)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_DE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.GERMAN)
            .withZone(ZoneOffset.UTC);

    private When() {
    }

    /** "3 May 2026, 14:05 UTC", in English. */
    public static String shown(Instant instant) {
        return SHOWN.format(instant);
    }

    /** The day and minute in a page's language ("3. Mai 2026, 14:05 UTC" in German); English for any other. */
    public static String shown(Instant instant, Locale locale) {
        return (german(locale) ? SHOWN_DE : SHOWN).format(instant);
    }

    /** "3 May 2026": for things whose day matters, not their minute. */
    public static String day(Instant instant) {
        return DAY.format(instant);
    }

    /** The day in a page's language ("3. Mai 2026" in German); English for any other. */
    public static String day(Instant instant, Locale locale) {
        return (german(locale) ? DAY_DE : DAY).format(instant);
    }

    public static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static boolean german(Locale locale) {
        return locale != null && "de".equals(locale.getLanguage());
    }
}
