package dev.latchkey.education.api;

import java.util.List;
import java.util.Locale;

/**
 * The tips other modules may ask for. Each key names the parameters its text mentions; a caller
 * passes exactly those (values may be user data, such as a device name: they are escaped and
 * shortened, never interpreted). Texts, titles and the article each tip links to are in the
 * message bundles {@code META-INF/latchkey/tips/tips*.properties}.
 */
public enum TipKey {

    /** Someone just signed in on this device with a passkey from their phone (a QR code: hybrid transport). */
    AFTER_HYBRID_SIGN_IN,

    /** Every passkey of the account is on one device, named by {@code device} (for example "Pixel 8"). */
    ALL_PASSKEYS_ON_ONE_DEVICE("device"),

    /**
     * A new passkey was saved by a provider that syncs it (a multi-device credential), named by
     * {@code provider}: "iCloud Keychain", "Google Password Manager", "1Password" and the like.
     */
    SAVED_IN_SYNCED_PROVIDER("provider"),

    /**
     * A new passkey was saved on one device only (a single-device credential), by the provider
     * named by {@code provider}: "Windows Hello", "YubiKey 5" and the like. Texts start with the
     * name, so pass a proper name rather than a phrase such as "a security key".
     */
    SAVED_ON_ONE_DEVICE("provider"),

    /** Someone is about to create a passkey and may never have seen the prompt. */
    BEFORE_CREATING_A_PASSKEY,

    /** Someone signs in on a device that others use too. */
    SHARED_DEVICE,

    /** Someone has lost, or is replacing, a device with a passkey. */
    LOST_DEVICE;

    private final List<String> parameters;

    TipKey(String... parameters) {
        this.parameters = List.of(parameters);
    }

    /** @return the names of the parameters this tip's texts mention, as {@code {name}} */
    public List<String> parameters() {
        return parameters;
    }

    /** @return the key's name in the message bundles, such as {@code after-hybrid-sign-in} */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
