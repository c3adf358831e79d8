package dev.latchkey.identity.api;

import java.time.Duration;

/**
 * How long sessions last: ended after {@code idle} without a request and after {@code absolute}
 * in any case (OWASP ASVS V3.3; defaults 30 minutes and 12 hours). On a shared or public device (a
 * counter computer, a library PC, {@link Device#shared()}) the next person may sit down at any moment:
 * there both are shorter, {@code sharedIdle} and {@code sharedAbsolute} (defaults 5 and 15 minutes;
 * OWASP ASVS 5.0 V7.3, timeouts by risk). Provided by the deployment's configuration.
 */
public record SessionPolicy(Duration idle, Duration absolute, Duration sharedIdle, Duration sharedAbsolute) {

    public static final Duration SHARED_IDLE = Duration.ofMinutes(5);
    public static final Duration SHARED_ABSOLUTE = Duration.ofMinutes(15);

    public static final SessionPolicy DEFAULT = new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12));

    public SessionPolicy {
        if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
            throw new IllegalArgumentException("need 0 < idle <= absolute");
        }
        if (sharedIdle.isNegative() || sharedIdle.isZero() || sharedAbsolute.compareTo(sharedIdle) < 0) {
            throw new IllegalArgumentException("need 0 < shared idle <= shared absolute");
        }
    }

    /** With the shared-device limits at their defaults, or at the personal ones where those are shorter. */
    public SessionPolicy(Duration idle, Duration absolute) {
        this(idle, absolute, min(SHARED_IDLE, idle), min(SHARED_ABSOLUTE, absolute));
    }

    /** The idle timeout of a session on such a device: the shorter one on a shared device. */
    public Duration idleOn(boolean sharedDevice) {
        return sharedDevice ? min(sharedIdle, idle) : idle;
    }

    /** The absolute lifetime of a session on such a device: the shorter one on a shared device. */
    public Duration absoluteOn(boolean sharedDevice) {
        return sharedDevice ? min(sharedAbsolute, absolute) : absolute;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
