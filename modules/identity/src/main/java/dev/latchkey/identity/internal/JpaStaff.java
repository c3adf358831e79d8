package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.Permission;
import dev.latchkey.identity.api.Staff;
import dev.latchkey.identity.api.StaffPolicy;
import dev.latchkey.identity.api.StaffRole;
import dev.latchkey.identity.api.StaffRoles;
import dev.latchkey.identity.api.StepUp;
import dev.latchkey.identity.api.StepUpProof;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
class JpaStaff implements Staff {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    StaffPolicy policy;

    @Inject
    StepUp stepUp;

    @Override
    public Set<StaffRole> roles(UUID accountId) {
        AccountEntity account = accountId == null ? null : em.find(AccountEntity.class, accountId);
        // Only a confirmed address counts: a claim typed at sign-up proves nothing.
        if (account == null || account.email == null) {
            return Set.of();
        }
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        roles.addAll(policy.roles(new EmailAddress(account.email)));
        roles.addAll(granted(accountId));
        return roles;
    }

    /** The roles admins granted the account in the console ({@code idn_staff_grant}). */
    public Set<StaffRole> granted(UUID accountId) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        for (Object role : em.createNativeQuery("select role from idn_staff_grant where account_id = ?")
                .setParameter(1, accountId).getResultList()) {
            // Only what may be granted counts, whatever a row says: admins come from configuration only.
            Arrays.stream(StaffRole.values()).filter(r -> r.name().equals(role) && StaffRoles.GRANTABLE.contains(r))
                    .forEach(roles::add);
        }
        return roles;
    }

    @Override
    public UUID confirm(StepUpProof proof, Permission permission) {
        UUID accountId = stepUp.confirm(proof);
        if (!may(accountId, permission)) {
            throw new NotPermitted(permission);
        }
        return accountId;
    }
}
