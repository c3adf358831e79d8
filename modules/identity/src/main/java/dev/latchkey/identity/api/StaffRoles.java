package dev.latchkey.identity.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Admins manage staff roles in the console, beyond the ones configuration gives
 * ({@link StaffPolicy}): {@link #GRANTABLE} roles only, to accounts with a confirmed address, each change
 * behind a fresh step-up ({@link StepUpProof}, {@link Permission#STAFF_ROLES}) and announced as a
 * {@link StaffRoleChanged} in the same transaction (insights audits it). A role that configuration
 * gives cannot be revoked here: it is the deployment's, and comes back at the next request anyway.
 * Admins themselves come from configuration only, so nobody can make a new admin from the console.
 */
public interface StaffRoles {

    Set<StaffRole> GRANTABLE = Set.copyOf(EnumSet.of(StaffRole.OPERATOR, StaffRole.AGENT));

    /** Every staff member, from configuration and from grants, by address. */
    List<Member> members(StepUpProof admin);

    /** @throws Refused when the address has no confirmed account, the role is not grantable, or already held */
    void grant(StepUpProof admin, String email, StaffRole role);

    /** @throws Refused when the role was not granted here (configured, or not held) */
    void revoke(StepUpProof admin, UUID accountId, StaffRole role);

    /**
     * @param configured the roles configuration gives (not revocable here)
     * @param granted    the roles admins granted (revocable)
     */
    record Member(UUID accountId, String email, Set<StaffRole> configured, Set<StaffRole> granted) {
    }

    /** Nothing was changed. */
    final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public enum Reason { INVALID, NOT_FOUND, NOT_GRANTABLE, ALREADY_HELD, NOT_GRANTED }

        private final Reason reason;

        public Refused(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
