package dev.latchkey.insights.internal;

import dev.latchkey.identity.api.StaffRoleChanged;
import dev.latchkey.nudges.api.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Records identity's staff-role changes as staff actions, synchronously in the transaction that made
 * them: a grant or revocation without its audit row cannot commit.
 */
@ApplicationScoped
class StaffRoleAudit {

    @Inject
    StaffActions actions;

    void onChange(@Observes StaffRoleChanged change) {
        actions.record(change.actorId(), change.granted() ? "STAFF_ROLE_GRANTED" : "STAFF_ROLE_REVOKED",
                change.accountId().toString(), Words.of(change.granted() ? "op.audit.roleGranted" : "op.audit.roleRevoked",
                        Words.of("forbidden.role." + change.role().name()), change.accountEmail()));
    }
}
