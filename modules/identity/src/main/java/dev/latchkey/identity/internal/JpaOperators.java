package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.EmailAddress;
import dev.latchkey.identity.api.OperatorPolicy;
import dev.latchkey.identity.api.Operators;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

@ApplicationScoped
@Transactional
class JpaOperators implements Operators {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    OperatorPolicy policy;

    @Override
    public boolean isOperator(UUID accountId) {
        AccountEntity account = accountId == null ? null : em.find(AccountEntity.class, accountId);
        // Only a confirmed address counts: a claim typed at sign-up proves nothing.
        return account != null && account.email != null && policy.lists(new EmailAddress(account.email));
    }
}
