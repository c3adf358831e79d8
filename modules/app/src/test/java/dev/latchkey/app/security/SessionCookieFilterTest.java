package dev.latchkey.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which paths only a signed-in visitor reaches (SessionCookieFilter): the same as the
 * {@code /account/*} and {@code /operator/*} constraints web.xml held before, on the container's
 * decoded, normalised path.
 */
class SessionCookieFilterTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "/account,                          true",
            "/account/,                         true",
            "/account/security,                 true",
            "/account/passkeys/new,             true",
            "/operator,                         true",
            "/operator/accounts/view,           true",
            "/accounts,                         false",
            "/accountsecurity,                  false",
            "/operators,                        false",
            "/api/account/passkeys/options,     false",
            "/signin,                           false",
            "/,                                 false",
            "/learn/what-is-a-passkey,          false",
            "/Account/security,                 false",
    })
    void signedInOnly(String path, boolean signedInOnly) {
        assertThat(SessionCookieFilter.signedInOnly(path)).isEqualTo(signedInOnly);
    }
}
