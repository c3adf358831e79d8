package dev.latchkey.identity.api;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One successful step-up, as recorded (append-only) with the session it re-authenticated.
 *
 * @param deviceId    the session's device record, when the session had one
 * @param deviceLabel that device's label at the time ("Chrome on Linux"), user data, when known
 */
public record StepUpEvent(Instant at, SignInMethod method, Optional<UUID> deviceId, Optional<String> deviceLabel) {
}
