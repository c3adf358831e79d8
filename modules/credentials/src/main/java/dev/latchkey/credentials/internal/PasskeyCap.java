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
        long held = em.createQuery("select count(p) from PasskeyEntity p where p.accountId = :a", Long.class)
                .setParameter("a", accountId).getSingleResult();
        if (held >= rules.passkeyCap()) {
            events.recordRefusal(CeremonyRejected.Reason.TOO_MANY_PASSKEYS.name());
            throw new CeremonyRejected(CeremonyRejected.Reason.TOO_MANY_PASSKEYS, "Your account already has "
                    + rules.passkeyCap() + " passkeys, the most it can hold. Remove one you no longer use before"
                    + " adding another.");
        }
    }
}
