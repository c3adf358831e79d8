package dev.latchkey.identity.api;

import java.util.Set;
import java.util.UUID;

/**
 * The staff roles of accounts, for the pages under {@code /operator} and for the use cases staff
 * run. An account has the roles whose setting lists its <em>confirmed</em> address
 * ({@link StaffPolicy}); what a role may do is {@link Permission}'s table. Staff actions
 * additionally need a ranked {@link StepUp}: the pages ask for one, and the use cases demand its
 * {@link StepUpProof}.
 */
public interface Staff {

    /** The account's roles; empty for an account that is not staff (or does not exist). */
    Set<StaffRole> roles(UUID accountId);

    /** Whether one of the account's roles grants the permission. */
    default boolean may(UUID accountId, Permission permission) {
        return accountId != null && permission.grantedToAny(roles(accountId));
    }

    /**
     * Checks, in the caller's transaction, that the proof still holds and its account may do this.
     *
     * @return the staff member's account
     * @throws StepUpProof.Expired when the step-up no longer holds
     * @throws NotPermitted when no role of the account grants it
     */
    UUID confirm(StepUpProof proof, Permission permission);

    /** The account's roles do not grant what was asked; nothing was done. */
    final class NotPermitted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NotPermitted(Permission permission) {
            super("Only an " + permission.rolesInWords() + " may use " + permission.words() + ".");
        }
    }
}
