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
     * A passkey that stays, and why: the page says why and what to do instead in its own language (a synced
     * passkey is ended at its provider, named by {@code passkey.provider()} when known; a security key's is
     * removed on the Security page if the key is lost too).
     */
    public record Kept(PasskeyCard passkey, Reason reason) {

        public enum Reason {
            /** It syncs to the person's other devices: removing it here would stop it working there too. */
            SYNCED,
            /** It lives on a security key, not on the device. */
            ON_SECURITY_KEY
        }

        public Kept {
            java.util.Objects.requireNonNull(passkey, "passkey");
            java.util.Objects.requireNonNull(reason, "reason");
        }
    }
}
