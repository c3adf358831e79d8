package dev.latchkey.federation.internal;

import dev.latchkey.credentials.api.PasskeyRemoved;
import dev.latchkey.federation.api.FederationEvent;
import dev.latchkey.identity.api.SignInRevoked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Refresh tokens end with the sign-in they came from: at sign-out of that session, and for the whole
 * account when its password is changed or removed or a passkey is removed (the person may be shutting
 * out someone who had access). Observed inside the transaction that did it, so both commit together.
 */
@ApplicationScoped
class RefreshTokenRevocations {

    @PersistenceContext(unitName = "federation")
    EntityManager em;

    @Inject
    FederationEvents events;

    @Transactional(Transactional.TxType.MANDATORY)
    void signInRevoked(@Observes SignInRevoked revoked) {
        int ended = revoked.sessionId()
                .map(session -> em.createNativeQuery("update fed_refresh_token set revoked = true where session_id = ?"
                        + " and not revoked").setParameter(1, session).executeUpdate())
                .orElseGet(() -> revokeAccount(revoked.accountId()));
        if (ended > 0) {
            events.record(FederationEvent.Type.TOKENS_REVOKED, null, revoked.accountId(), revoked.reason());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void passkeyRemoved(@Observes PasskeyRemoved removed) {
        if (revokeAccount(removed.accountId()) > 0) {
            events.record(FederationEvent.Type.TOKENS_REVOKED, null, removed.accountId(), "PASSKEY_REMOVED");
        }
    }

    private int revokeAccount(UUID accountId) {
        return em.createNativeQuery("update fed_refresh_token set revoked = true where account_id = ? and not revoked")
                .setParameter(1, accountId).executeUpdate();
    }
}
