package dev.latchkey.app.web.operator;

import dev.latchkey.app.web.PageView;
import dev.latchkey.identity.api.MailQueue;
import java.time.Instant;
import java.util.List;

/**
 * The view model of {@code operator-mail}: the queue's counts and its dead letters (recipient masked,
 * no code or link), with the notice after "Send again" and its error as a message key (empty when none).
 *
 * @param stepUpNeeded "Send again" leads through step-up first, at {@code stepUpPath}
 */
public record OperatorMailView(boolean retried, String error, boolean stepUpNeeded, String stepUpPath,
                               MailQueue.Summary summary, List<DeadLetterRow> deadLetters, Times when)
        implements PageView {

    @Override
    public String template() {
        return "operator-mail";
    }

    /** A dead letter as listed. */
    public record DeadLetterRow(String id, String recipient, String subject, int attempts, String lastError,
                                Instant deadAt) {
    }
}
