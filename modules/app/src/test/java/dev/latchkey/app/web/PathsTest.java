package dev.latchkey.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/account/security", "/account/passkeys?added=1", "/learn/what-is-a-passkey#start",
            "/operator/invitations?q=a%40b.example", "/x-y_z~1/(2)", "/a:b@c;d=e"})
    void pathsOfThisSiteAreKept(String next) {
        assertThat(Paths.safeNext(next)).isEqualTo(next);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "account", "https://evil.example", "//evil.example", "/\\evil.example", "/..//evil.example",
            "/../evil", "/a/../b", "/./a", "/a/.", "/a//b", "/%zz", "/%", "/%2", "/%2F%2Fevil.example", "/%2fevil",
            "/%5Cevil", "/%2e%2e/x", "/%2E", "/%25", "/x%00y", "/%0d%0aSet-Cookie:a=b", "/%7F", "/%C0%AF", "/%E2%80%AE",
            "/a b", "/a\tb", "/\u00e4", "/\u202e", "/a\"b", "/a<b", "/a\\b", "/a|b", "/%g0", "/%0g", "/x?%zz"})
    void anythingElseIsTheAccountPage(String next) {
        assertThat(Paths.safeNext(next)).isEqualTo(Paths.ACCOUNT);
    }
}
