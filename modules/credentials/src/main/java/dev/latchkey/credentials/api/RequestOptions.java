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
}
