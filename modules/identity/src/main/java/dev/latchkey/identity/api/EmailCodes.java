package dev.latchkey.identity.api;

import java.util.Optional;

/**
 * Sign-in by a one-time code sent by email: 6 digits, valid 10 minutes (database clock), single
 * use, at most 5 tries, bound to the attempt (and so to the browser) that asked for it, with caps
 * on codes per address and per client address per hour.
 *
 * <p>Unknown and known addresses get the same treatment and the same answer (no account
 * enumeration): an attempt is stored either way, only the mail differs, and it is sent after the
 * response, not during it.
 *
 * <p>Codes are checked only by {@link FallbackSignIns#withEmailCode}, which honours the deployment's
 * switch, logs the try and completes the sign-in.
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
     * @throws FallbackSignIns.NotOffered when this deployment does not offer sign-in by email code
     */
    AttemptToken start(EmailAddress email, String clientAddress);

    /** The email address an attempt was for, to show "we sent a code to ..."; empty for an unknown attempt. */
    Optional<EmailAddress> addressOf(AttemptToken attempt);

    record AttemptToken(String value) {
        @Override
        public String toString() {
            return "AttemptToken[redacted]";
        }
    }

    /** A cap was reached; the message says when to try again. */
    /**
     * A cap was reached. {@link #retryAfter()} is when the oldest code it counted stops counting,
     * for the Retry-After header of the 429 (RFC 9110 §10.2.3; RFC 6585 §4).
     */
    class TooManyRequests extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Which cap was reached: a stable code for pages in any language (the message is English). */
        public enum Cap {
            /** Codes asked for this address from this client address. */
            ADDRESS_FROM_CLIENT,
            /** Codes asked for this address from anywhere. */
            ADDRESS,
            /** Codes asked from this client address for any address. */
            NETWORK,
            /** Codes sent to this address for confirming or moving to it. */
            SENT
        }

        private final java.time.Duration retryAfter;
        private final Cap cap;

        public TooManyRequests(String message, java.time.Duration retryAfter) {
            this(Cap.ADDRESS, message, retryAfter);
        }

        public TooManyRequests(Cap cap, String message, java.time.Duration retryAfter) {
            super(message);
            this.cap = cap;
            this.retryAfter = retryAfter.isNegative() || retryAfter.isZero() ? java.time.Duration.ofSeconds(1) : retryAfter;
        }

        public Cap cap() {
            return cap;
        }

        public java.time.Duration retryAfter() {
            return retryAfter;
        }
    }
}
