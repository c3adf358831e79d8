package dev.latchkey.app.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as pages show them (UTC until accounts have a time zone) and as {@code <time datetime>} wants them. */
public final class When {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private When() {
    }

    public static String shown(Instant instant) {
        return SHOWN.format(instant);
    }

    /** "3 May 2026": for things whose day matters, not their minute. */
    public static String day(Instant instant) {
        return DAY.format(instant);
    }

    public static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
