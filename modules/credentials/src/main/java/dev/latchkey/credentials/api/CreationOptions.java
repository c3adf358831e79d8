package dev.latchkey.credentials.api;

import java.util.List;
import java.util.Map;

/**
 * {@code PublicKeyCredentialCreationOptionsJSON} (WebAuthn L3 §5.1.1), ready for
 * {@code PublicKeyCredential.parseCreationOptionsFromJSON}. Binary fields are base64url strings.
 */
public record CreationOptions(
        Rp rp,
        User user,
        String challenge,
        List<CredentialParameters> pubKeyCredParams,
        long timeout,
        List<CredentialDescriptor> excludeCredentials,
        AuthenticatorSelection authenticatorSelection,
        List<String> hints,
        String attestation,
        Map<String, Boolean> extensions) {

    public record Rp(String id, String name) {
    }

    public record User(String id, String name, String displayName) {
    }

    public record CredentialParameters(String type, int alg) {
    }

    /** {@code authenticatorAttachment} is null (omitted) unless a passkey must live off this device. */
    public record AuthenticatorSelection(String residentKey, boolean requireResidentKey, String userVerification,
                                         String authenticatorAttachment) {
    }

    /**
     * The same options for a shared or public computer: the passkey goes on a phone (hybrid) or a
     * security key, never on the computer itself ({@code cross-platform} attachment, L3 hints).
     */
    public CreationOptions offDevice() {
        return new CreationOptions(rp, user, challenge, pubKeyCredParams, timeout, excludeCredentials,
                new AuthenticatorSelection(authenticatorSelection.residentKey(), authenticatorSelection.requireResidentKey(),
                        authenticatorSelection.userVerification(), "cross-platform"),
                List.of("hybrid", "security-key"), attestation, extensions);
    }
}
