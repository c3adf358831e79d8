package dev.latchkey.identity.api;

import java.util.Optional;

/**
 * What a browser said it can do with passkeys, from {@code PublicKeyCredential.getClientCapabilities()}
 * and {@code isUserVerifyingPlatformAuthenticatorAvailable()}. Older browsers lack the first
 * (Chrome before 133, Safari before 17.4): a missing answer is unknown, never "no".
 *
 * @param platformAuthenticator a user-verifying platform authenticator is available (can hold a passkey here)
 * @param conditionalGet        passkey autofill
 * @param conditionalCreate     automatic passkey upgrades after a password sign-in
 * @param hybridTransport       signing in with a phone over a QR code
 */
public record Capabilities(
        Optional<Boolean> platformAuthenticator,
        Optional<Boolean> conditionalGet,
        Optional<Boolean> conditionalCreate,
        Optional<Boolean> hybridTransport) {

    public static final Capabilities UNKNOWN =
            new Capabilities(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** Keeps what is known now and fills the gaps from what was known before. */
    public Capabilities mergedOver(Capabilities earlier) {
        return new Capabilities(
                platformAuthenticator.or(earlier::platformAuthenticator),
                conditionalGet.or(earlier::conditionalGet),
                conditionalCreate.or(earlier::conditionalCreate),
                hybridTransport.or(earlier::hybridTransport));
    }
}
