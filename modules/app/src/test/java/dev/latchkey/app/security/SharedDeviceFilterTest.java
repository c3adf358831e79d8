package dev.latchkey.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a signed-in visit on a shared computer may still reach under /account/ (SharedDeviceFilter). */
class SharedDeviceFilterTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "/account/security,                 true",
            "/account/confirm-email,            true",
            "/account/confirm-email/resend,     true",
            "/account/securityx,                false",
            "/account/passkeys/new,             false",
            "/account/password,                 false",
            "/account/recovery-codes,           false",
            "/account/devices/lost,             false",
            "/account/email,                    false",
            "/api/account/passkeys/options,     false",
            "/account/confirm-emailx,           false",
    })
    void onlyWhatTheVisitNeeds(String path, boolean allowed) {
        assertThat(SharedDeviceFilter.allowed(path)).isEqualTo(allowed);
    }
}
