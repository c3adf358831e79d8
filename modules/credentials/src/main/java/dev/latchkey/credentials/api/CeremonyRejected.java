package dev.latchkey.credentials.api;

/**
 * A ceremony was refused. Nothing was stored and nobody was signed in. The message is written for
 * the person in front of the browser; {@link #reason()} is for logs, metrics and status codes.
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

    public CeremonyRejected(Reason reason, String userMessage) {
        super(userMessage);
        this.reason = reason;
    }

    public CeremonyRejected(Reason reason, String userMessage, Throwable cause) {
        super(userMessage, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
