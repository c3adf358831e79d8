package dev.latchkey.identity.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The mail queue as operators see it: how much is waiting, which messages could not be delivered
 * (dead letters), and a second chance for one of them. Every mail is a row of identity's outbox,
 * written in the transaction that decided to send it; any instance delivers due rows from the
 * database (a claimed row carries a lease, so a node that dies mid-send leaves it to another),
 * retries failures with growing waits, and gives up after {@link Settings#attempts()} tries.
 *
 * <p>Nothing here shows a code or a link: recipients are masked and secrets are replaced.
 */
public interface MailQueue {

    Summary summary();

    /** The newest dead letters, at most {@code limit} (1 to 100). */
    List<DeadLetter> deadLetters(int limit);

    /**
     * Puts a dead letter back in the queue for a new round of tries: an operator's action, so it
     * takes the operator's fresh step-up (anyone else gets an {@link IllegalStateException}).
     *
     * @return false when there is no such dead letter (unknown, already retried or purged)
     * @throws StepUpProof.Expired when the step-up no longer holds (nothing changed)
     */
    boolean retry(StepUpProof operator, UUID messageId);

    /** Waiting (including those between tries), dead, and sent in the last 24 hours. */
    record Summary(long pending, long dead, long sentLastDay) {
    }

    /** A message given up on: the recipient masked ({@code j***@example.com}), the secret in it replaced. */
    record DeadLetter(UUID id, String maskedRecipient, String subject, int attempts, String lastError, Instant deadAt) {
    }

    /**
     * How delivery retries: {@code attempts} tries in all, the first retry {@code firstRetry}
     * after a failure, each later wait doubled (with random jitter) up to {@code longestRetry};
     * the SMTP connection, reads and writes each wait at most {@code smtpTimeout}.
     */
    record Settings(int attempts, Duration firstRetry, Duration longestRetry, Duration smtpTimeout) {

        public static final Settings DEFAULTS = new Settings(12, Duration.ofSeconds(10), Duration.ofMinutes(15),
                Duration.ofSeconds(10));

        public Settings {
            if (attempts < 1 || firstRetry.isNegative() || firstRetry.isZero() || longestRetry.compareTo(firstRetry) < 0
                    || smtpTimeout.isNegative() || smtpTimeout.isZero()) {
                throw new IllegalArgumentException("mail retries need at least one attempt and positive waits,"
                        + " the longest at least the first");
            }
        }
    }
}
