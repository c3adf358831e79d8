package dev.latchkey.nudges.api;

/**
 * Whether a passkey covers one device (a browser profile) of an account. The meanings are the
 * contract other modules (insights) count by; {@link CoverageReport} gives each device exactly one.
 */
public enum Verdict {

    /** A passkey was created on this device, or used from this device's own authenticator. */
    COVERED(true, false, "a passkey was created or used on this device"),

    /**
     * A synced passkey whose provider reaches this platform and browser (iCloud Keychain on Apple
     * devices, Google Password Manager on Android and in Chrome, ...), not yet used here. Counts as
     * covered but is reported apart; a prompt may only ask to confirm it.
     */
    LIKELY_COVERED(true, true, "a synced passkey should reach this device, but it has not been used here yet"),

    /** The device can hold a passkey (or did not say), and none is known to work here. */
    NOT_COVERED(false, true, "no passkey is known to work on this device"),

    /** The device reported no platform authenticator: a phone (hybrid) or a security key is its way. */
    CANNOT_HOLD_ONE(false, true, "this device cannot save a passkey; a phone or a security key is its way"),

    /** Marked as shared or public: excluded from coverage and never prompted. */
    SHARED(false, false, "a shared or public device: passkeys are not saved here");

    private final boolean countsAsCovered;
    private final boolean mayBeNudged;
    private final String meaning;

    Verdict(boolean countsAsCovered, boolean mayBeNudged, String meaning) {
        this.countsAsCovered = countsAsCovered;
        this.mayBeNudged = mayBeNudged;
        this.meaning = meaning;
    }

    public boolean countsAsCovered() {
        return countsAsCovered;
    }

    /** Whether any prompt may concern this device (for {@link #LIKELY_COVERED}, only one to confirm). */
    public boolean mayBeNudged() {
        return mayBeNudged;
    }

    /** Whether the device takes part in coverage at all ({@link #SHARED} devices are excluded). */
    public boolean counted() {
        return this != SHARED;
    }

    /** The meaning in plain words, as the table states it. */
    public String meaning() {
        return meaning;
    }
}
