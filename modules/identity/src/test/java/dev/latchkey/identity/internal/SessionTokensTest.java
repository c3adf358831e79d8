package dev.latchkey.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

    @Test
    void tokensAreLongRandomAndStoredOnlyAsAHash() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = SessionTokens.newToken();
            assertThat(token).hasSize(SessionTokens.TOKEN_CHARS).matches("[A-Za-z0-9_-]+");
            assertThat(seen.add(token)).isTrue();
        }
        String token = SessionTokens.newToken();
        assertThat(SessionTokens.hash(token)).hasValueSatisfying(h -> assertThat(h).hasSize(32));
        assertThat(SessionTokens.hash(token).orElseThrow()).isEqualTo(SessionTokens.hash(token).orElseThrow());
    }

    @Test
    void malformedCookieValuesAreNotLookedUp() {
        assertThat(SessionTokens.hash(null)).isEmpty();
        assertThat(SessionTokens.hash("")).isEmpty();
        assertThat(SessionTokens.hash("short")).isEmpty();
        assertThat(SessionTokens.hash("x".repeat(42) + "=")).isEmpty();
        assertThat(SessionTokens.hash("é".repeat(43))).isEmpty();
        assertThat(SessionTokens.hash("' or 1=1 --" + "a".repeat(32))).isEmpty();
    }
}
