package dev.latchkey.identity.internal;

/**
 * The secret of a queued mail (a code, an invitation token) is stored apart from its text: the
 * subject and body keep {@link #MARK} where it stood, and the secret itself is dropped once the
 * mail is sent (OWASP ASVS 4.0.3 V8.3.8: sensitive data is deleted once it is no longer needed).
 */
final class SecretText {

    /** Stands for the secret in stored text. */
    static final String MARK = "{{secret}}";

    /** What operators (and the development outbox, after sending) see in the secret's place. */
    static final String REDACTED = "[removed]";

    private SecretText() {
    }

    static String hide(String text, String secret) {
        return kept(secret) == null ? text : text.replace(secret, MARK);
    }

    static String reveal(String text, String secret) {
        return secret == null ? text : text.replace(MARK, secret);
    }

    static String redact(String text) {
        return text.replace(MARK, REDACTED);
    }

    /** A secret worth keeping apart; a blank one is none. */
    static String kept(String secret) {
        return secret == null || secret.isBlank() ? null : secret;
    }

    /** {@code jane@example.com} as {@code j***@example.com}: enough to tell messages apart, not to read the address. */
    static String maskAddress(String address) {
        if (address == null) {
            return "";
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
