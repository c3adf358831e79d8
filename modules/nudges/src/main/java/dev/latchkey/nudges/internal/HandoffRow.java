package dev.latchkey.nudges.internal;

import dev.latchkey.nudges.api.Handoffs;
import dev.latchkey.nudges.api.Handoffs.State;
import java.time.Instant;
import java.util.UUID;

/**
 * A handoff as its rules need it, with the database's time of reading: whether a link is still
 * live is the database clock's judgement, as for challenges, never the application server's.
 */
record HandoffRow(UUID id, UUID accountId, UUID sessionId, State state, byte[] claimantHash, UUID pendingPasskeyId,
                  UUID deviceId, byte[] codeHash, int attempts, Instant expiresAt, Instant readAt) {

    /** The JPQL projection's constructor ({@code select new ...HandoffRow(h.id, ..., instant)}). */
    HandoffRow(UUID id, UUID accountId, UUID sessionId, String state, byte[] claimantHash, UUID pendingPasskeyId,
               UUID deviceId, byte[] codeHash, Integer attempts, Instant expiresAt, Instant readAt) {
        this(id, accountId, sessionId, State.valueOf(state), claimantHash, pendingPasskeyId, deviceId, codeHash,
                attempts, expiresAt, readAt);
    }

    /** Within its five minutes. */
    boolean live() {
        return expiresAt.isAfter(readAt);
    }

    /** Within five minutes after its end: device 2 may still learn who it just added a passkey for. */
    boolean recentlyLive() {
        return expiresAt.plus(Handoffs.LIFETIME).isAfter(readAt);
    }
}
