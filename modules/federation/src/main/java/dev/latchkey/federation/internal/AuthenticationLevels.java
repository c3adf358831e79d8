package dev.latchkey.federation.internal;

import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.AMR;
import dev.latchkey.federation.api.OidcClients;
import dev.latchkey.identity.api.SignInMethod;
import java.util.List;

/**
 * How a sign-in is told to clients: {@code amr} values of RFC 8176 §2 and Latchkey's two {@code acr}
 * levels. Only a passkey (a WebAuthn assertion bound to our origin) reaches the phishing-resistant
 * level {@code phr}; an email code, a password or a recovery code can be phished and stays {@code basic}.
 */
final class AuthenticationLevels {

    private AuthenticationLevels() {
    }

    /**
     * RFC 8176: {@code hwk} for a roaming security key (a hardware-bound key), {@code swk} for other
     * passkeys (most are synced by a provider, so their key is not bound to hardware); {@code otp} for
     * a one-time email or recovery code; {@code pwd} for a password. {@code user} (user verification)
     * is not claimed: sign-in asks for it as "preferred" and the session does not record the flag.
     */
    static List<AMR> amr(SignInMethod method) {
        return switch (method) {
            case SECURITY_KEY -> List.of(AMR.HWK);
            case PASSKEY, PASSKEY_THIS_DEVICE, PASSKEY_OTHER_DEVICE -> List.of(AMR.SWK);
            case EMAIL_CODE, RECOVERY_CODE -> List.of(AMR.OTP);
            case PASSWORD -> List.of(AMR.PWD);
        };
    }

    static ACR acr(SignInMethod method) {
        return new ACR(method.isPasskey() ? OidcClients.ACR_PHISHING_RESISTANT : OidcClients.ACR_BASIC);
    }
}
