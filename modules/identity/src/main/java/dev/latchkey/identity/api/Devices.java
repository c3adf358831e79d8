package dev.latchkey.identity.api;

import java.util.List;
import java.util.UUID;

/**
 * Devices an account signs in from. A device is a browser profile, recognised by a long-lived
 * random device cookie (the web layer keeps the cookie; only its hash is stored here).
 */
public interface Devices {

    /**
     * Records that the account was seen on this browser profile: creates the device record the
     * first time, refreshes its label, last-seen time and known capabilities afterwards.
     */
    Device seen(UUID accountId, DeviceKey key, ClientDescription client);

    /**
     * The account's record for this browser profile, if the account was ever seen on it. Creates
     * nothing and refreshes nothing: for a browser that is not signed in (the second device of a
     * link handoff), which must not add itself to the account's devices.
     */
    java.util.Optional<Device> find(UUID accountId, DeviceKey key);

    /** The account's devices, most recently seen first. */
    List<Device> of(UUID accountId);

    /** The longest name a person may give a device, in characters (code points). */
    int NAME_MAX = 40;

    /**
     * Gives one of the account's devices a name of the person's choosing, shown instead of its
     * automatic label; a blank name removes it. Only the account's own devices: another account's
     * device id is {@link Rename#NOT_FOUND}, as is an unknown one. Nothing changes unless NAMED or CLEARED.
     */
    Rename rename(UUID accountId, UUID deviceId, String name);

    enum Rename { NAMED, CLEARED, TOO_LONG, NOT_ALLOWED_CHARACTERS, NOT_FOUND }

    /** A label for a browser that has no device record yet ("Chrome on Windows"). */
    String label(ClientDescription client);

    /**
     * "I lost this device", for the proof's account: ends every session on it and forgets the device
     * record. Fires {@link DeviceLost} inside the transaction, so that the passkeys created on it go
     * too. Refused, with nothing changed, when those passkeys are the account's last way in
     * ({@link LastWayIn}).
     *
     * @throws StepUpProof.Expired when the step-up no longer holds (nothing changed)
     */
    LostReport reportLost(StepUpProof proof, UUID deviceId);

    /**
     * @param confirmAddressFirst with {@code LAST_WAY_IN}: as {@link LastWayIn.Verdict#confirmAddressFirst()}
     *                            (the page says why and what to do instead)
     */
    record LostReport(Outcome outcome, boolean confirmAddressFirst) {
        public enum Outcome { REPORTED, NOT_FOUND, LAST_WAY_IN }
    }

    /** Fired inside the transaction that forgets a lost device. */
    record DeviceLost(UUID accountId, UUID deviceId) {
    }
}
