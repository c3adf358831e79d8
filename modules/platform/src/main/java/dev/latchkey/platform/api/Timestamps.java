package dev.latchkey.platform.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time as the database keeps it. PostgreSQL and H2 store microseconds; an instant with
 * nanoseconds would come back from the database different from the one written.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** @return now, truncated to microseconds */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
