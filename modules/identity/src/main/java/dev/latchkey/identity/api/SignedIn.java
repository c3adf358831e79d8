package dev.latchkey.identity.api;

import java.util.UUID;

/**
 * A completed sign-in ({@link SignIns#complete}): the device record seen, the device key the
 * browser is to keep (its own, or a new one when it had none), and the new session's token, which
 * the web layer turns into the session cookie. The previous session of the browser has ended.
 */
public record SignedIn(UUID accountId, SignInMethod method, Device device, DeviceKey deviceKey,
                       Sessions.SessionToken session) {
}
