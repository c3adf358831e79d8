package dev.latchkey.identity.api;

import java.time.Duration;

/**
 * How long rows that ended are kept before the purge jobs delete them, and how often those jobs run
 * (README, "Retention and purging"). Each module purges its own tables: identity its email codes,
 * sessions, mail outbox and client-address throttles; credentials its pending ceremonies and pending
 * passkeys; nudges its handoffs. Every window counts from the row's end (expiry, last failure),
 * except mail, which counts from when it was queued.
 */
public record Retention(Duration interval, Duration mail, Duration codes, Duration sessions, Duration throttles,
                        Duration ceremonies, Duration handoffs) {

    public static final Retention DEFAULTS = new Retention(Duration.ofMinutes(10), Duration.ofDays(7),
            Duration.ofHours(24), Duration.ofHours(24), Duration.ofHours(24), Duration.ofHours(1), Duration.ofHours(24));

    public Retention {
        for (Duration d : new Duration[] {interval, mail, codes, sessions, throttles, ceremonies, handoffs}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("retention windows and the purge interval must be positive");
            }
        }
    }
}
