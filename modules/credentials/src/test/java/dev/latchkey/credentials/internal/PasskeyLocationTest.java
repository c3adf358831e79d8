package dev.latchkey.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.identity.api.SignInMethod;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasskeyLocationTest {

    @Test
    void aPlatformAttachmentMeansThisDevice() {
        assertThat(PasskeyLocation.of(Optional.of("platform"), List.of("hybrid", "internal")))
                .isEqualTo(SignInMethod.PASSKEY_THIS_DEVICE);
    }

    @Test
    void aPhonePasskeyUsedCrossPlatformIsAnotherDeviceOverQr() {
        assertThat(PasskeyLocation.of(Optional.of("cross-platform"), List.of("hybrid", "internal")))
                .isEqualTo(SignInMethod.PASSKEY_OTHER_DEVICE);
    }

    @Test
    void aRoamingOnlyCredentialIsASecurityKey() {
        assertThat(PasskeyLocation.of(Optional.of("cross-platform"), List.of("nfc", "usb")))
                .isEqualTo(SignInMethod.SECURITY_KEY);
    }

    @Test
    void withoutAnAttachmentOrTransportsTheLocationIsUnknown() {
        assertThat(PasskeyLocation.of(Optional.empty(), List.of("internal"))).isEqualTo(SignInMethod.PASSKEY);
        assertThat(PasskeyLocation.of(Optional.of("cross-platform"), List.of())).isEqualTo(SignInMethod.PASSKEY);
    }
}
