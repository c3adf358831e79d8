package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.FallbackSignIns;
import dev.latchkey.identity.api.SignInMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Joins the caller's transaction: a passkey removal asks inside the transaction that removes it. */
@ApplicationScoped
@Transactional
class JpaFallbackSignIns implements FallbackSignIns {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    Offered offered;

    @Override
    public List<SignInMethod> usable(UUID accountId) {
        AccountEntity account = em.find(AccountEntity.class, accountId);
        // Email codes, passwords and recovery codes all sign in by the confirmed address only.
        if (account == null || account.email == null) {
            return List.of();
        }
        List<SignInMethod> ways = new ArrayList<>();
        if (offered.emailCode()) {
            ways.add(SignInMethod.EMAIL_CODE);
        }
        if (offered.password() && em.find(PasswordEntity.class, accountId) != null) {
            ways.add(SignInMethod.PASSWORD);
        }
        Number codes = (Number) em.createNativeQuery("select count(*) from idn_recovery_code"
                        + " where account_id = ? and used_at is null")
                .setParameter(1, accountId).getSingleResult();
        if (codes.longValue() > 0) {
            ways.add(SignInMethod.RECOVERY_CODE);
        }
        return List.copyOf(ways);
    }
}
