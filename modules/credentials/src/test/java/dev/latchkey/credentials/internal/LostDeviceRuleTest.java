package dev.latchkey.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.credentials.api.LostDevicePlan;
import dev.latchkey.credentials.api.PasskeyCard;
import dev.latchkey.credentials.api.PasskeyProvider;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What "I lost this device" removes: only what lives on that device alone. */
class LostDeviceRuleTest {

    private static final PasskeyProvider ICLOUD = new PasskeyProvider("iCloud Keychain", Optional.empty(), Optional.empty());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "DEVICE_BOUND,   removed",
            "NOT_SYNCED_YET, removed",
            "SYNCED,         kept",
            "SECURITY_KEY,   kept",
    })
    void eachKindOfPasskeyHasOneFate(PasskeyCard.Storage storage, String fate) {
        assertThat(LostDeviceRule.keep(card("a", storage, Optional.empty())).isPresent()).isEqualTo("kept".equals(fate));
    }

    @Test
    void aSyncedPasskeyStaysAndThePlanSaysToEndItAtItsProvider() {
        LostDevicePlan.Kept kept = LostDeviceRule.keep(card("mine", PasskeyCard.Storage.SYNCED, Optional.of(ICLOUD)))
                .orElseThrow();
        assertThat(kept.reason()).isEqualTo(LostDevicePlan.Kept.Reason.SYNCED);
        assertThat(kept.passkey().provider()).isEqualTo(Optional.of(ICLOUD));
    }

    @Test
    void aSecurityKeysPasskeyStaysBecauseItLivesOnTheKey() {
        LostDevicePlan.Kept kept = LostDeviceRule.keep(card("x", PasskeyCard.Storage.SECURITY_KEY, Optional.empty()))
                .orElseThrow();
        assertThat(kept.reason()).isEqualTo(LostDevicePlan.Kept.Reason.ON_SECURITY_KEY);
    }

    @Test
    void thePlanSplitsTheDevicesPasskeysInOrder() {
        PasskeyCard bound = card("bound", PasskeyCard.Storage.DEVICE_BOUND, Optional.empty());
        PasskeyCard synced = card("synced", PasskeyCard.Storage.SYNCED, Optional.of(ICLOUD));
        PasskeyCard notYet = card("not yet", PasskeyCard.Storage.NOT_SYNCED_YET, Optional.empty());
        LostDevicePlan plan = LostDeviceRule.plan(UUID.randomUUID(), "Safari on iPhone", List.of(bound, synced, notYet));
        assertThat(plan.removed()).containsExactly(bound, notYet);
        assertThat(plan.kept()).extracting(LostDevicePlan.Kept::passkey).containsExactly(synced);
        assertThat(plan.deviceLabel()).isEqualTo("Safari on iPhone");
    }

    @Test
    void aDeviceWithoutPasskeysRemovesNone() {
        LostDevicePlan plan = LostDeviceRule.plan(UUID.randomUUID(), "Edge on Windows", List.of());
        assertThat(plan.removed()).isEmpty();
        assertThat(plan.kept()).isEmpty();
    }

    private static PasskeyCard card(String name, PasskeyCard.Storage storage, Optional<PasskeyProvider> provider) {
        return new PasskeyCard(UUID.randomUUID(), "id-" + name, name, false, storage,
                new PasskeyCard.WhereItLives(PasskeyCard.WhereItLives.Kind.SYNCED, ""), provider, Instant.EPOCH,
                Optional.empty(), Optional.empty(), Optional.empty(),
                new PasskeyCard.AutomaticName(PasskeyCard.AutomaticName.Kind.UNNAMED, ""));
    }
}
