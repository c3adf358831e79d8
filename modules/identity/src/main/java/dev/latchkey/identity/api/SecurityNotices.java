package dev.latchkey.identity.api;

import java.util.UUID;

/**
 * Security notices by email to an account's confirmed address (never to an address merely
 * claimed at sign-up, which may be someone else's). Written to the mail outbox in a transaction
 * of their own and delivered after it commits.
 */
public interface SecurityNotices {

    /**
     * Queues a notice. The text is plain and addressed by this method ("Hello name,"): pass the
     * sentences that say what happened and what to do if it was not the owner.
     *
     * @return false when the account has no confirmed address (nothing is sent)
     */
    boolean send(UUID accountId, String subject, String text);
}
