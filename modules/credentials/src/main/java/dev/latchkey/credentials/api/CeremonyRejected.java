package dev.latchkey.credentials.api;

/**
 * A ceremony was refused. Nothing was stored and nobody was signed in. {@link #key()} and {@link #args()} say it
 * for the person in front of the browser, in their language (a message key of the pages' bundles, by default
 * {@code ceremony.<REASON>}, or a more precise one such as the passkey limit with its number); the message is the
 * same in English, for logs; {@link #reason()} is for logs, metrics and status codes.
 */
public class CeremonyRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The payload is not a well-formed WebAuthn response. */
        MALFORMED,
        /** No pending ceremony has this challenge, it expired, or it was already used. */
        UNKNOWN_CHALLENGE,
        /** The challenge was issued to another browser or for another purpose. */
        WRONG_CEREMONY,
        /** Origin, RP ID, signature, flags or counter failed verification. */
        VERIFICATION_FAILED,
        /**
         * The passkey is not registered here: the lookup answered and found nothing (never a
         * database error). The sign-in page then asks the provider to forget it (signalUnknownCredential).
         */
        UNKNOWN_CREDENTIAL,
        /** The passkey or the email address is already registered. */
        ALREADY_REGISTERED,
        /**
         * No longer raised: pending ceremonies are bounded by eviction (CeremonyLimits), never by
         * refusing an address. Kept so that callers' exhaustive switches still compile.
         */
        TOO_MANY_CEREMONIES,
        /** The account holds the most passkeys it may. */
        TOO_MANY_PASSKEYS,
        /** Registration policy: the attestation is missing, self-signed or does not chain to a trust anchor. */
        ATTESTATION_NOT_TRUSTED,
        /** Registration policy: the authenticator did not verify the user (no PIN, fingerprint or face). */
        USER_VERIFICATION_REQUIRED,
        /** Registration policy: the passkey is on the wrong kind of authenticator (platform or roaming). */
        ATTACHMENT_NOT_ALLOWED,
        /** Registration policy: the passkey may sync (BE flag) and this deployment accepts only device-bound ones. */
        SYNCED_NOT_ALLOWED,
        /** Registration policy: the authenticator model (AAGUID) is not on the allow list. */
        AUTHENTICATOR_NOT_ALLOWED,
        /** Registration policy: the authenticator model (AAGUID) is on the deny list. */
        AUTHENTICATOR_DENIED,
        /** Registration policy: the settings could not be understood, so no passkey is registered until fixed. */
        POLICY_UNAVAILABLE
    }

    private final Reason reason;
    private final String key;
    private final java.util.List<String> args;

    /** A refusal that the reason's own words ({@code ceremony.<REASON>}) say in full. */
    public CeremonyRejected(Reason reason, String userMessage) {
        this(reason, userMessage, null);
    }

    /** As {@link #CeremonyRejected(Reason, String)}, with its cause. */
    public CeremonyRejected(Reason reason, String userMessage, Throwable cause) {
        this(reason, "ceremony." + reason.name(), java.util.List.of(), userMessage, cause);
    }

    /**
     * A refusal with words of its own.
     *
     * @param key     the message key that says it ({@code ceremony.detail.*})
     * @param args    the key's arguments ({0}, {1} ...): numbers and names, never sentences
     * @param english the same in English, for logs
     */
    public CeremonyRejected(Reason reason, String key, java.util.List<String> args, String english, Throwable cause) {
        super(english, cause);
        this.reason = reason;
        this.key = java.util.Objects.requireNonNull(key, "key");
        this.args = java.util.List.copyOf(args);
    }

    /** The message key that says this refusal to the person. */
    public String key() {
        return key;
    }

    /** The key's arguments. */
    public java.util.List<String> args() {
        return args;
    }

    public Reason reason() {
        return reason;
    }
}
