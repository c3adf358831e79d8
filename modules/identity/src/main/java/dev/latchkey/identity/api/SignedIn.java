package dev.latchkey.identity.api;

import java.util.Set;
import java.util.UUID;

/**
 * A completed sign-in ({@link SignIns#complete}): the device record seen, the device key the
 * browser is to keep (its own, or a new one when it had none), and the new session's token, which
 * the web layer turns into the session cookie. The previous session of the browser has ended.
 *
 * @param staffRoles the account's staff roles ({@link Staff#roles}) as the sign-in read them, in its
 *                   transaction: where to land next, without another transaction (empty for everyone else)
 */
public record SignedIn(UUID accountId, SignInMethod method, Device device, DeviceKey deviceKey,
                       Sessions.SessionToken session, Set<StaffRole> staffRoles) {

    public SignedIn {
        staffRoles = Set.copyOf(staffRoles);
    }
}
