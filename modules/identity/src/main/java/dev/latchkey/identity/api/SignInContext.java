package dev.latchkey.identity.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What a browser brings to a sign-in, as the web layer read it from the request: its device
 * cookie (when it has a well-formed one), how it describes itself, its network address (for the
 * abuse limits), and the session it is leaving (its current session cookie, if any).
 *
 * <p>Nothing here is a cookie or a request: identity decides, the web layer only carries.
 */
public record SignInContext(Optional<DeviceKey> deviceKey, ClientDescription client, String clientAddress,
                            Optional<Sessions.SessionToken> leavingSession) {

    public SignInContext {
        Objects.requireNonNull(deviceKey, "deviceKey");
        Objects.requireNonNull(client, "client");
        clientAddress = clientAddress == null ? "" : clientAddress;
        Objects.requireNonNull(leavingSession, "leavingSession");
    }
}
