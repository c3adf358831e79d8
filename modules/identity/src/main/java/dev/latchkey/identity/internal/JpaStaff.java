package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.Permission;
import dev.latchkey.identity.api.Staff;
import dev.latchkey.identity.api.StaffPolicy;
import dev.latchkey.identity.api.StaffRole;
import dev.latchkey.identity.api.StepUp;
import dev.latchkey.identity.api.StepUpProof;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
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
        return account == null || account.email == null ? Set.of() : policy.roles(new EmailAddress(account.email));
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
