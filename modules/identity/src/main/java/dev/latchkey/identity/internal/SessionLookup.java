package dev.latchkey.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A session row read by its token's hash, with the database's time of reading ({@code readAt}):
 * both expiries (absolute and idle) are judged by the database clock, never the application
 * server's, so that every instance agrees (a typed projection of {@link SessionEntity}).
 */
record SessionLookup(UUID id, UUID accountId, UUID deviceId, Instant expiresAt, Instant lastSeenAt, Integer idleSeconds,
                     Instant readAt) {

    /** Before its absolute end, and seen within its idle timeout: its own (a shared device's), else {@code idle}. */
    boolean live(Duration idle) {
        Duration own = idleSeconds == null ? idle : Duration.ofSeconds(idleSeconds);
        return expiresAt.isAfter(readAt) && lastSeenAt.isAfter(readAt.minus(own));
    }

    /** Last seen longer ago than {@code interval}: time to note that it is still in use. */
    boolean seenBefore(Duration interval) {
        return lastSeenAt.isBefore(readAt.minus(interval));
    }
}
