package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.When;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The console's times in the page's language, for templates ({@code ${when.at(x)}}): "7 December 2026,
 * 14:05 UTC", "7. Dezember 2026, 14:05 UTC" ({@link When}). Staff compare times across people: always UTC.
 */
public record Times(Locale locale) {

    public String at(Instant instant) {
        return When.shown(instant, locale);
    }

    /** The time, or empty text (the template says "never" or the like). */
    public String at(Optional<Instant> instant) {
        return instant.map(this::at).orElse("");
    }

    public String iso(Instant instant) {
        return When.iso(instant);
    }
}
