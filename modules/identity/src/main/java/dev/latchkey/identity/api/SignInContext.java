package dev.latchkey.identity.api;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a browser brings to a sign-in, as the web layer read it from the request: its device
 * cookie (when it has a well-formed one), how it describes itself, its network address (for the
 * abuse limits), the session it is leaving (its current session cookie, if any) and the language
 * of the page (at sign-up, the new account's mail language; ignored at a sign-in).
 *
 * <p>Nothing here is a cookie or a request: identity decides, the web layer only carries.
 */
public record SignInContext(Optional<DeviceKey> deviceKey, ClientDescription client, String clientAddress,
                            Optional<Sessions.SessionToken> leavingSession, Optional<Locale> language) {

    public SignInContext {
        Objects.requireNonNull(deviceKey, "deviceKey");
        Objects.requireNonNull(client, "client");
        clientAddress = clientAddress == null ? "" : clientAddress;
        Objects.requireNonNull(leavingSession, "leavingSession");
        Objects.requireNonNull(language, "language");
    }

    /** Without a page language (English mail for an account made with it). */
    public SignInContext(Optional<DeviceKey> deviceKey, ClientDescription client, String clientAddress,
                         Optional<Sessions.SessionToken> leavingSession) {
        this(deviceKey, client, clientAddress, leavingSession, Optional.empty());
    }
}
