package dev.latchkey.identity.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A mailed code as the rules need it, with the database's time of reading ({@code readAt}): whether
 * it is still usable is the database clock's judgement, never the application server's.
 */
record EmailCodeRow(UUID id, UUID accountId, byte[] codeHash, int tries, String email, Instant expiresAt,
                    Instant consumedAt, Instant readAt) {

    /** Add a where clause on {@code c} ({@link EmailCodeEntity}). */
    static final String SELECT = "select new dev.latchkey.identity.internal.EmailCodeRow(c.id, c.accountId, c.codeHash,"
            + " c.tries, c.email, c.expiresAt, c.consumedAt, instant) from EmailCodeEntity c";

    /** The JPQL projection's constructor. */
    EmailCodeRow(UUID id, UUID accountId, byte[] codeHash, Integer tries, String email, Instant expiresAt,
                 Instant consumedAt, Instant readAt) {
        this(id, accountId, codeHash, tries.intValue(), email, expiresAt, consumedAt, readAt);
    }

    /** Unexpired and not consumed. */
    boolean usable() {
        return expiresAt.isAfter(readAt) && consumedAt == null;
    }
}
