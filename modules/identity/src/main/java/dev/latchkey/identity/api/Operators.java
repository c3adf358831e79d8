package dev.latchkey.identity.api;

import java.util.UUID;

/**
 * The operator role, for the pages under {@code /operator} (invitations now, reports later).
 * An operator is an account whose confirmed address {@link OperatorPolicy} lists; operator actions
 * additionally need a ranked {@link StepUp}, which the pages check.
 */
public interface Operators {

    boolean isOperator(UUID accountId);
}
