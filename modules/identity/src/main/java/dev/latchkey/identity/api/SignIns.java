package dev.latchkey.identity.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The sign-in log. Recording an attempt stores it (append-only) and then fires it as a CDI
 * {@link SignInEvent}, so other modules learn of sign-ins through this API only.
 */
public interface SignIns {

    SignInEvent recordSuccess(UUID accountId, Device device, SignInMethod method);

    SignInEvent recordFailure(Optional<UUID> accountId, String deviceLabel, SignInMethod method, String reason);

    /** The account's most recent sign-in attempts, newest first. */
    List<SignInEvent> recent(UUID accountId, int limit);
}
