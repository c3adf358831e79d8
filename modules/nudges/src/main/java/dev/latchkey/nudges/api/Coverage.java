package dev.latchkey.nudges.api;

import java.util.UUID;

/** The multi-device coverage model. */
public interface Coverage {

    /** Each active, known device of the account with its verdict and reason (ungrouped). */
    CoverageReport of(UUID accountId);

    /**
     * What the step-up page can offer on this device: a passkey, or, where the account's passkeys are all on other
     * computers, the link handoff from one of them and (if any is left) a recovery code.
     *
     * @param device identity's device record of the browser asking, when known
     */
    StepUpHere stepUpHere(UUID accountId, java.util.Optional<UUID> device);
}
