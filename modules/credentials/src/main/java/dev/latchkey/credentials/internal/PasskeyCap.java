package dev.latchkey.credentials.internal;

import dev.latchkey.credentials.api.CeremonyRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The one home of the per-account passkey cap (LATCHKEY_PASSKEY_CAP, the registration policy's):
 * every path that adds a passkey (add, handoff, pairing) asks here, before its options are issued
 * and again before the passkey is stored, in the storing transaction.
 *
 * <p>In the storing transaction the count is taken under a lock on the account's row in
 * {@code cred_passkey_cap_lock} (credentials' own, created on first use), held until that transaction
 * ends, here and on any other instance sharing the database: a count followed by an insert is only a
 * cap when no other addition can come between them (OWASP ASVS V2.2.1, limits that parallel requests
 * cannot pass).
 */
@ApplicationScoped
class PasskeyCap {

    @PersistenceContext(unitName = "credentials")
    EntityManager em;

    @Inject
    RegistrationRules rules;

    @Inject
    CredentialEvents events;

    /** @throws CeremonyRejected {@code TOO_MANY_PASSKEYS} when the account holds the most passkeys it may */
    @Transactional(dontRollbackOn = CeremonyRejected.class)
    void refuseAt(UUID accountId) {
        em.createNativeQuery("insert into cred_passkey_cap_lock (account_id) values (?) on conflict do nothing")
                .setParameter(1, accountId).executeUpdate();
        em.createNativeQuery("select account_id from cred_passkey_cap_lock where account_id = ? for update")
                .setParameter(1, accountId).getResultList();
        long held = em.createQuery("select count(p) from PasskeyEntity p where p.accountId = :a", Long.class)
                .setParameter("a", accountId).getSingleResult();
        if (held >= rules.passkeyCap()) {
            events.recordRefusal(CeremonyRejected.Reason.TOO_MANY_PASSKEYS.name());
            throw new CeremonyRejected(CeremonyRejected.Reason.TOO_MANY_PASSKEYS, "ceremony.detail.passkeyCap",
                    java.util.List.of(Integer.toString(rules.passkeyCap())), "Your account already has "
                    + rules.passkeyCap() + " passkeys, the most it can hold. Remove one you no longer use before"
                    + " adding another.", null);
        }
    }
}
