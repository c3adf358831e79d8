package dev.latchkey.nudges.api;

import java.util.UUID;

/** The multi-device coverage model. */
public interface Coverage {

    /** Each active, known device of the account with its verdict and reason (ungrouped). */
    CoverageReport of(UUID accountId);
}
