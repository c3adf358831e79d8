package dev.latchkey.identity.api;

import java.util.UUID;

/**
 * The rule that an account always keeps a way to sign in: one of its passkeys, or a fallback that
 * works on this deployment ({@link FallbackSignIns}). Every path that takes a way in away asks it
 * first, inside the transaction that makes the change: removing a passkey (credentials), reporting
 * a device lost (its passkeys go with it) and removing the password. There is no second copy of it.
 *
 * <p>The check locks the account's row for the rest of the caller's transaction before it counts,
 * and every such path checks before it changes anything, so two removals at once (a passkey here,
 * the password or a device there) cannot each leave the other as the last way in.
 */
public interface LastWayIn {

    /** Joins the caller's transaction (and needs one, for the lock to mean anything). */
    Verdict check(UUID accountId, Loss loss);

    /** What the caller is about to take away. */
    sealed interface Loss permits Passkeys, LostDevice, Password {
    }

    /** This many of the account's passkeys, chosen by the caller. */
    record Passkeys(int count) implements Loss {
    }

    /** The passkeys that live only on this device of the account ({@link PasskeyPresence#countCreatedOn}). */
    record LostDevice(UUID deviceId) implements Loss {
    }

    /** The account's password. */
    record Password() implements Loss {
    }

    /**
     * The answer. When refused, the page says why and what to do instead in its own language, by what the caller
     * was taking away (it knows: it asked).
     *
     * @param confirmAddressFirst when refused: the account's address is not confirmed yet, so the way out
     *                            (recovery codes) starts with confirming it
     */
    record Verdict(boolean allowed, boolean confirmAddressFirst) {

        public static final Verdict ALLOWED = new Verdict(true, false);

        public static Verdict refused(boolean confirmAddressFirst) {
            return new Verdict(false, confirmAddressFirst);
        }
    }
}
