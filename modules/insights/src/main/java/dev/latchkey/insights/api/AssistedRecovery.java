package dev.latchkey.insights.api;

import dev.latchkey.credentials.api.CeremonyBinding;
import dev.latchkey.credentials.api.CreationOptions;
import dev.latchkey.identity.api.StepUpProof;
import dev.latchkey.nudges.api.Words;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Assisted recovery at a bank branch or help desk: an agent checks the person's ID in person,
 * {@link #start starts} a recovery for their account (reason and ID check recorded), a second agent
 * {@link #approve approves} it when the deployment asks for two ({@link Settings#approvals()}), and
 * the person gets a single-use enrollment link (QR code) to create a new passkey <em>on their own
 * phone</em>. The link is a random token of which only the SHA-256 is stored, bound to the account,
 * valid {@link Settings#linkLifetime()} by the database clock, used by one browser only, refused on
 * a shared device, and grants no session: it makes exactly one passkey, through credentials'
 * handoff enrollment ceremony ({@link dev.latchkey.credentials.api.EnrollmentCeremonies}), and the
 * person then signs in with it as usual.
 *
 * <p>Every step (started, approved, link issued, passkey created, refused) is recorded as a staff
 * action in the same transaction, with the account's id as its subject, so it shows on the account's
 * page and in the audit; the account's confirmed address is mailed a security notice when a recovery
 * starts. Each agent may start {@link Settings#startsPerHour()} recoveries an hour, counted in the
 * database under a per-agent row lock, so the cap holds across parallel requests and instances.
 * Needs {@link dev.latchkey.identity.api.Permission#ASSISTED_RECOVERY}.
 *
 * <p>Not here: proving who the person is (the agent does that, in person, and says so), sessions
 * (identity), the WebAuthn ceremony itself (credentials).
 */
public interface AssistedRecovery {

    /**
     * @param approvals     1: the starting agent's word suffices; 2: a different agent must approve
     *                      before the link exists ({@code LATCHKEY_ASSISTED_RECOVERY_APPROVALS})
     * @param linkLifetime  how long a link works once issued ({@code LATCHKEY_ASSISTED_RECOVERY_LINK_MINUTES})
     * @param startsPerHour recoveries one agent may start in any hour ({@code LATCHKEY_ASSISTED_RECOVERY_PER_AGENT_HOUR})
     */
    record Settings(int approvals, Duration linkLifetime, int startsPerHour) {

        public static final Settings DEFAULTS = new Settings(1, Duration.ofMinutes(15), 10);

        public Settings {
            if (approvals < 1 || approvals > 2) {
                throw new IllegalArgumentException("assisted recovery approvals must be 1 or 2");
            }
            if (linkLifetime.toMinutes() < 1 || linkLifetime.toMinutes() > 60) {
                throw new IllegalArgumentException("an assisted recovery link must live 1 to 60 minutes");
            }
            if (startsPerHour < 1 || startsPerHour > 1000) {
                throw new IllegalArgumentException("assisted recoveries per agent and hour must be 1 to 1000");
            }
        }
    }

    /** The identity documents an agent may have checked (pages say them as {@code op.document.<name>}). */
    enum IdDocument {
        PASSPORT, NATIONAL_ID_CARD, DRIVING_LICENCE, RESIDENCE_PERMIT, STAFF_BADGE
    }

    /** What an agent typed on the form; the rules check it ({@link Refused.Reason#INVALID}). */
    record Request(UUID accountId, String reason, String idDocument, boolean idCheckedInPerson) {
    }

    enum State {
        /** Started; a second agent must approve before a link exists. */
        AWAITING_APPROVAL,
        /** The link was issued and has not been used yet. */
        LINK_ISSUED,
        /** The person's browser asked for creation options: the link is now that browser's. */
        CLAIMED,
        /** The passkey was created: the link is spent. */
        COMPLETED,
        /** The link's time ran out unused. */
        EXPIRED
    }

    /** One recovery as staff see it: {@code reason} is the agent's text, the document a code for pages to say. */
    record Case(UUID id, UUID accountId, String accountEmail, String startedBy, Optional<String> approvedBy,
                String reason, IdDocument idDocument, State state, Instant startedAt, Optional<Instant> linkExpiresAt,
                boolean mayApprove) {
    }

    /** @param link the token, only when this step issued it (shown once: only its hash is stored) */
    record Outcome(Case recovery, Optional<String> link) {
        @Override
        public String toString() {
            return "Outcome[" + recovery.id() + ", " + recovery.state() + ", link redacted]";
        }
    }

    /**
     * Starts a recovery for the account. With one approval the link is issued at once; with two it
     * waits for another agent.
     *
     * @throws Refused                                       bad input, the agent's hourly cap, or an account not to be recovered at a counter
     * @throws StepUpProof.Expired                           when the step-up no longer holds
     * @throws dev.latchkey.identity.api.Staff.NotPermitted  without the permission
     */
    Outcome start(StepUpProof agent, Request request);

    /** A different agent approves; the link is issued and shown to that agent. */
    Outcome approve(StepUpProof agent, UUID recoveryId);

    /** One recovery (nothing recorded). */
    Optional<Case> find(StepUpProof agent, UUID recoveryId);

    /** Recoveries waiting for an approval, and the latest others, newest first (at most 50). */
    List<Case> recent(StepUpProof agent);

    /**
     * The person's device opens the link. Opening changes nothing (link previews fetch pages too)
     * but the audit of a refusal.
     *
     * @param sharedDevice whether this browser is marked shared or comes from a shared network: a new
     *                     passkey must land on the person's own phone, never on the counter's computer
     */
    State peek(String token, boolean sharedDevice, String clientAddress);

    /** Creation options for the person's device; the first browser to ask claims the link. */
    CreationOptions options(String token, CeremonyBinding binding, boolean sharedDevice, String clientAddress);

    /**
     * The person's new passkey: verified, stored as one of the account's passkeys and named after the browser
     * that made it ("Passkey on Safari on iPhone"); the link is spent.
     */
    void finish(String token, String responseJson, CeremonyBinding binding, boolean sharedDevice,
                dev.latchkey.identity.api.ClientDescription client, String clientAddress);

    /** A step was refused; nothing changed but the audit (and an unknown link's count against its address). */
    final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public enum Reason {
            /** The form is incomplete or malformed. */
            INVALID,
            /** No such account or recovery. */
            NOT_FOUND,
            /** This account may not be recovered by this agent (their own, or a staff account). */
            NOT_ALLOWED,
            /** The agent started too many recoveries in the last hour. */
            TOO_MANY,
            /** The agent who started it cannot approve it; or it needs no approval (any more). */
            CANNOT_APPROVE,
            /** The link is unknown. */
            UNKNOWN,
            /** The link's time ran out. */
            EXPIRED,
            /** The link was already used. */
            USED,
            /** Another browser opened the link first. */
            IN_USE,
            /** A shared device (counter computer, kiosk): open the link on your own phone. */
            SHARED_DEVICE,
            /** Too many unknown links from this client address. */
            TOO_MANY_UNKNOWN_LINKS
        }

        private final Reason reason;
        private final transient Optional<Duration> retryAfter;
        private final transient Words words;

        /**
         * @param words       what the page says, staff's ({@code op.recovery.refused.*}) or the person's
         *                    ({@code recoverDevice.refused.*}), in the reader's language
         * @param userMessage the same in English, for logs
         */
        public Refused(Reason reason, Words words, String userMessage) {
            this(reason, words, userMessage, Optional.empty());
        }

        public Refused(Reason reason, Words words, String userMessage, Optional<Duration> retryAfter) {
            super(userMessage);
            this.reason = reason;
            this.retryAfter = retryAfter;
            this.words = java.util.Objects.requireNonNull(words, "words");
        }

        /** What the page says, in words of the reader's language. */
        public Words words() {
            return words;
        }

        public Reason reason() {
            return reason;
        }

        public Optional<Duration> retryAfter() {
            return retryAfter == null ? Optional.empty() : retryAfter;
        }
    }
}
