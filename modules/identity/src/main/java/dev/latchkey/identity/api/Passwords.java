package dev.latchkey.identity.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The optional password of an account: a fallback for devices without the account's passkey.
 *
 * <p>Rules (NIST SP 800-63B-4, section 3.1.1.2): at least {@value #MIN_LENGTH_ONLY_FACTOR}
 * characters when the password is the account's only way in, at least
 * {@value #MIN_LENGTH_WITH_OTHER_FACTOR} when the account also has a passkey, at most
 * {@value #MAX_LENGTH}; any printable Unicode character and spaces, no composition rules; refused
 * when it is on a shipped list of common passwords or is the account's own address. Characters
 * are counted as Unicode code points after NFKC normalisation, which is also what is hashed, so a
 * password typed on another keyboard in another normalisation form still matches.
 *
 * <p>Storage contract: only an Argon2id hash (PHC string format, with its cost parameters) is
 * stored; a hash made with weaker parameters than the current ones is replaced at the next
 * successful sign-in. Hashing runs outside any transaction and a bounded number at a time: when
 * every slot stays busy for a moment, {@link Busy} is thrown instead of queueing without limit.
 *
 * <p>Sign-in with a password is {@link FallbackSignIns#withPassword}, which applies the abuse
 * limits and this deployment's switch around the hash check.
 */
public interface Passwords {

    /** When the password is the account's only authenticator (NIST SP 800-63B-4 §3.1.1.2). */
    int MIN_LENGTH_ONLY_FACTOR = 15;
    /** When the account also has a passkey, so the password is never the only factor it can use. */
    int MIN_LENGTH_WITH_OTHER_FACTOR = 8;
    /** NIST asks for at least 64; longer passphrases are welcome, the bound keeps hashing cheap. */
    int MAX_LENGTH = 128;

    /** When the account's current password was chosen; empty when the account has none. */
    Optional<Instant> setAt(UUID accountId);

    /**
     * Removes the password of the proof's account. A sensitive action: the proof is confirmed in the
     * removing transaction. Refused, with nothing changed, when the password is the account's last
     * way in ({@link LastWayIn}).
     *
     * @throws StepUpProof.Expired when the step-up no longer holds (nothing changed)
     */
    Removal remove(StepUpProof proof);

    /** The outcome; with {@code LAST_WAY_IN} the page says why and what to do instead. */
    record Removal(Outcome outcome) {
        public enum Outcome { REMOVED, NO_PASSWORD, LAST_WAY_IN }
    }

    /** The least number of characters a new password of this account needs. */
    int minimumLength(UUID accountId);

    /**
     * Sets the account's first password, or changes it. A change needs the current password.
     *
     * @param currentPassword the current password as typed; ignored when the account has none. A
     *                        wrong one is logged as a failed password attempt on the account (a
     *                        guess through a borrowed session counts like one at sign-in)
     * @param client          the browser asking, for that log
     * @throws Busy when no hashing slot became free in time (nothing was changed)
     * @throws FallbackSignIns.NotOffered when this deployment does not offer passwords
     */
    Change set(UUID accountId, Optional<String> currentPassword, String newPassword, ClientDescription client);

    /**
     * One problem with a password change, which the page says in its language ({@code password.problem.*}).
     *
     * @param number the limit the problem names (the least or the most characters), 0 where it names none
     */
    record Problem(Kind kind, int number) {

        public enum Kind {
            /** No new password was entered. */
            MISSING,
            /** A tab, a line break, a control character or one the server does not know. */
            UNUSABLE_CHARACTER,
            /** Fewer than {@code number} characters. */
            TOO_SHORT,
            /** Fewer than {@code number} characters, for a password that would be the only way in. */
            TOO_SHORT_ONLY_WAY_IN,
            /** More than {@code number} characters. */
            TOO_LONG,
            /** On the list of common and leaked passwords. */
            COMMON,
            /** The account's own address. */
            OWN_ADDRESS,
            /** One character or a short pattern repeated. */
            REPETITION,
            /** The current password is needed to change it, and none was entered. */
            CURRENT_MISSING,
            /** The current password is not right. */
            CURRENT_WRONG,
            /** The password was changed a moment ago (another change won): the new one is now the current one. */
            CHANGED_MEANWHILE,
            /** A password was set a moment ago (another request won): it is now the current one. */
            SET_MEANWHILE
        }

        public Problem {
            java.util.Objects.requireNonNull(kind, "kind");
        }

        public static Problem of(Kind kind) {
            return new Problem(kind, 0);
        }
    }

    /**
     * The result of {@link #set}.
     *
     * @param problems for a refusal, each problem found
     */
    record Change(ChangeOutcome outcome, List<Problem> problems) {

        public Change {
            problems = List.copyOf(problems);
        }

        public boolean saved() {
            return outcome == ChangeOutcome.SET || outcome == ChangeOutcome.CHANGED;
        }
    }

    enum ChangeOutcome {
        /** The account had no password and now has one. */
        SET,
        /** The password was replaced. */
        CHANGED,
        /** The current password was missing or wrong; nothing changed. */
        CURRENT_PASSWORD_WRONG,
        /** The new password breaks a rule; nothing changed. */
        NEW_PASSWORD_REFUSED
    }

    /** Every hashing slot stayed busy for a moment: answer "try again shortly" (HTTP 503). */
    class Busy extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Busy(String message) {
            super(message);
        }
    }
}
