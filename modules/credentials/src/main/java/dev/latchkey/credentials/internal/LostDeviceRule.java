package dev.latchkey.credentials.internal;

import dev.latchkey.credentials.api.LostDevicePlan;
import dev.latchkey.credentials.api.PasskeyCard;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which of the passkeys created on a lost device go with it. Only those that live on that device
 * alone: removing them takes away nothing that the person's other devices use. A synced passkey
 * (backup state set, #sctn-authenticator-data BS) is on their other devices too, and a security
 * key's passkey is on the key, not the device: removing those here would break what still works,
 * so they stay, and the plan says what to do instead.
 */
final class LostDeviceRule {

    private LostDeviceRule() {
    }

    /** Empty when the passkey goes with the device; otherwise why it stays (the page says what to do instead). */
    static Optional<LostDevicePlan.Kept> keep(PasskeyCard passkey) {
        return switch (passkey.storage()) {
            case DEVICE_BOUND, NOT_SYNCED_YET -> Optional.empty();
            case SYNCED -> Optional.of(new LostDevicePlan.Kept(passkey, LostDevicePlan.Kept.Reason.SYNCED));
            case SECURITY_KEY -> Optional.of(new LostDevicePlan.Kept(passkey, LostDevicePlan.Kept.Reason.ON_SECURITY_KEY));
        };
    }

    /** The plan for the passkeys created on the device, oldest first. */
    static LostDevicePlan plan(UUID deviceId, String deviceLabel, List<PasskeyCard> createdOnIt) {
        List<PasskeyCard> removed = new ArrayList<>();
        List<LostDevicePlan.Kept> kept = new ArrayList<>();
        for (PasskeyCard passkey : createdOnIt) {
            keep(passkey).ifPresentOrElse(kept::add, () -> removed.add(passkey));
        }
        return new LostDevicePlan(deviceId, deviceLabel, removed, kept);
    }
}
