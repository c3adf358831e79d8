package dev.latchkey.credentials.api;

import java.util.List;
import java.util.UUID;

/**
 * What "I lost this device" does to an account's passkeys, worked out before anything changes, so
 * that the page can show it and the report then does exactly that: the device is signed out, the
 * passkeys in {@code removed} stop working, the ones in {@code kept} stay, each with the reason and
 * what to do instead (a synced passkey is on the person's other devices too; it is ended at the
 * provider, not here).
 *
 * @param deviceLabel the device as the account page names it
 * @param removed     the passkeys that live only on that device; they are removed with it
 * @param kept        the passkeys created on it that live elsewhere too; they stay
 */
public record LostDevicePlan(UUID deviceId, String deviceLabel, List<PasskeyCard> removed, List<Kept> kept) {

    public LostDevicePlan {
        removed = List.copyOf(removed);
        kept = List.copyOf(kept);
    }

    /**
     * @param why      one sentence: why it stays
     * @param whatToDo one sentence: what the person can do instead, and where
     */
    public record Kept(PasskeyCard passkey, String why, String whatToDo) {
    }
}
