package dev.latchkey.federation.internal;

import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.AMR;
import dev.latchkey.federation.api.OidcClients;
import dev.latchkey.identity.api.AuthenticatorFlags;
import dev.latchkey.identity.api.SignInMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a sign-in is told to clients: {@code amr} values of RFC 8176 §2 and Latchkey's two {@code acr}
 * levels. Only a passkey (a WebAuthn assertion bound to our origin) reaches the phishing-resistant
 * level {@code phr}; an email code, a password or a recovery code can be phished and stays {@code basic}.
 */
final class AuthenticationLevels {

    private AuthenticationLevels() {
    }

    /**
     * RFC 8176 §2, for a passkey from the signed flags of its assertion (WebAuthn L3 §6.1) where the
     * session kept them:
     * <ul>
     * <li>{@code hwk} for a roaming security key whose key cannot be synced (BE clear), {@code swk} for
     *     other passkeys: most are synced by a provider (BE set), and a platform passkey's hardware is not
     *     attested, so its key is not claimed to be hardware-bound;</li>
     * <li>{@code user} ("user presence test"): every passkey sign-in requires the UP flag (§7.2 step 16);</li>
     * <li>{@code mfa} when UV is set: the authenticator verified the person (a PIN or a biometric) on top of
     *     the possession of the key, two factors. {@code pin}, {@code fpt} or {@code face} are never
     *     claimed: an authenticator does not say which way it verified.</li>
     * </ul>
     * {@code otp} for a one-time email or recovery code; {@code pwd} for a password.
     */
    static List<AMR> amr(SignInMethod method, Optional<AuthenticatorFlags> flags) {
        return switch (method) {
            case SECURITY_KEY, PASSKEY, PASSKEY_THIS_DEVICE, PASSKEY_OTHER_DEVICE -> passkey(method, flags);
            case EMAIL_CODE, RECOVERY_CODE -> List.of(AMR.OTP);
            case PASSWORD -> List.of(AMR.PWD);
        };
    }

    private static List<AMR> passkey(SignInMethod method, Optional<AuthenticatorFlags> flags) {
        boolean syncable = flags.map(AuthenticatorFlags::backupEligible).orElse(false);
        List<AMR> amr = new ArrayList<>();
        amr.add(method == SignInMethod.SECURITY_KEY && !syncable ? AMR.HWK : AMR.SWK);
        amr.add(AMR.USER);
        if (flags.map(AuthenticatorFlags::userVerified).orElse(false)) {
            amr.add(AMR.MFA);
        }
        return List.copyOf(amr);
    }

    static ACR acr(SignInMethod method) {
        return new ACR(method.isPasskey() ? OidcClients.ACR_PHISHING_RESISTANT : OidcClients.ACR_BASIC);
    }
}
