package dev.latchkey.identity.api;

/** Another account already uses this email address. */
public class EmailTakenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EmailTakenException() {
        super("An account with this email address already exists.");
    }
}
