package dev.latchkey.nudges.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProviderReachTest {

    @Test
    void theShippedTableLoadsAndNamesTheBigSyncedProviders() {
        ProviderReach reach = ProviderReach.load();
        assertThat(reach.size()).isGreaterThan(20);
        ProviderReach.Provider google = reach.of(Fixtures.GPM, Optional.empty()).orElseThrow();
        assertThat(google.name()).isEqualTo("Google Password Manager");
        assertThat(google.reaches("Windows", "Chrome")).isTrue();
        assertThat(google.reaches("Windows", "Firefox")).isFalse();
        assertThat(google.reaches("Android", "Samsung Internet")).isTrue();
        ProviderReach.Provider apple = reach.of(UUID.fromString("fbfc3007-154e-4ecc-8c0b-6e020557d7bd"), Optional.empty())
                .orElseThrow();
        assertThat(apple.reaches("Mac", "Safari")).isTrue();
        assertThat(apple.reaches("Windows", "Chrome")).isFalse();
        assertThat(reach.of(UUID.fromString("bada5566-a7aa-401f-bd96-45619a55120d"), Optional.empty()).orElseThrow()
                .inferred()).as("1Password's reach depends on an extension being installed").isTrue();
        assertThat(reach.of(Fixtures.WINDOWS_HELLO, Optional.empty()).orElseThrow().synced()).isFalse();
    }

    @Test
    void anAllZeroAaguidIsJudgedByTheCreatingPlatformOnly() {
        ProviderReach reach = ProviderReach.load();
        assertThat(reach.of(Fixtures.ZERO, Optional.of("iPhone")).orElseThrow().name()).isEqualTo("iCloud Keychain");
        assertThat(reach.of(Fixtures.ZERO, Optional.of("Windows"))).isEmpty();
        assertThat(reach.of(Fixtures.ZERO, Optional.empty())).isEmpty();
    }

    @Test
    void aBrokenLineIsRefusedWithItsLineNumber() {
        assertThatThrownBy(() -> ProviderReach.parse(List.of("# ok", "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4 | X | synced | Android")))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> ProviderReach.parse(List.of("not-a-uuid | X | synced | */* | inferred")))
                .hasMessageContaining("not an AAGUID");
        assertThatThrownBy(() -> ProviderReach.parse(List.of("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4 | X | sometimes | */* | inferred")))
                .hasMessageContaining("kind");
        assertThatThrownBy(() -> ProviderReach.parse(List.of("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4 | X | synced | | inferred")))
                .hasMessageContaining("must reach");
    }
}
