package dev.latchkey.identity.api;

import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in by a one-time code sent by email: 6 digits, valid 10 minutes (database clock), single
 * use, at most 5 tries, bound to the attempt (and so to the browser) that asked for it, with caps
 * on codes per address and per client address per hour.
 *
 * <p>Unknown and known addresses get the same treatment and the same answer (no account
 * enumeration): an attempt is stored either way, only the mail differs, and it is sent after the
 * response, not during it.
 */
public interface EmailCodes {

    int CODE_DIGITS = 6;
    int MAX_TRIES = 5;
    int VALID_MINUTES = 10;

    /**
     * Starts an attempt.
     *
     * @return the attempt token for the browser to keep (an HttpOnly cookie)
     * @throws TooManyRequests when a cap is reached
     */
    AttemptToken start(EmailAddress email, String clientAddress);

    /**
     * Checks a code against the browser's attempt. Every call counts as a try, except one refused
     * by the abuse limits ({@link AbuseLimits}), which compares nothing.
     */
    Verification verify(AttemptToken attempt, String code, String clientAddress);

    /** The email address an attempt was for, to show "we sent a code to ..."; empty for an unknown attempt. */
    Optional<EmailAddress> addressOf(AttemptToken attempt);

    record AttemptToken(String value) {
        @Override
        public String toString() {
            return "AttemptToken[redacted]";
        }
    }

    /**
     * The outcome of a try. {@code accountId} is present only for {@link Outcome#ACCEPTED},
     * {@code refusal} only for {@link Outcome#REFUSED}.
     */
    record Verification(Outcome outcome, Optional<UUID> accountId, int triesLeft,
                        Optional<AbuseLimits.Refusal> refusal) {
    }

    enum Outcome {
        ACCEPTED,
        /** Wrong code, or an address with no account (indistinguishable on purpose). */
        WRONG,
        /** Expired, used up, already used, or no such attempt: ask for a new code. */
        NEEDS_NEW_CODE,
        /** Too many failures for the address or the client: wait, or sign in another way. */
        REFUSED
    }

    /** A cap was reached; the message says when to try again. */
    /**
     * A cap was reached. {@link #retryAfter()} is when the oldest code it counted stops counting,
     * for the Retry-After header of the 429 (RFC 9110 §10.2.3; RFC 6585 §4).
     */
    class TooManyRequests extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final java.time.Duration retryAfter;

        public TooManyRequests(String message, java.time.Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter.isNegative() || retryAfter.isZero() ? java.time.Duration.ofSeconds(1) : retryAfter;
        }

        public java.time.Duration retryAfter() {
            return retryAfter;
        }
    }
}
