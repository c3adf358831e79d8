package dev.latchkey.credentials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.credentials.api.PasskeyCard;
import dev.latchkey.credentials.api.PasskeyCard.Storage;
import dev.latchkey.credentials.api.PasskeyProvider;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasskeyWordsTest {

    private static final Optional<PasskeyProvider> ICLOUD =
            Optional.of(new PasskeyProvider("iCloud Keychain", Optional.empty(), Optional.empty()));

    @Test
    void aBackedUpPasskeySyncsWithItsProvider() {
        Storage s = PasskeyWords.storage(true, true, Optional.of("platform"), List.of("hybrid", "internal"));
        assertThat(s).isEqualTo(Storage.SYNCED);
        assertThat(PasskeyWords.whereItLives(s, ICLOUD, Optional.of("platform"), List.of(), true, Optional.empty()).english())
                .isEqualTo("Syncs across your devices with iCloud Keychain");
        assertThat(PasskeyWords.whereItLives(s, Optional.empty(), Optional.empty(), List.of(), true, Optional.empty()).english())
                .isEqualTo("Syncs across your devices");
    }

    @Test
    void eligibleButNotBackedUpIsSaidSo() {
        assertThat(PasskeyWords.storage(true, false, Optional.empty(), List.of())).isEqualTo(Storage.NOT_SYNCED_YET);
    }

    @Test
    void aDeviceBoundPasskeyIsOnlyOnItsDevice() {
        Storage s = PasskeyWords.storage(false, false, Optional.of("platform"), List.of("internal"));
        assertThat(s).isEqualTo(Storage.DEVICE_BOUND);
        assertThat(PasskeyWords.whereItLives(s, Optional.empty(), Optional.of("platform"), List.of("internal"), true,
                Optional.of("Chrome on Windows")).english()).isEqualTo("Only on this device");
        assertThat(PasskeyWords.whereItLives(s, Optional.empty(), Optional.of("platform"), List.of("internal"), false,
                Optional.of("Chrome on Windows")).english()).isEqualTo("Only on the device that created it (Chrome on Windows)");
        assertThat(PasskeyWords.whereItLives(s, Optional.empty(), Optional.of("cross-platform"), List.of("hybrid"), false,
                Optional.empty()).english()).isEqualTo("Only on the phone or tablet it was saved to");
    }

    @Test
    void aRoamingAuthenticatorIsASecurityKey() {
        assertThat(PasskeyWords.storage(false, false, Optional.of("cross-platform"), List.of("nfc", "usb")))
                .isEqualTo(Storage.SECURITY_KEY);
        assertThat(PasskeyWords.storage(false, false, Optional.empty(), List.of("usb"))).isEqualTo(Storage.SECURITY_KEY);
        assertThat(PasskeyWords.defaultName(Storage.SECURITY_KEY, Optional.empty(), Optional.of("Chrome on Linux")))
                .isEqualTo("Security key");
    }

    @Test
    void anUnknownProviderIsNamedAfterTheDeviceThatCreatedIt() {
        assertThat(PasskeyWords.defaultName(Storage.DEVICE_BOUND, Optional.empty(), Optional.of("Chrome on Windows")))
                .isEqualTo("Passkey on Chrome on Windows");
        assertThat(PasskeyWords.defaultName(Storage.SYNCED, Optional.empty(), Optional.empty())).isEqualTo("Passkey");
        assertThat(PasskeyWords.defaultName(Storage.SYNCED, ICLOUD, Optional.of("Safari on iPhone"))).isEqualTo("iCloud Keychain");
    }

    @Test
    void aPasskeySavedToAPhoneOverAQrCodeIsNamedSoNotJustPasskey() {
        assertThat(PasskeyWords.defaultName(Storage.DEVICE_BOUND, Optional.empty(), Optional.empty(),
                Optional.of("cross-platform"), java.util.List.of("hybrid", "internal"))).isEqualTo("Passkey on a phone or tablet");
        assertThat(PasskeyWords.defaultName(Storage.DEVICE_BOUND, Optional.empty(), Optional.of("Safari on iPhone"),
                Optional.of("platform"), java.util.List.of("internal"))).as("the creating device first")
                .isEqualTo("Passkey on Safari on iPhone");
        assertThat(PasskeyWords.defaultName(Storage.DEVICE_BOUND, Optional.empty(), Optional.empty(),
                Optional.empty(), java.util.List.of())).as("nothing known").isEqualTo("Passkey");
    }

    @Test
    void theAutomaticNameIsWordsAPageCanTranslate() {
        PasskeyCard.AutomaticName made = PasskeyWords.automaticName(Storage.DEVICE_BOUND, Optional.empty(),
                Optional.of("Chrome on Android"), Optional.of("platform"), List.of("internal", "hybrid"));
        assertThat(made).isEqualTo(new PasskeyCard.AutomaticName(PasskeyCard.AutomaticName.Kind.MADE_ON, "Chrome on Android"));
        assertThat(made.english()).as("a handoff passkey is named after the phone, not \"Passkey\"")
                .isEqualTo("Passkey on Chrome on Android");
        assertThat(PasskeyWords.automaticName(Storage.SYNCED, ICLOUD, Optional.of("Safari on iPhone"), Optional.empty(),
                List.of())).isEqualTo(new PasskeyCard.AutomaticName(PasskeyCard.AutomaticName.Kind.PROVIDER, "iCloud Keychain"));
        assertThat(PasskeyWords.automaticName(Storage.SECURITY_KEY, Optional.empty(), Optional.of("Chrome on Linux"),
                Optional.of("cross-platform"), List.of("usb")).kind()).isEqualTo(PasskeyCard.AutomaticName.Kind.SECURITY_KEY);
        assertThat(PasskeyWords.automaticName(Storage.DEVICE_BOUND, Optional.empty(), Optional.of(" "), Optional.empty(),
                List.of()).kind()).as("a blank label names nothing").isEqualTo(PasskeyCard.AutomaticName.Kind.UNNAMED);
        assertThat(PasskeyWords.automaticName(Storage.DEVICE_BOUND, Optional.empty(), Optional.empty(),
                Optional.of("cross-platform"), List.of("hybrid", "internal")).english()).isEqualTo("Passkey on a phone or tablet");
    }
}
