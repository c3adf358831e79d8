package dev.latchkey.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class HostCheckFilterTest {

    private static final Set<String> ORIGINS = Set.of("http://localhost:9080");

    @Test
    void loopbackAddressesMapToTheLocalhostOriginOfTheSamePort() {
        assertThat(HostCheckFilter.localhostFor(ORIGINS, "127.0.0.1:9080")).contains("http://localhost:9080");
        assertThat(HostCheckFilter.localhostFor(ORIGINS, "[::1]:9080")).contains("http://localhost:9080");
    }

    @Test
    void nothingElseIsRedirected() {
        assertThat(HostCheckFilter.localhostFor(ORIGINS, "127.0.0.1:9081")).isEmpty();
        assertThat(HostCheckFilter.localhostFor(ORIGINS, "evil.example:9080")).isEmpty();
        assertThat(HostCheckFilter.localhostFor(ORIGINS, "127.0.0.1")).isEmpty();
        assertThat(HostCheckFilter.localhostFor(ORIGINS, null)).isEmpty();
        assertThat(HostCheckFilter.localhostFor(Set.of("https://id.example.com"), "127.0.0.1:443")).isEmpty();
    }
}
