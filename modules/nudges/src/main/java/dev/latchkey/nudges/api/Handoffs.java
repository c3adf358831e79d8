package dev.latchkey.nudges.api;

import dev.latchkey.credentials.api.CeremonyBinding;
import dev.latchkey.credentials.api.CreationOptions;
import dev.latchkey.identity.api.DeviceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Link handoff: adding a passkey on a second device when the browser's own QR code (hybrid)
 * cannot work. Device 1, signed in and freshly stepped up ({@code StepUpProof}), {@link #issue issues} a link; device 2
 * opens it, creates a passkey ({@link #options}, {@link #finish}) and shows a 6-digit pairing
 * code; the user types it on device 1 ({@link #pair}). Until then the passkey is pending in
 * credentials and cannot sign in.
 *
 * <p>The link is a random token (only its hash is stored), valid {@link #LIFETIME} by the database
 * clock, bound to the account, used by one device only, and grants no session: device 2 learns
 * neither the email, nor the name, nor a credential id. Every step is appended to an audit log.
 * Each refusal is a {@link Refused} with a reason for the status code and the words for the user (a message key).
 */
public interface Handoffs {

    Duration LIFETIME = Duration.ofMinutes(5);

    /** Wrong pairing codes allowed before the pending passkey is dropped. */
    int CODE_TRIES = 3;

    /** Links one account may issue in {@link #ISSUE_WINDOW}. */
    int ISSUES_PER_WINDOW = 5;

    Duration ISSUE_WINDOW = Duration.ofMinutes(15);

    /**
     * A new link for the proof's account. Only the session that stepped up may type the pairing code.
     *
     * @throws dev.latchkey.identity.api.StepUpProof.Expired when the step-up no longer holds (no link made)
     */
    Issued issue(dev.latchkey.identity.api.StepUpProof proof);

    /** The link's secret (shown once, in the QR code and the short link) and its id for device 1's page. */
    record Issued(UUID id, String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[" + id + ", token redacted]";
        }
    }

    /** Device 1's view of one of its handoffs. */
    Optional<Status> status(UUID accountId, UUID sessionId, UUID handoffId);

    /** @param triesLeft wrong pairing codes still allowed */
    record Status(UUID id, State state, int triesLeft, Instant expiresAt) {
    }

    enum State {
        /** Issued; no device has opened it yet. */
        OPEN,
        /** A device asked for creation options: the link is now that device's. */
        CLAIMED,
        /** That device created a passkey (pending) and shows the pairing code. */
        WAITING_FOR_CODE,
        /** The code matched: the passkey is the account's. */
        PAIRED,
        /** Too many wrong codes: the pending passkey was dropped. */
        FAILED,
        /** Five minutes passed first; a pending passkey was dropped. */
        EXPIRED
    }

    /**
     * Whether a token names a live, unused link (for device 2's page; changes nothing but the
     * audit log and, for an unknown token, the client address's count).
     *
     * <p>Device 2's steps ({@link #peek}, {@link #options}, {@link #finish}, {@link #device2}) need
     * no session, so each takes the client address: a token that cannot be one (wrong length or
     * alphabet) is refused before anything is written; an unknown one counts against the address
     * in identity's abuse limits, and past their allowance the address is refused
     * ({@link Refused.Reason#TOO_MANY_UNKNOWN_LINKS}, with a wait) before any lookup or write.
     */
    State peek(String token, String clientAddress);

    /**
     * Device 2 asks for creation options: the first browser to ask claims the link (by its ceremony
     * binding); another browser is refused ({@link Refused.Reason#IN_USE}).
     */
    CreationOptions options(String token, CeremonyBinding binding, String clientAddress);

    /**
     * Device 2's new passkey: verified under the registration policy and stored pending.
     *
     * @param deviceKey device 2's device cookie, if it has one: when this account was ever seen on
     *                  that browser, the passkey is noted as created on that device once paired
     * @param client    how device 2's browser described itself: its label names the passkey ("Passkey on
     *                  Chrome on Android") where the account has no device record for that browser
     * @return the 6-digit pairing code to show on device 2
     */
    String finish(String token, String responseJson, CeremonyBinding binding, Optional<DeviceKey> deviceKey,
                  dev.latchkey.identity.api.ClientDescription client, String clientAddress);

    /**
     * Device 1 types the pairing code. On a match the pending passkey becomes the account's.
     *
     * @return the new passkey's id
     */
    UUID pair(UUID accountId, UUID sessionId, UUID handoffId, String code);

    /**
     * What device 2 may know after pairing: the account's user handle, email and name, so that its
     * page can update the passkey manager's entry ({@code signalCurrentUserDetails}). Only for the
     * browser that claimed the link, only once it is {@link State#PAIRED}: a link holder who never
     * paired learns nothing.
     */
    Device2View device2(String token, CeremonyBinding binding, String clientAddress);

    /** @param details present only when paired */
    record Device2View(State state, Optional<UserDetails> details) {
    }

    record UserDetails(String userId, String name, String displayName) {
    }

    /**
     * Hands every recorded handoff step ({@code ndg_handoff_event}) to {@code each}, oldest first, in
     * one read-only pass: for insights rebuilding its rollups. Nothing is changed or fired.
     */
    void replay(java.util.function.Consumer<HandoffStep> each);

    /** A handoff step was refused; nothing changed except the audit log (and a used-up try). */
    final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public enum Reason {
            /** No such link (mistyped, or never issued). */
            UNKNOWN,
            /** The link's five minutes are over. */
            EXPIRED,
            /** The link was already used (paired, failed, or its passkey was created). */
            USED,
            /** Another device already opened this link. */
            IN_USE,
            /** The other device has not created its passkey yet. */
            NOT_READY,
            /** The pairing code does not match; tries remain. */
            WRONG_CODE,
            /** The last try was wrong: the pending passkey was dropped. */
            TOO_MANY_TRIES,
            /** Too many links issued recently. */
            TOO_MANY_LINKS,
            /** Too many unknown links opened from this client address: wait {@link #retryAfter()}. */
            TOO_MANY_UNKNOWN_LINKS
        }

        private final Reason reason;
        private final transient Optional<Duration> retryAfter;
        private final transient Words words;

        /** @param words what the page says, in the reader's language (message keys {@code handoff.refused.*}) */
        public Refused(Reason reason, Words words) {
            this(reason, words, Optional.empty());
        }

        public Refused(Reason reason, Words words, Optional<Duration> retryAfter) {
            super(reason + ": " + words.key());
            this.reason = reason;
            this.retryAfter = retryAfter;
            this.words = words;
        }

        /** What the page says: why, and what to do instead. */
        public Words words() {
            return words;
        }

        public Reason reason() {
            return reason;
        }

        /** How long to wait before trying again, when waiting helps. */
        public Optional<Duration> retryAfter() {
            return retryAfter == null ? Optional.empty() : retryAfter;
        }
    }
}
