package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.FallbackSignIns;
import dev.latchkey.identity.api.LastWayIn;
import dev.latchkey.identity.api.PasskeyPresence;
import dev.latchkey.identity.api.SignInMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** The one "last way in" rule; joins the caller's transaction and locks the account row there. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class JpaLastWayIn implements LastWayIn {


    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    FallbackSignIns fallbacks;

    @Inject
    PasskeyPresence passkeys;

    @Override
    public Verdict check(UUID accountId, Loss loss) {
        // Serialises every path that removes a way in (see the interface): the count below stays true
        // until the caller's transaction ends.
        AccountEntity account = em.find(AccountEntity.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            return Verdict.ALLOWED;
        }
        long losing = loss instanceof Passkeys p ? p.count()
                : loss instanceof LostDevice d ? passkeys.countCreatedOn(accountId, d.deviceId()) : 0;
        long passkeysLeft = passkeys.count(accountId) - losing;
        List<SignInMethod> fallbacksLeft = fallbacks.usable(accountId).stream()
                .filter(m -> !(loss instanceof Password && m == SignInMethod.PASSWORD)).toList();
        if (passkeysLeft > 0 || !fallbacksLeft.isEmpty()) {
            return Verdict.ALLOWED;
        }
        // The words (why, and what to do instead) are the page's, by the loss: lastWayIn.* in the message bundles.
        return Verdict.refused(account.email == null);
    }
}
