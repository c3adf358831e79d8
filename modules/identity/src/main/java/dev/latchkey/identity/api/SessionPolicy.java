package dev.latchkey.identity.api;

import java.time.Duration;

/**
 * How long sessions last: ended after {@code idle} without a request and after {@code absolute}
 * in any case (OWASP ASVS V3.3; defaults 30 minutes and 12 hours). Provided by the deployment's
 * configuration.
 */
public record SessionPolicy(Duration idle, Duration absolute) {

    public static final SessionPolicy DEFAULT = new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12));

    public SessionPolicy {
        if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
            throw new IllegalArgumentException("need 0 < idle <= absolute");
        }
    }
}
