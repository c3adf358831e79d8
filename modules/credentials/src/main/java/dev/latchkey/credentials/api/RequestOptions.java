package dev.latchkey.credentials.api;

import java.util.List;

/**
 * {@code PublicKeyCredentialRequestOptionsJSON} (WebAuthn L3 §5.5), ready for
 * {@code PublicKeyCredential.parseRequestOptionsFromJSON}. {@code allowCredentials} stays empty:
 * sign-in uses discoverable credentials, so the page needs no username and reveals no account.
 */
public record RequestOptions(
        String challenge,
        long timeout,
        String rpId,
        List<CredentialDescriptor> allowCredentials,
        String userVerification,
        List<String> hints) {

    /**
     * The same options with WebAuthn L3 hints ({@code #enum-hints}): for example
     * {@code hybrid} and {@code security-key} on a shared computer, where no passkey should be used
     * from (or saved to) the computer itself.
     */
    public RequestOptions withHints(List<String> newHints) {
        return new RequestOptions(challenge, timeout, rpId, allowCredentials, userVerification, List.copyOf(newHints));
    }
}
