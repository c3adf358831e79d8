package dev.latchkey.identity.internal;

import dev.latchkey.identity.api.PasskeyPresence;
import dev.latchkey.identity.api.SignInMethod;
import dev.latchkey.identity.api.StepUp;
import dev.latchkey.platform.api.NativeColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@Transactional
class JpaStepUp implements StepUp {

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Inject
    PasskeyPresence passkeys;

    @Override
    public boolean satisfied(UUID sessionId) {
        List<?> rows = em.createNativeQuery("select account_id, authenticated_by from idn_session where id = ?"
                        + " and authenticated_at > current_timestamp - interval '" + WINDOW.toSeconds() + "' second")
                .setParameter(1, sessionId).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Object[] row = (Object[]) rows.get(0);
        SignInMethod method = SignInMethod.valueOf((String) row[1]);
        // A recovery code is the account's own high-entropy secret, kept for exactly the day its
        // passkeys are gone: it qualifies like a passkey (an email code never does).
        return method.isPasskey() || method == SignInMethod.RECOVERY_CODE || !passkeyRequired(NativeColumns.uuid(row[0]));
    }

    @Override
    public void record(UUID sessionId, SignInMethod method) {
        em.createNativeQuery("update idn_session set authenticated_at = current_timestamp, authenticated_by = ?"
                        + " where id = ?")
                .setParameter(1, method.name()).setParameter(2, sessionId).executeUpdate();
    }

    @Override
    public boolean passkeyRequired(UUID accountId) {
        return passkeys.hasPasskey(accountId);
    }
}
