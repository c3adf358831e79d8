package dev.latchkey.credentials.internal;

import dev.latchkey.credentials.api.PasskeyPlacement;
import dev.latchkey.identity.api.SignInMethod;
import java.util.List;
import java.util.Optional;

/** Where the passkey that answered a sign-in was, as identity's sign-in method ({@link PasskeyPlacement}). */
final class PasskeyLocation {

    private PasskeyLocation() {
    }

    static SignInMethod of(Optional<String> attachment, List<String> transports) {
        return switch (PasskeyPlacement.of(attachment, transports)) {
            case THIS_DEVICE -> SignInMethod.PASSKEY_THIS_DEVICE;
            case ANOTHER_DEVICE -> SignInMethod.PASSKEY_OTHER_DEVICE;
            case SECURITY_KEY -> SignInMethod.SECURITY_KEY;
            case UNKNOWN -> SignInMethod.PASSKEY;
        };
    }
}
